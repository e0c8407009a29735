/**
 * What the privacy flow needs from the stores, as small structural types: the record store and
 * botbuilder storage in bot/storage satisfy them, and tests can pass their own.
 */
export interface PrivacyRecord {
  kind: string;
  id: string;
  state: string | null;
  value: unknown;
}

export interface PrivacyRecords {
  list(kind: string, filter?: { conversationId?: string }): Promise<PrivacyRecord[]>;
  claim(kind: string, id: string, claim: { from: readonly string[]; to: string; update?: (value: never) => unknown }): Promise<unknown>;
  deleteConversation(conversationId: string, options?: { except?: ReadonlyArray<{ kind: string; id: string }> }): Promise<{ records: number; logs: number }>;
  appendAudit(entry: { actor: string; action: string; target?: string; conversationId?: string }): Promise<void>;
}

export interface PrivacyStorage {
  deleteConversation(conversationId: string): Promise<number>;
}

export interface PrivacyDeps {
  records: PrivacyRecords;
  storage: PrivacyStorage;
  /** RETENTION_DAYS, for "how long" in the explanation. */
  retentionDays: number;
  /**
   * Ends an accepted handoff the way the handoff queue does (history entry, the veileder told).
   * Default: an atomic claim accepted → closed with a history entry by the user.
   */
  closeHandoff?: (id: string) => Promise<void>;
  /** Other places that keep this conversation, e.g. the Direct Line activity log. */
  alsoErase?: ReadonlyArray<(conversationId: string) => Promise<void>>;
  clock?: () => Date;
  /** Failures are reported here (never with message text) and the user gets a kind answer. */
  onError?: (error: unknown) => void;
}

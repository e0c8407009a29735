/**
 * The bot's own records (not botbuilder state): handoffs, consent, callbacks, Direct Line
 * conversations (the one record of each web chat message), audit. One interface, two
 * implementations (lowdb files for one process, PostgreSQL for several instances), both held to
 * the same contract tests (test/storage/).
 *
 * Rules every implementation keeps:
 * - Every keyed record and log carries `expiresAt` (default: now + RETENTION_DAYS, refreshed on
 *   each write); `sweepExpired` deletes what has passed it, but never a handoff that is still open.
 * - `put` with `expectedVersion` and `claim` are compare-and-set: of two racing writers exactly one
 *   wins; the other gets RecordConflictError (put) or undefined (claim).
 * - Text from the user arrives redacted: redaction happens once, where an activity enters the
 *   service (bot/redaction/atTheEdge.ts), and the stores do not redo it.
 * - Audit entries are ids and verbs only: a field with whitespace is refused, so no message text
 *   can end up in the audit log by accident.
 */

export interface StoredRecord<T = unknown> {
  kind: string;
  id: string;
  /** The conversation this record is about; deleteConversation removes it with the rest. */
  conversationId: string | null;
  /** Lifecycle state (for handoffs: offered, queued, accepted…); what claim compares. */
  state: string | null;
  value: T;
  /** Changes on every write; pass it back as expectedVersion for compare-and-set. */
  version: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface RecordInput<T> {
  value: T;
  conversationId?: string | null;
  state?: string | null;
  /** Default: now + retention days. */
  expiresAt?: Date;
}

export interface ListFilter {
  conversationId?: string;
  state?: string | readonly string[];
  /** Oldest first (by createdAt); at most this many. */
  limit?: number;
}

export interface Claim<T> {
  /** Change only when the current state is one of these. */
  from: readonly string[];
  to: string;
  /** Optional change to the value, made in the same atomic step. */
  update?: (value: T) => T;
}

export interface LogEntry<T = unknown> {
  seq: number;
  at: string;
  data: T;
}

export interface AuditEntry {
  /** Who: "veileder:<id>", "user", "system". */
  actor: string;
  /** What: "handoff.view", "handoff.accept", "conversation.delete"… */
  action: string;
  /** What it was done to: a handoff id, a conversation id. */
  target?: string;
  conversationId?: string;
  /** When (set by the store when missing). */
  at?: string;
}

export type AuditRecord = AuditEntry & { at: string };

/** Only the known fields, so an extra property (say, a message) is never stored. */
export function auditRecord(entry: AuditEntry, now: Date): AuditRecord {
  assertAuditEntry(entry);
  const at = entry.at === undefined ? now : new Date(entry.at);
  const record: AuditRecord = { actor: entry.actor, action: entry.action, at: at.toISOString() };
  if (entry.target !== undefined) record.target = entry.target;
  if (entry.conversationId !== undefined) record.conversationId = entry.conversationId;
  return record;
}

export interface DeleteConversationOptions {
  /** Records to keep (e.g. an accepted handoff that was closed instead). */
  except?: ReadonlyArray<{ kind: string; id: string }>;
}

export interface DeletionCount {
  records: number;
  logs: number;
}

export type Unsubscribe = () => void;

/**
 * What a subscriber gets when announcements may have been lost (PostgreSQL's LISTEN connection
 * dropped and came back): read the log again from what you last saw.
 */
export const MAYBE_MISSED = { maybeMissed: true } as const;

export function isMaybeMissed(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { maybeMissed?: unknown }).maybeMissed === true;
}

/** What appendLog publishes for a new entry: `{ ...message, seq }` on `channel`. */
export interface LogAnnouncement {
  channel: string;
  message: Record<string, unknown>;
}

export interface RecordStore {
  get<T>(kind: string, id: string): Promise<StoredRecord<T> | undefined>;
  /**
   * expectedVersion: undefined writes whatever is there; null creates only (fails if it exists);
   * a string writes only over that exact version. A mismatch throws RecordConflictError.
   */
  put<T>(kind: string, id: string, input: RecordInput<T>, expectedVersion?: string | null): Promise<StoredRecord<T>>;
  list<T>(kind: string, filter?: ListFilter): Promise<StoredRecord<T>[]>;
  /** Returns false when there was nothing to delete (or expectedVersion did not match). */
  delete(kind: string, id: string, expectedVersion?: string): Promise<boolean>;
  /** Atomic state change; undefined when the record is missing or not in an allowed state. */
  claim<T>(kind: string, id: string, claim: Claim<T>): Promise<StoredRecord<T> | undefined>;

  /**
   * A named append-only log per conversation (e.g. "directline" activities); returns the entry's
   * sequence number (1, 2, …). With `announce`, the
   * announcement is published once the entry is stored (on PostgreSQL in the same statement), with
   * `seq` set to the entry's number; announcements of one log arrive in the order of their entries.
   * A log's appends are numbered in the order they are called, also when made at once without
   * waiting for each other.
   */
  appendLog<T>(conversationId: string, log: string, data: T, at?: Date, announce?: LogAnnouncement): Promise<number>;
  readLog<T>(conversationId: string, log: string, after?: number): Promise<LogEntry<T>[]>;
  /** Removes a log's entries; its sequence numbers go on from where they were. True if any were removed. */
  clearLog(conversationId: string, log: string): Promise<boolean>;
  /** Keeps only the newest `keepLast` entries of a log; returns how many were removed. */
  trimLog(conversationId: string, log: string, keepLast: number): Promise<number>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Oldest first. */
  readAudit(filter?: { conversationId?: string; since?: Date }): Promise<AuditRecord[]>;

  /**
   * Everything about the conversation: its records and the entries of its logs (audit entries
   * stay: ids only). Log sequence numbers are not reused afterwards, so a reader's "after N" stays valid.
   */
  deleteConversation(conversationId: string, options?: DeleteConversationOptions): Promise<DeletionCount>;
  /** Deletes expired records, logs and audit entries; open handoffs and their logs stay. */
  sweepExpired(now: Date): Promise<DeletionCount & { audit: number }>;
  /** Conversations that have an open handoff: their state and message logs must outlive expiry. */
  conversationsWithOpenHandoffs(): Promise<Set<string>>;
  hasOpenHandoff(conversationId: string): Promise<boolean>;

  /** Fan-out between instances (in-process for lowdb, LISTEN/NOTIFY for PostgreSQL). */
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe;

  close(): Promise<void>;
}

/** A record file that could not be read, moved aside (never its content: it may be personal). */
export class DamagedRecordError extends Error {
  constructor(
    readonly kind: string,
    readonly movedTo: string,
  ) {
    super(`a damaged ${kind} record was moved to ${movedTo}`);
    this.name = 'DamagedRecordError';
  }
}

/** The stored signing secret cannot be read: the start stops, with what to do. */
export class UnreadableConfigError extends Error {
  constructor(path: string, cause: unknown) {
    const why = (cause as NodeJS.ErrnoException).code ?? 'not valid JSON';
    super(
      `${path} (the Direct Line signing secret) cannot be read (${why}). Restore it from a backup, or remove it to make a new one: ` +
        'open chats, resume codes and copy links made with the old one stop working.',
    );
    this.name = 'UnreadableConfigError';
  }
}

export class RecordConflictError extends Error {
  readonly code = 'RECORD_CONFLICT';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`Record ${kind}/${id} was changed by someone else`);
    this.name = 'RecordConflictError';
  }
}

const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const AUDIT_FIELD = /^[^\s]{1,200}$/;

export function assertKind(kind: string): void {
  if (!KIND.test(kind)) throw new TypeError(`Record kind must be lowercase letters, digits and "-": "${kind}"`);
}

export function assertLogName(log: string): void {
  assertKind(log);
}

/** Audit fields are identifiers and verbs; whitespace means someone passed text. */
export function assertAuditEntry(entry: AuditEntry): void {
  for (const field of ['actor', 'action', 'target', 'conversationId'] as const) {
    const value = entry[field];
    if (value === undefined && field !== 'actor' && field !== 'action') continue;
    if (typeof value !== 'string' || !AUDIT_FIELD.test(value)) {
      throw new TypeError(`Audit field "${field}" must be an identifier without spaces`);
    }
  }
}

export function matchesState(state: string | null, wanted: ListFilter['state']): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? state === wanted : state !== null && wanted.includes(state);
}


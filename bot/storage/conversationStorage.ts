import type { Storage } from 'botbuilder';

/**
 * botbuilder's Storage (read/write/delete with eTags) plus what privacy and retention need:
 * remove everything kept for one conversation, and remove what has expired.
 */
export interface ConversationStorage extends Storage {
  /** Deletes every state item whose key names this conversation. Returns how many were deleted. */
  deleteConversation(conversationId: string): Promise<number>;
  /** Deletes items past their expiry date, except those of the conversations in `keep`. */
  sweepExpired(now: Date, keep: ReadonlySet<string>): Promise<number>;
}

/** True when an expired conversation must still be served (it has an open handoff). */
export type KeepExpired = (conversationId: string) => Promise<boolean>;

/** The message botbuilder's MemoryStorage throws on a stale eTag; callers may match on it. */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/**
 * The conversation a state key belongs to. botbuilder uses "<channel>/conversations/<id>/<ns>",
 * Teams AI "<channel>/<botId>/conversations/<id>"; user-state keys belong to no conversation.
 */
export function conversationOfKey(key: string): string | undefined {
  const match = /(?:^|\/)conversations\/([^/]+)/.exec(key);
  return match?.[1];
}

import { addDays } from 'date-fns/addDays';
import { HANDOFF_STATES, isHandoffState, isTerminal } from '../handoff/stateMachine.js';

/**
 * How long the bot keeps what it stores. Everything carries an expiry date set from
 * RETENTION_DAYS when it is written; the sweep deletes what has passed it. A handoff that is still
 * open (offered, consented, queued, accepted) is kept, with its conversation, until it ends.
 */
export function expiryFrom(from: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError('retentionDays must be a whole number ≥ 1');
  return addDays(from, retentionDays);
}

export function isExpired(expiresAt: string | Date | null | undefined, now: Date): boolean {
  if (expiresAt === null || expiresAt === undefined) return false;
  const at = typeof expiresAt === 'string' ? Date.parse(expiresAt) : expiresAt.getTime();
  return Number.isFinite(at) && at <= now.getTime();
}

export const HANDOFF_KIND = 'handoff';

/**
 * The local Direct Line's conversation record: random ids and the locale, no content. Deleting a
 * conversation on the user's request keeps it (emptied logs aside) so the chat can go on.
 */
export const CHANNEL_SESSION_KIND = 'directline';

/** Handoff states that are not over yet (a database filter needs them as a list). */
export const OPEN_HANDOFF_STATES: readonly string[] = HANDOFF_STATES.filter((s) => !isTerminal(s));

/** True for a record that must outlive its expiry date: a handoff that has not ended. */
export function isOpenHandoff(kind: string, state: string | null | undefined): boolean {
  return kind === HANDOFF_KIND && isHandoffState(state) && !isTerminal(state);
}

/** What the sweep looks at for each keyed record. */
export interface RetainedRecord {
  kind: string;
  state?: string | null;
  expiresAt: string | null;
}

export function shouldSweepRecord(record: RetainedRecord, now: Date): boolean {
  return isExpired(record.expiresAt, now) && !isOpenHandoff(record.kind, record.state);
}

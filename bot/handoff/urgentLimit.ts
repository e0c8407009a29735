import { TokenBucketLimiter } from '../directline/rateLimit.js';

/** The flag a handoff gets when it asked to be urgent beyond the limit (locales: handoff flag.URGENT_LIMITED). */
export const URGENT_LIMITED_FLAG = 'URGENT_LIMITED';

/**
 * Urgent handoffs per address (the local Direct Line's client address, or the channel's user id)
 * per hour. Urgency is the citizen's own word, so a script could put any number of handoffs at the
 * top of the queue; past the limit they queue as ordinary and are marked. Three an hour leaves room
 * for a shelter or an office where several people share one address.
 */
export class UrgentLimit {
  readonly #buckets: TokenBucketLimiter;

  constructor(perHour = 3, clock: () => Date = () => new Date()) {
    this.#buckets = new TokenBucketLimiter({ capacity: perHour, refillPerSecond: perHour / 3600 }, clock);
  }

  /** Counts one urgent handoff from `key`; false when the hour's allowance is used up. */
  allow(key: string | undefined): boolean {
    return this.#buckets.take(key ?? 'unknown').allowed;
  }
}

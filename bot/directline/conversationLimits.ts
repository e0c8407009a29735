import { LruMap } from '../storage/lruMap.js';
import { TokenBucketLimiter } from './rateLimit.js';

export interface ConversationLimitOptions {
  /** Messages and events a conversation may send in a burst, and regains per second after it. */
  burst: number;
  perSecond: number;
  /** And in a day: a person writes dozens; a script would write gigabytes. */
  perDay: number;
  /** Typing indicators (not stored, but sent to every instance) in a burst, and per second. */
  typingBurst: number;
  typingPerSecond: number;
  /** WebSocket streams open at once for one conversation (one per tab the person has open). */
  streams: number;
}

/**
 * 60 at once (the whole questionnaire tapped through as fast as the buttons come) and one a second
 * after that is more than anyone types; 2 000 a day (at most about 4 MB stored, as a message over
 * 2 000 characters is not kept) is more than any conversation with the bot. A bench citizen sends
 * 30 in 30 s.
 */
export const DEFAULT_CONVERSATION_LIMITS: ConversationLimitOptions = { burst: 60, perSecond: 1, perDay: 2000, typingBurst: 10, typingPerSecond: 1, streams: 5 };

export type Taken = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

/** Limits per conversation, in this instance's memory (the token is bound to the conversation). */
export class ConversationLimits {
  readonly options: ConversationLimitOptions;
  readonly #burst: TokenBucketLimiter;
  readonly #day: TokenBucketLimiter;
  readonly #typing: TokenBucketLimiter;
  /** Conversations already told to slow down since their last accepted message. */
  readonly #told = new LruMap<string, true>(10_000);

  constructor(options: Partial<ConversationLimitOptions> = {}, clock: () => Date = () => new Date()) {
    this.options = { ...DEFAULT_CONVERSATION_LIMITS, ...options };
    const o = this.options;
    // Room for many more conversations than run at once, so a day's count is not forgotten early.
    this.#burst = new TokenBucketLimiter({ capacity: o.burst, refillPerSecond: o.perSecond, maxKeys: 50_000 }, clock);
    this.#day = new TokenBucketLimiter({ capacity: o.perDay, refillPerSecond: o.perDay / 86_400, maxKeys: 50_000 }, clock);
    this.#typing = new TokenBucketLimiter({ capacity: o.typingBurst, refillPerSecond: o.typingPerSecond }, clock);
  }

  /** One activity from the person. A refusal says whether it is the first since they were last let through. */
  take(conversationId: string, type: string): Taken {
    if (type === 'typing') {
      const typing = this.#typing.take(conversationId);
      return typing.allowed ? typing : { ...typing, firstRefusal: false };
    }
    const burst = this.#burst.take(conversationId);
    const taken = burst.allowed ? this.#day.take(conversationId) : burst;
    if (taken.allowed) {
      this.#told.delete(conversationId);
      return taken;
    }
    const firstRefusal = !this.#told.has(conversationId);
    this.#told.set(conversationId, true);
    return { ...taken, firstRefusal };
  }
}

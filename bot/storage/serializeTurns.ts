import type { Middleware, TurnContext } from 'botbuilder';
import { KeyedLock } from './keyedLock.js';

export interface SerializeTurnsOptions {
  /**
   * A turn waits at most this long for the one before it on the same conversation, then runs
   * anyway (a turn that starts another turn on its own conversation must not wait forever).
   * Default 15 s.
   */
  maxWaitMs?: number;
}

/**
 * A proactive turn (continueConversation: a card update, a veileder's message relayed) only sends;
 * it neither reads nor saves conversation state. It must not wait for the lock: a turn that
 * updates its own conversation (a card press in a group chat updates the card there) would wait
 * for itself until maxWaitMs. Incoming events of this name are ignored by the bot.
 */
function isProactive(ctx: TurnContext): boolean {
  return ctx.activity.type === 'event' && ctx.activity.name === 'ContinueConversation';
}

/**
 * Adapter middleware: turns on one conversation run one after the other, in arrival order.
 * A user who taps a button twice, or writes again before the answer came, then gets two answers
 * in order, instead of two turns racing to save the same state (with TurnSafeStorage one of them
 * would fail; without it one would be lost). One process only: across instances the eTag check
 * is what remains.
 */
export function serializeTurns(options: SerializeTurnsOptions = {}): Middleware {
  const lock = new KeyedLock();
  const maxWait = options.maxWaitMs ?? 15_000;
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const conversationId = ctx.activity.conversation?.id;
      if (!conversationId || isProactive(ctx)) return next();
      let release!: () => void;
      const finished = new Promise<void>((resolve) => (release = resolve));
      const acquired = new Promise<void>((resolve) => {
        void lock.run(conversationId, () => {
          resolve();
          return finished;
        });
      });
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, maxWait);
        timer.unref();
      });
      await Promise.race([acquired, gaveUp]);
      clearTimeout(timer);
      try {
        await next();
      } finally {
        release();
      }
    },
  };
}

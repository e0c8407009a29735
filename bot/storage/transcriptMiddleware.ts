import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { langFromLocale } from '../../core/language.js';
import { setTranscriptWrites } from '../../dialogs/context.js';
import { redactFor } from '../../dialogs/privacy/index.js';
import type { RecordStore } from './recordStore.js';

export interface TranscriptOptions {
  /** Turns whose messages are not part of a citizen's transcript (e.g. a veileder team channel). */
  skip?: (ctx: TurnContext) => boolean;
  /** A failed append is reported here; the turn goes on. */
  onError?: (error: unknown) => void;
}

/**
 * Appends each message of a conversation to its transcript in the record store: the user's text
 * redacted (placeholders in the language of the channel locale), the bot's text as sent. The
 * transcript expires with the conversation and is deleted with it.
 * Mount on the adapter: adapter.use(transcriptMiddleware(records)).
 */
export function transcriptMiddleware(records: Pick<RecordStore, 'appendTranscript'>, options: TranscriptOptions = {}): Middleware {
  const append = async (conversationId: string, from: 'user' | 'bot', text: string) => {
    try {
      await records.appendTranscript(conversationId, { from, text });
    } catch (error) {
      options.onError?.(error);
    }
  };
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const conversationId = ctx.activity.conversation?.id;
      if (!conversationId || options.skip?.(ctx)) return next();
      const text = ctx.activity.type === ActivityTypes.Message ? ctx.activity.text?.trim() : undefined;
      // The user's message is written while the turn runs (on PostgreSQL a round trip less before
      // the answer); the bot's replies are chained after it, so the transcript keeps the order.
      let writes: Promise<void> = text ? append(conversationId, 'user', redactFor(text, langFromLocale(ctx.activity.locale)).text) : Promise.resolve();
      setTranscriptWrites(ctx, () => writes);
      ctx.onSendActivities(async (_ctx, activities, sendNext) => {
        const texts = activities.flatMap((a) => (a.type === ActivityTypes.Message && a.text ? [a.text] : []));
        // Written while the activities are delivered, and done before the send returns.
        const written = (writes = writes.then(async () => {
          for (const text of texts) await append(conversationId, 'bot', text);
        }));
        try {
          return await sendNext();
        } finally {
          await written;
        }
      });
      try {
        await next();
      } finally {
        await writes;
      }
    },
  };
}

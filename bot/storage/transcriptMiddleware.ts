import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { langFromLocale } from '../../core/language.js';
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
      if (text) await append(conversationId, 'user', redactFor(text, langFromLocale(ctx.activity.locale)).text);
      ctx.onSendActivities(async (_ctx, activities, sendNext) => {
        const responses = await sendNext();
        for (const activity of activities) {
          if (activity.type === ActivityTypes.Message && activity.text) await append(conversationId, 'bot', activity.text);
        }
        return responses;
      });
      await next();
    },
  };
}

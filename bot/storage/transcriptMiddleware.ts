import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { langFromLocale } from '../../core/language.js';
import { isRedactedAtEdge } from '../../core/redaction/index.js';
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
 * as redacted at the edge (placeholders in the language of the channel locale), the bot's text as sent. The
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
      // Lines are handed to the store in order without waiting for each other (the store numbers a
      // log's appends in call order). The user's line waits for the first reply, or the end of the
      // turn, so that on PostgreSQL it goes in the same statement as the reply's own lines.
      // Redacted where it came in, as a rule; an activity that was not (a test adapter) is redacted here.
      let userLine = text && !isRedactedAtEdge(ctx.activity) ? redactFor(text, langFromLocale(ctx.activity.locale)).text : text;
      const writes: Array<Promise<void>> = [];
      const writeUserLine = () => {
        if (userLine === undefined) return;
        writes.push(append(conversationId, 'user', userLine));
        userLine = undefined;
      };
      const settled = async () => {
        writeUserLine();
        await Promise.all(writes);
      };
      setTranscriptWrites(ctx, settled);
      ctx.onSendActivities(async (_ctx, activities, sendNext) => {
        writeUserLine();
        // Handed over before the activities are delivered (the same tick), stored before the send returns.
        const lines = activities.flatMap((a) => (a.type === ActivityTypes.Message && a.text ? [append(conversationId, 'bot', a.text)] : []));
        writes.push(...lines);
        try {
          return await sendNext();
        } finally {
          await Promise.all(lines);
        }
      });
      try {
        await next();
      } finally {
        await settled();
      }
    },
  };
}

import type { TurnContext } from 'botbuilder';
import type { HandoffRecord } from '../../core/handoff/record.js';
import type { Lang } from '../../core/language.js';
import { matchLeave } from '../../dialogs/handoff/matchWords.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import type { HandoffQueue } from './handoffQueue.js';

export interface HandoffTurnHookOptions {
  queue: HandoffQueue;
  /** The crisis check; on a hit the hook lets the root answer with the crisis text. */
  checkSafety?: (text: string) => unknown;
  /** Told when a citizen's message or a state change should reach the veileder's side (Teams thread). */
  onCitizenMessage?: (record: HandoffRecord, seq: number) => Promise<void>;
  onStateChange?: (record: HandoffRecord) => Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * The root's beforeTurn hook. While a handoff is queued or accepted the bot stays silent: a message
 * goes into the handoff's log for the veileder, the user gets only their place in the queue, and
 * "avbryt"/"cancel" ends it. A crisis message is also logged for the veileder, then left to the
 * root so the crisis answer comes at once.
 */
export function createHandoffTurnHook(options: HandoffTurnHookOptions) {
  const { queue } = options;
  return async (ctx: TurnContext, data: { lang: Lang }): Promise<boolean> => {
    const conversationId = ctx.activity.conversation?.id;
    if (!conversationId || ctx.activity.type !== 'message') return false;
    const record = await queue.activeFor(conversationId);
    if (!record) return false;

    const tr = handoffTexts(data.lang);
    const text = (ctx.activity.text ?? '').trim();

    if (text && matchLeave(text)) {
      const cancelled = await queue.cancel(record.id).catch(() => undefined);
      if (!cancelled) return false;
      await ctx.sendActivity(tr(record.state === 'accepted' ? 'relay.cancelled' : 'queue.left'));
      await options.onStateChange?.(cancelled).catch(options.onError);
      return true;
    }

    if (text) {
      const seq = await queue.appendMessage(record.id, conversationId, 'user', text);
      await options.onCitizenMessage?.(record, seq).catch(options.onError);
    }
    if (text && options.checkSafety?.(text)) return false;

    if (record.state === 'queued') {
      const position = await queue.position(record.id);
      if (position !== undefined) await ctx.sendActivity(tr('queue.stillWaiting', { position }));
    }
    return true;
  };
}

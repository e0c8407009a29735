import type { Activity, TurnContext } from 'botbuilder';
import { matchKey } from '../../core/normalize.js';
import type { ConversationData } from '../context.js';

/**
 * The bot's own buttons come back as text when pressed ("Ikke send", "Jeg har ikke et sted å
 * sove"). The classifier must not read them as the person's words: a label it has never seen can
 * score as a crisis. The maintained phrase lists still see them, so a same-day button keeps its help.
 */
export function rememberOfferedButtons(ctx: TurnContext, data: ConversationData): void {
  let replaced = false;
  ctx.onSendActivities(async (_ctx, activities: Partial<Activity>[], next) => {
    for (const activity of activities) {
      if (activity.type !== undefined && activity.type !== 'message') continue;
      const labels = (activity.suggestedActions?.actions ?? []).flatMap((a) => [a.title, typeof a.value === 'string' ? a.value : undefined]);
      const keys = labels.filter((l): l is string => typeof l === 'string' && l.length > 0).map(matchKey);
      // The last buttons shown are the ones the person can press; a turn without any clears them.
      if (keys.length > 0 || !replaced) data.offeredButtons = [...new Set(keys)];
      replaced = true;
    }
    return next();
  });
}

export function isOfferedButton(data: ConversationData, text: string): boolean {
  return (data.offeredButtons ?? []).includes(matchKey(text));
}

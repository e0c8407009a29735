import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { langFromLocale, type Lang } from '../../core/language.js';
import { isRedactedAtEdge, markRedactedAtEdge, redactDeep } from '../../core/redaction/index.js';

export type RedactText = (text: string, lang: Lang) => { text: string; kinds: readonly string[] };

/**
 * Redacts everything a person sent in one activity (its text, an event's name, every string in a
 * card's submitted value) where it enters the service, before it is logged, stored or given to
 * the bot, and marks it so that nothing later redacts it again. Tells the bot (channelData
 * "redacted") when something was removed, so it can say why once.
 */
export function redactActivity(activity: Partial<Activity>, redactText: RedactText, locale?: string): void {
  if (isRedactedAtEdge(activity)) return;
  const lang = langFromLocale(activity.locale ?? locale);
  let removed = false;
  const clean = (text: string) => {
    const result = redactText(text, lang);
    if (result.kinds.length > 0) removed = true;
    return result.kinds.length > 0 ? result.text : text;
  };
  if (typeof activity.text === 'string') activity.text = clean(activity.text);
  if (typeof activity.name === 'string') activity.name = clean(activity.name);
  if (activity.value !== undefined) activity.value = redactDeep(activity.value, clean);
  if (removed) activity.channelData = { ...(activity.channelData as object | undefined), redacted: true };
  markRedactedAtEdge(activity);
}

/** The same for the Bot Framework adapter (Teams and Azure channels): mount it first. */
export function redactAtEdgeMiddleware(redactText: RedactText): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      redactActivity(ctx.activity, redactText);
      await next();
    },
  };
}

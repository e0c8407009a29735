import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import { matchKey } from '../../core/normalize.js';
import { LANGUAGES } from '../../core/language.js';
import { t, tMatchKey } from '../i18n.js';

/**
 * The crisis answer: help lines at once, then the offer of a veileder and of going on where the
 * user was. Nothing else in the turn runs after it.
 */
export async function sendCrisisReply(ctx: TurnContext, kind: 'self_harm' | 'violence', lang: Lang): Promise<void> {
  await ctx.sendActivity(t(lang, `safety:${kind}`));
  await ctx.sendActivity(
    MessageFactory.suggestedActions(
      [t(lang, 'safety:buttons.veileder'), t(lang, 'safety:buttons.continue')],
      `${t(lang, 'safety:offerVeileder')} ${t(lang, 'safety:continue')}`,
    ),
  );
}

/** True for the "go on where I was" button text in any language. */
export function isContinueChoice(text: string): boolean {
  const wanted = matchKey(text);
  return LANGUAGES.some((lang) => tMatchKey(lang, 'safety:buttons.continue') === wanted);
}

/** True for the crisis answer's "talk to a veileder" button text in any language. */
export function isVeilederChoice(text: string): boolean {
  const wanted = matchKey(text);
  return LANGUAGES.some((lang) => tMatchKey(lang, 'safety:buttons.veileder') === wanted);
}

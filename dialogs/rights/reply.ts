import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import { t } from '../i18n.js';

/** The `verb` of a rights card's submit; the chosen text comes in `choice` and is read like typed text. */
export const RIGHTS_SUBMIT_VERB = 'rights';

/**
 * A message with choices, then "talk to a person", then an optional last choice ("back to the
 * menu"). Quick replies on the web. Teams shows only three quick replies, so there the choices
 * become an Adaptive Card: a list with one Action.Submit, and a separate button for a person that
 * the root routes like its own menu.
 */
export function choicesReply(ctx: TurnContext, lang: Lang, text: string, choices: string[], last?: string): Partial<Activity> {
  const human = t(lang, 'menu.human');
  const all = [...choices, human, ...(last ? [last] : [])];
  if (ctx.activity.channelId !== 'msteams' || all.length <= 3) return MessageFactory.suggestedActions(all, text);
  const listed = [...choices, ...(last ? [last] : [])];
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text, wrap: true },
        { type: 'Input.ChoiceSet', id: 'choice', style: 'expanded', isRequired: true, label: t(lang, 'rights:ui.cardLabel'), choices: listed.map((c) => ({ title: c, value: c })) },
      ],
      actions: [
        { type: 'Action.Submit', title: t(lang, 'rights:ui.cardSend'), data: { verb: RIGHTS_SUBMIT_VERB } },
        // Not bound to the required choice above: a person is one press away, with nothing chosen.
        { type: 'Action.Submit', title: human, data: { verb: 'menu', action: 'human' }, associatedInputs: 'none' },
      ],
    }),
  );
}

/** What the user chose: typed or quick-reply text, or the choice sent from a rights card. */
export function submittedText(ctx: TurnContext): string {
  if (ctx.activity.text) return ctx.activity.text;
  const value = ctx.activity.value as { verb?: unknown; choice?: unknown } | undefined;
  return value?.verb === RIGHTS_SUBMIT_VERB && typeof value.choice === 'string' ? value.choice : '';
}

import { MessageFactory, type TurnContext } from 'botbuilder';
import { helplineValues } from '../../core/safety/index.js';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { matchKey } from '../../core/normalize.js';
import { t, tMatchKey } from '../i18n.js';
import { matchYesNo, type YesNoWords } from '../yesNo.js';

export type CrisisKind = 'self_harm' | 'violence';

/** The crisis text for a kind, with the help-line numbers from data/safety. */
export function crisisText(lang: Lang, kind: CrisisKind): string {
  return t(lang, `safety:${kind}`, { ...helplineValues() });
}

/**
 * The crisis answer: help lines at once, then the offer of a veileder and of going on where the
 * user was. Nothing else in the turn runs after it.
 */
export async function sendCrisisReply(ctx: TurnContext, kind: CrisisKind, lang: Lang): Promise<void> {
  await ctx.sendActivity(crisisText(lang, kind));
  await ctx.sendActivity(
    MessageFactory.suggestedActions(
      [t(lang, 'safety:buttons.veileder'), t(lang, 'safety:buttons.continue')],
      `${t(lang, 'safety:offerVeileder')} ${t(lang, 'safety:continue')}`,
    ),
  );
}

/** The check-in question (shared/specs/understanding.md): one kind question, yes / no / a person. */
export async function sendCheckIn(ctx: TurnContext, kind: CrisisKind, lang: Lang): Promise<void> {
  await ctx.sendActivity(
    MessageFactory.suggestedActions(
      [t(lang, 'safety:checkIn.buttons.yes'), t(lang, 'safety:checkIn.buttons.no'), t(lang, 'safety:checkIn.buttons.person')],
      t(lang, `safety:checkIn.${kind}`),
    ),
  );
}

export type CheckInAnswer = 'yes' | 'no' | 'person';

/** The check-in's own lists: "maybe" and "I don't know" count as yes there. */
const CHECK_IN_WORDS: YesNoWords = {
  yes: 'safety:answers.yes',
  no: 'safety:answers.no',
  yesFirstWords: 'safety:answers.yesFirstWords',
  noFirstWords: 'safety:answers.noFirstWords',
  yesButtons: ['safety:checkIn.buttons.yes'],
  noButtons: ['safety:checkIn.buttons.no'],
};

/**
 * What the person answered to the check-in, in any of the languages, or undefined when the message
 * is something else (then it is read as a new message, crisis check first): the person button, or
 * yes or no as matchYesNo reads them with the check-in's lists ("nei, jeg er bare sliten").
 * "Maybe" and "I don't know" count as yes: the help lines do no harm to someone who was not sure.
 */
export function matchCheckInAnswer(text: string): CheckInAnswer | undefined {
  const wanted = matchKey(text);
  if (LANGUAGES.some((lang) => tMatchKey(lang, 'safety:checkIn.buttons.person') === wanted)) return 'person';
  return matchYesNo(text, CHECK_IN_WORDS);
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

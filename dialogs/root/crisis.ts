import { MessageFactory, type TurnContext } from 'botbuilder';
import { helplineValues } from '../../core/safety/index.js';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { matchKey } from '../../core/normalize.js';
import { t, tListMatchKeys, tMatchKey } from '../i18n.js';

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

/** An answer longer than this is a message of its own, whatever word it starts with. */
const SHORT_ANSWER_WORDS = 6;

/**
 * What the person answered to the check-in, in any of the languages, or undefined when the message
 * is something else (then it is read as a new message, crisis check first): a button, one of the
 * listed answers, or a short message that starts with yes or no ("nei, jeg er bare sliten").
 * "Maybe" and "I don't know" count as yes: the help lines do no harm to someone who was not sure.
 */
export function matchCheckInAnswer(text: string): CheckInAnswer | undefined {
  const wanted = matchKey(text);
  const first = wanted.split(' ')[0] ?? '';
  const short = wanted.split(' ').length <= SHORT_ANSWER_WORDS;
  for (const lang of LANGUAGES) {
    if (tMatchKey(lang, 'safety:checkIn.buttons.person') === wanted) return 'person';
    if (tMatchKey(lang, 'safety:checkIn.buttons.yes') === wanted || tListMatchKeys(lang, 'safety:answers.yes').includes(wanted)) return 'yes';
    if (tMatchKey(lang, 'safety:checkIn.buttons.no') === wanted || tListMatchKeys(lang, 'safety:answers.no').includes(wanted)) return 'no';
  }
  if (!short) return undefined;
  if (LANGUAGES.some((lang) => tListMatchKeys(lang, 'safety:answers.yesFirstWords').includes(first))) return 'yes';
  if (LANGUAGES.some((lang) => tListMatchKeys(lang, 'safety:answers.noFirstWords').includes(first))) return 'no';
  return undefined;
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

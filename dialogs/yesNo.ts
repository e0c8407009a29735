import { LANGUAGES } from '../core/language.js';
import { matchKey } from '../core/normalize.js';
import { tListMatchKeys, tMatchKey } from './i18n.js';

export type YesNo = 'yes' | 'no';

/** Where the words for one yes/no question live: whole answers, first words, and the buttons' labels. */
export interface YesNoWords {
  yes: string;
  no: string;
  yesFirstWords: string;
  noFirstWords: string;
  /** Button labels (keys) that also mean yes or no. */
  yesButtons?: readonly string[];
  noButtons?: readonly string[];
}

/** The shared lists for an ordinary yes/no question (locales/<lang>/common.json, yesNo). */
export const COMMON_YES_NO: YesNoWords = {
  yes: 'yesNo.yes',
  no: 'yesNo.no',
  yesFirstWords: 'yesNo.yesFirstWords',
  noFirstWords: 'yesNo.noFirstWords',
};

/** An answer longer than this is a message of its own, whatever word it starts with. */
const SHORT_ANSWER_WORDS = 6;

/**
 * Yes or no in any of the languages (a nynorsk reader may write "yes"), or undefined when the
 * message is something else: a button, a whole listed answer, or a short message that starts
 * with yes or no ("nei, jeg er bare sliten").
 */
export function matchYesNo(text: string, words: YesNoWords = COMMON_YES_NO): YesNo | undefined {
  const wanted = matchKey(text);
  if (!wanted) return undefined;
  const parts = wanted.split(' ');
  for (const lang of LANGUAGES) {
    if ((words.yesButtons ?? []).some((k) => tMatchKey(lang, k) === wanted) || tListMatchKeys(lang, words.yes).includes(wanted)) return 'yes';
    if ((words.noButtons ?? []).some((k) => tMatchKey(lang, k) === wanted) || tListMatchKeys(lang, words.no).includes(wanted)) return 'no';
  }
  if (parts.length > SHORT_ANSWER_WORDS) return undefined;
  const first = parts[0] ?? '';
  if (LANGUAGES.some((lang) => tListMatchKeys(lang, words.yesFirstWords).includes(first))) return 'yes';
  if (LANGUAGES.some((lang) => tListMatchKeys(lang, words.noFirstWords).includes(first))) return 'no';
  return undefined;
}

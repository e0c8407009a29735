import { matchKey } from '../../core/normalize.js';
import { LANGUAGES } from '../../core/language.js';
import { t, tList } from '../i18n.js';

export type DeleteAnswer = 'yes' | 'no';

let table: Map<string, DeleteAnswer> | undefined;

/**
 * Yes/no to "delete the conversation?", from the word lists and button texts of every language
 * (a nynorsk user who writes "yes" still means yes).
 */
export function matchDeleteAnswer(text: string): DeleteAnswer | undefined {
  if (!table) {
    const built = new Map<string, DeleteAnswer>();
    for (const lang of LANGUAGES) {
      built.set(matchKey(t(lang, 'privacy:delete.yesButton')), 'yes');
      built.set(matchKey(t(lang, 'privacy:delete.noButton')), 'no');
      for (const word of tList(lang, 'privacy:delete.yesWords')) if (!built.has(matchKey(word))) built.set(matchKey(word), 'yes');
      for (const word of tList(lang, 'privacy:delete.noWords')) if (!built.has(matchKey(word))) built.set(matchKey(word), 'no');
    }
    table = built;
  }
  return table.get(matchKey(text));
}

import { foldNordic, normalizeText } from '../../core/normalize.js';
import { LANGUAGES } from '../../core/language.js';
import { t, tList } from '../i18n.js';

export type DeleteAnswer = 'yes' | 'no';

let table: Map<string, DeleteAnswer> | undefined;

function key(text: string): string {
  return foldNordic(normalizeText(text));
}

/**
 * Yes/no to "delete the conversation?", from the word lists and button texts of every language
 * (a nynorsk user who writes "yes" still means yes).
 */
export function matchDeleteAnswer(text: string): DeleteAnswer | undefined {
  if (!table) {
    const built = new Map<string, DeleteAnswer>();
    for (const lang of LANGUAGES) {
      built.set(key(t(lang, 'privacy:delete.yesButton')), 'yes');
      built.set(key(t(lang, 'privacy:delete.noButton')), 'no');
      for (const word of tList(lang, 'privacy:delete.yesWords')) if (!built.has(key(word))) built.set(key(word), 'yes');
      for (const word of tList(lang, 'privacy:delete.noWords')) if (!built.has(key(word))) built.set(key(word), 'no');
    }
    table = built;
  }
  return table.get(key(text));
}

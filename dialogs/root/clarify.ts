import { LANGUAGES } from '../../core/language.js';
import { matchKey } from '../../core/normalize.js';
import { tMatchKey } from '../i18n.js';

/** The intent whose "did you mean …?" button the person tapped (or typed), in any language. */
export function matchClarifyChoice(text: string, offered: readonly string[] | undefined): string | undefined {
  if (!offered?.length) return undefined;
  const wanted = matchKey(text);
  return offered.find((intent) => LANGUAGES.some((lang) => tMatchKey(lang, `clarify.intents.${intent}`) === wanted));
}

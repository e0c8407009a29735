import type { Lang } from '../../core/language.js';
import type { Translate } from '../../core/handoff/summaryTypes.js';
import { t, tList } from '../i18n.js';

/** The handoff namespace in one language, in the shape core expects. */
export function handoffTexts(lang: Lang): Translate {
  return (key, options) => t(lang, `handoff:${key}`, options);
}

export function handoffList(lang: Lang, key: string): string[] {
  return tList(lang, `handoff:${key}`);
}

import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nb } from 'date-fns/locale/nb';
import { nn } from 'date-fns/locale/nn';
import type { Lang } from '../language.js';
import type { IsoDate } from './dates.js';

const NUMBER_LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const DATE_LOCALE = { nb, nn, en: enGB };
const DATE_PATTERN: Record<Lang, string> = { nb: 'd. MMMM yyyy', nn: 'd. MMMM yyyy', en: 'd MMMM yyyy' };

// Building an Intl.NumberFormat costs far more than using one: keep one per language and style.
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maximumFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A whole number the way readers of the language expect it: "278 697" with a non-breaking space
 * in nb/nn (so a screen reader and a narrow phone keep it together), "278,697" in English.
 */
export function formatWhole(lang: Lang, value: number): string {
  const text = numberFormat(lang, 0).format(Math.round(value));
  // ICU versions differ between U+00A0 and U+202F; Norwegian readers and tests expect U+00A0.
  return lang === 'en' ? text : text.replace(/[\s\u202f]/g, '\u00a0');
}

/** A factor such as 2.041 or 37.5: "2,041" in nb/nn, "2.041" in English. */
export function formatDecimal(lang: Lang, value: number): string {
  return numberFormat(lang, 3).format(value);
}

/** "1. mai 2026" (nb, nn) or "1 May 2026" (en). */
export function formatDate(lang: Lang, date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), DATE_PATTERN[lang], { locale: DATE_LOCALE[lang] });
}

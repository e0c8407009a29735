import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nb } from 'date-fns/locale/nb';
import { nn } from 'date-fns/locale/nn';
import type { Lang } from '../language.js';
import { OSLO } from '../timeZone.js';

const LOCALES = { nb, nn, en: enGB } as const;
const DAY_AND_TIME: Record<Lang, string> = {
  nb: "EEEE d. MMMM 'kl.' HH:mm",
  nn: "EEEE d. MMMM 'kl.' HH:mm",
  en: "EEEE d MMMM 'at' HH:mm",
};
const DATE_AND_TIME: Record<Lang, string> = {
  nb: "d. MMMM yyyy 'kl.' HH:mm",
  nn: "d. MMMM yyyy 'kl.' HH:mm",
  en: "d MMMM yyyy 'at' HH:mm",
};

/** "tirsdag 7. april kl. 09:00" / "Tuesday 7 April at 09:00", in Norwegian time. */
export function formatDayAndTime(date: Date, lang: Lang, timeZone = OSLO): string {
  return format(new TZDate(date.getTime(), timeZone), DAY_AND_TIME[lang], { locale: LOCALES[lang] });
}

/** "7. april 2026 kl. 14:05" / "7 April 2026 at 14:05", in Norwegian time (NAV's dialog footer style). */
export function formatDateAndTime(date: Date, lang: Lang, timeZone = OSLO): string {
  return format(new TZDate(date.getTime(), timeZone), DATE_AND_TIME[lang], { locale: LOCALES[lang] });
}

/** "09:00" in Norwegian time. */
export function formatTime(date: Date, timeZone = OSLO): string {
  return format(new TZDate(date.getTime(), timeZone), 'HH:mm');
}

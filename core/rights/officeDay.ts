import { TZDate } from '@date-fns/tz';
import Holidays from 'date-holidays';
import { OSLO } from './dates.js';

const holidays = new Holidays('NO');

/** Local office hours vary; outside 08–16 on a weekday the answer says the office is probably closed. */
const LIKELY_OPEN_FROM = 8;
const LIKELY_CLOSED_FROM = 16;

/** Whether NAV offices are usually open now in Norway: weekdays that are not public holidays, in the daytime. */
export function officeDayKind(now: Date): 'weekday' | 'evening' | 'weekend' | 'holiday' {
  const oslo = new TZDate(now, OSLO);
  const day = oslo.getDay();
  if (day === 0 || day === 6) return 'weekend';
  const hits = holidays.isHoliday(now);
  if (Array.isArray(hits) && hits.some((h) => h.type === 'public')) return 'holiday';
  const hour = oslo.getHours();
  return hour >= LIKELY_OPEN_FROM && hour < LIKELY_CLOSED_FROM ? 'weekday' : 'evening';
}

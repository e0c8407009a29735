import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import Holidays from 'date-holidays';
import { WEEKDAYS, type OpeningHours } from './openingHours.js';

/** "data" follows the opening hours; "always" keeps the queue open around the clock (OPENING_HOURS=always). */
export type AvailabilityMode = 'data' | 'always';

export interface Availability {
  isOpen(now: Date): boolean;
  /** The start of the next open period; `now` itself when open now. */
  nextOpening(now: Date): Date;
  /** When the current open period ends, or undefined when closed (or always open). */
  closesAt(now: Date): Date | undefined;
  /** The name of the public holiday on that local day (in bokmål, from date-holidays), if any. */
  holidayName(now: Date): string | undefined;
}

/** Two weeks covers any run of weekends and holidays (Easter, Christmas) in Norway. */
const SEARCH_DAYS = 21;

interface Period {
  start: Date;
  end: Date;
}

export function createAvailability(hours: OpeningHours, mode: AvailabilityMode = 'data'): Availability {
  const holidays = new Holidays(hours.country);
  const closedTypes = new Set(hours.closedOnHolidayTypes);
  const byYear = new Map<number, Map<string, string>>();

  /** Holidays of a year by local date "YYYY-MM-DD"; date-holidays computes Easter and the rest. */
  function holidaysOf(year: number): Map<string, string> {
    let map = byYear.get(year);
    if (!map) {
      map = new Map();
      for (const h of holidays.getHolidays(year)) {
        if (!closedTypes.has(h.type)) continue;
        const key = h.date.slice(0, 10);
        // Two holidays can fall on one day (17 May 2027 is also Whit Monday): keep both names.
        map.set(key, map.has(key) ? `${map.get(key)} / ${h.name}` : h.name);
      }
      byYear.set(year, map);
    }
    return map;
  }

  function localDay(instant: Date): TZDate {
    const local = new TZDate(instant.getTime(), hours.timeZone);
    return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hours.timeZone);
  }

  function dayKey(day: TZDate): string {
    const m = String(day.getMonth() + 1).padStart(2, '0');
    const d = String(day.getDate()).padStart(2, '0');
    return `${day.getFullYear()}-${m}-${d}`;
  }

  function periodsOn(day: TZDate): Period[] {
    if (holidaysOf(day.getFullYear()).has(dayKey(day))) return [];
    const weekday = WEEKDAYS[day.getDay()] ?? 'sunday';
    return hours.weekly[weekday].map(([from, to]) => ({ start: at(day, from), end: at(day, to) }));
  }

  function at(day: TZDate, hhmm: string): Date {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, m, hours.timeZone).getTime());
  }

  function current(now: Date): Period | undefined {
    return periodsOn(localDay(now)).find((p) => p.start <= now && now < p.end);
  }

  return {
    isOpen: (now) => mode === 'always' || current(now) !== undefined,
    closesAt: (now) => (mode === 'always' ? undefined : current(now)?.end),
    holidayName: (now) => holidaysOf(localDay(now).getFullYear()).get(dayKey(localDay(now))),
    nextOpening(now) {
      if (mode === 'always' || current(now)) return now;
      const first = localDay(now);
      for (let i = 0; i < SEARCH_DAYS; i += 1) {
        const day = new TZDate(addDays(first, i).getTime(), hours.timeZone);
        const next = periodsOn(localDay(day)).find((p) => p.start > now);
        if (next) return next.start;
      }
      throw new Error('opening hours: no open period in the next three weeks');
    },
  };
}

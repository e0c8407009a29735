import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours as kept in data/handoff/opening-hours.json. */
export interface OpeningHours {
  source: string;
  checked: string;
  timeZone: string;
  /** Country code for date-holidays ("NO"). */
  country: string;
  /** date-holidays types that close the service ("public" = offentlige fridager). */
  closedOnHolidayTypes: string[];
  /** Open periods per weekday as ["HH:MM", "HH:MM"], local time in timeZone. */
  weekly: Record<Weekday, Array<[string, string]>>;
}

export const OPENING_HOURS_FILE = fileURLToPath(new URL('../../data/handoff/opening-hours.json', import.meta.url));

export class OpeningHoursError extends Error {}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks the shape at start-up so a typo in the data file stops the service with a clear reason. */
export function validateOpeningHours(raw: unknown): OpeningHours {
  const fail = (what: string): never => {
    throw new OpeningHoursError(`opening-hours: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null) fail('not an object');
  const data = raw as Record<string, unknown>;
  for (const field of ['source', 'checked', 'timeZone', 'country']) {
    if (typeof data[field] !== 'string' || data[field] === '') fail(`"${field}" must be a non-empty string`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: data.timeZone as string });
  } catch {
    fail(`unknown time zone "${String(data.timeZone)}"`);
  }
  if (!Array.isArray(data.closedOnHolidayTypes) || !data.closedOnHolidayTypes.every((t) => typeof t === 'string')) {
    fail('"closedOnHolidayTypes" must be a list of strings');
  }
  const weekly = data.weekly as Record<string, unknown> | undefined;
  if (typeof weekly !== 'object' || weekly === null) fail('"weekly" is missing');
  for (const day of WEEKDAYS) {
    const periods = weekly?.[day];
    if (!Array.isArray(periods)) fail(`"weekly.${day}" must be a list`);
    for (const period of periods as unknown[]) {
      if (!Array.isArray(period) || period.length !== 2 || !period.every((p) => typeof p === 'string' && TIME.test(p))) {
        fail(`"weekly.${day}" has a period that is not ["HH:MM", "HH:MM"]`);
      }
      const [from, to] = period as [string, string];
      if (from >= to) fail(`"weekly.${day}" period ${from}–${to} ends before it starts`);
    }
  }
  return data as unknown as OpeningHours;
}

export function loadOpeningHours(file = OPENING_HOURS_FILE): OpeningHours {
  return validateOpeningHours(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The one period Nav is open on weekdays ("09:00", "15:00"), which the texts write as "weekdays
 * 09:00–15:00". Fails if the weekdays differ, because a text that says "weekdays" would then be wrong.
 */
export function weekdayHours(hours: OpeningHours): { opens: string; closes: string } {
  const days: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const periods = days.map((day) => JSON.stringify(hours.weekly[day]));
  const [first] = hours.weekly.monday;
  if (!first || hours.weekly.monday.length !== 1 || periods.some((p) => p !== periods[0])) {
    throw new OpeningHoursError('opening-hours: the texts say "weekdays" with one period; monday to friday must have the same single period');
  }
  return { opens: first[0], closes: first[1] };
}

import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { OSLO } from '../timeZone.js';

/** A calendar date as "yyyy-MM-dd"; comparing two of them as strings compares the dates. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The last answer, by UTC minute: Oslo's offset is whole hours, so its date changes only on a minute. */
let lastMinute: { minute: number; date: IsoDate } | undefined;

/** Today's date in Norway for the given instant: 22:30 UTC on 30 April is already 1 May in Oslo. */
export function osloDate(now: Date): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const date = format(new TZDate(now, OSLO), 'yyyy-MM-dd');
  lastMinute = { minute, date };
  return date;
}

/** The first date after `after` that falls on the month-day `monthDay` ("05-01"). */
export function nextMonthDay(after: IsoDate, monthDay: string): IsoDate {
  const year = Number(after.slice(0, 4));
  const sameYear = `${year}-${monthDay}`;
  return sameYear > after ? sameYear : `${year + 1}-${monthDay}`;
}

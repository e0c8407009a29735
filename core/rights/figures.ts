import { isIsoDate, nextMonthDay, type IsoDate } from './dates.js';
import { isRecord, readRightsData } from './data.js';

export interface SeriesEntry {
  from: IsoDate;
  value: number;
  ref: string;
}

export interface Series {
  id: string;
  /** Month-day ("05-01") a new value is expected every year, or null when it changes only by law. */
  renews: string | null;
  checkUrl: string;
  source: string;
  entries: SeriesEntry[];
}

export interface Factor {
  value: number;
  source: string;
  ref: string;
}

export interface FigureData {
  series: Record<string, Series>;
  factors: Record<string, Factor>;
}

/** The value in force on a date, or why there is none. */
export type SeriesValue =
  | { status: 'current'; value: number; from: IsoDate; source: string }
  /** A newer value should exist by now (e.g. after 1 May for G) but data/ does not have it. */
  | { status: 'stale'; newestFrom: IsoDate; expectedFrom: IsoDate; checkUrl: string; source: string }
  | { status: 'missing'; checkUrl: string; source: string };

function fail(where: string, what: string): never {
  throw new Error(`data/rights/figures.json: ${where}: ${what}`);
}

export function parseFigureData(raw: unknown): FigureData {
  if (!isRecord(raw) || !isRecord(raw.series) || !isRecord(raw.factors)) fail('top level', 'needs "series" and "factors" objects');
  const series: Record<string, Series> = {};
  for (const [id, s] of Object.entries(raw.series)) {
    if (!isRecord(s)) fail(`series.${id}`, 'not an object');
    const renews = s.renews ?? null;
    if (renews !== null && (typeof renews !== 'string' || !/^\d{2}-\d{2}$/.test(renews))) fail(`series.${id}.renews`, 'must be "MM-DD" or null');
    if (typeof s.checkUrl !== 'string' || !s.checkUrl.startsWith('https://')) fail(`series.${id}.checkUrl`, 'must be an https URL');
    if (typeof s.source !== 'string') fail(`series.${id}.source`, 'missing');
    if (!Array.isArray(s.entries) || s.entries.length === 0) fail(`series.${id}.entries`, 'needs at least one entry');
    const entries = s.entries.map((e: unknown, i: number): SeriesEntry => {
      if (!isRecord(e) || !isIsoDate(e.from)) fail(`series.${id}.entries[${i}].from`, 'must be a yyyy-MM-dd date');
      if (typeof e.value !== 'number' || !Number.isFinite(e.value) || e.value <= 0) fail(`series.${id}.entries[${i}].value`, 'must be a positive number');
      if (typeof e.ref !== 'string' || e.ref.length === 0) fail(`series.${id}.entries[${i}].ref`, 'every value needs its source reference');
      return { from: e.from, value: e.value, ref: e.ref };
    });
    entries.forEach((e, i) => {
      const before = entries[i - 1];
      if (before && before.from >= e.from) fail(`series.${id}.entries[${i}]`, 'dates must increase');
    });
    series[id] = { id, renews: renews as string | null, checkUrl: s.checkUrl, source: s.source, entries };
  }
  const factors: Record<string, Factor> = {};
  for (const [id, f] of Object.entries(raw.factors)) {
    if (!isRecord(f) || typeof f.value !== 'number' || typeof f.source !== 'string' || typeof f.ref !== 'string') {
      fail(`factors.${id}`, 'needs a numeric value, a source and a ref');
    }
    factors[id] = { value: f.value, source: f.source, ref: f.ref };
  }
  return { series, factors };
}

let loaded: FigureData | undefined;

export function figureData(): FigureData {
  loaded ??= parseFigureData(readRightsData('figures.json'));
  return loaded;
}

/** The entry in force on `date`, and whether it is out of date because a renewal has passed. */
export function seriesValueOn(series: Series, date: IsoDate): SeriesValue {
  const inForce = series.entries.filter((e) => e.from <= date).at(-1);
  if (!inForce) return { status: 'missing', checkUrl: series.checkUrl, source: series.source };
  const newest = series.entries.at(-1) as SeriesEntry;
  if (inForce === newest && series.renews !== null) {
    const expectedFrom = nextMonthDay(newest.from, series.renews);
    if (date >= expectedFrom) {
      return { status: 'stale', newestFrom: newest.from, expectedFrom, checkUrl: series.checkUrl, source: series.source };
    }
  }
  return { status: 'current', value: inForce.value, from: inForce.from, source: series.source };
}

export function valueOn(seriesId: string, date: IsoDate, data: FigureData = figureData()): SeriesValue {
  const series = data.series[seriesId];
  if (!series) throw new Error(`Unknown figure series "${seriesId}"`);
  return seriesValueOn(series, date);
}

export function factor(id: string, data: FigureData = figureData()): number {
  const f = data.factors[id];
  if (!f) throw new Error(`Unknown factor "${id}"`);
  return f.value;
}

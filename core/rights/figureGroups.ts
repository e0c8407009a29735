import type { Lang } from '../language.js';
import type { IsoDate } from './dates.js';
import { factor, figureData, valueOn, type FigureData, type SeriesValue } from './figures.js';
import { formatDate, formatWhole } from './format.js';
import type { Situation } from './points.js';

/** A paragraph of figures shown under an answer part; each has a current and an out-of-date text. */
export const FIGURE_GROUPS = ['AAP_RATES', 'AAP_CHILD', 'KVP_RATES', 'KVP_CHILD', 'SOCIAL_RATES'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export function isFigureGroup(value: unknown): value is FigureGroup {
  return typeof value === 'string' && (FIGURE_GROUPS as readonly string[]).includes(value);
}

export type GroupFigures =
  | { group: FigureGroup; status: 'current'; params: Record<string, string> }
  /** No figure is shown: the text says the newest figure is too old (or missing) and where to look. */
  | { group: FigureGroup; status: 'stale'; reason: 'G' | 'CHILD' | 'SOCIAL'; params: Record<string, string> };

/**
 * The one-line figures a brief answer shows (locales: rights:figuresBrief.<group>.<variant>):
 * "default" for anyone, or the line for the person's situation.
 */
const BRIEF_VARIANTS: Record<FigureGroup, readonly ('default' | Situation)[]> = {
  AAP_RATES: ['default', 'under25'],
  AAP_CHILD: ['children'],
  KVP_RATES: ['default', 'under25'],
  KVP_CHILD: ['children'],
  SOCIAL_RATES: ['default', 'children'],
};

/** The brief figure line for a part's groups: the situation's own line if it has one, else the first default line. */
export function briefFigureLine(groups: readonly FigureGroup[], situation?: Situation): { group: FigureGroup; variant: 'default' | Situation } | undefined {
  const own = situation && groups.find((g) => BRIEF_VARIANTS[g].includes(situation));
  if (own && situation) return { group: own, variant: situation };
  const fallback = groups.find((g) => BRIEF_VARIANTS[g].includes('default'));
  return fallback ? { group: fallback, variant: 'default' } : undefined;
}

type Current = Extract<SeriesValue, { status: 'current' }>;

function latest(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (a > b ? a : b));
}

function staleParams(lang: Lang, v: Exclude<SeriesValue, Current>): Record<string, string> {
  return v.status === 'stale'
    ? { expected: formatDate(lang, v.expectedFrom), newest: formatDate(lang, v.newestFrom), url: v.checkUrl }
    : { expected: '', newest: '', url: v.checkUrl };
}

/**
 * Computes the figures of one group for a date, in the reader's number format. Values are worked
 * out from G and the factors in data/rights/figures.json; none is typed into a text.
 */
export function groupFigures(group: FigureGroup, lang: Lang, date: IsoDate, data: FigureData = figureData()): GroupFigures {
  const kr = (n: number) => formatWhole(lang, n);
  const f = (id: string) => factor(id, data);
  const v = (id: string) => valueOn(id, date, data);
  const gAndFactor = (factorSeries: string, reason: 'G') => {
    const g = v('G');
    const inG = v(factorSeries);
    if (g.status !== 'current') return { stale: { group, status: 'stale', reason, params: staleParams(lang, g) } as GroupFigures };
    if (inG.status !== 'current') return { stale: { group, status: 'stale', reason, params: staleParams(lang, inG) } as GroupFigures };
    return { g, inG };
  };

  switch (group) {
    case 'AAP_RATES': {
      const r = gAndFactor('AAP_MIN_G', 'G');
      if ('stale' in r) return r.stale as GroupFigures;
      const min = r.g.value * r.inG.value;
      const max = r.g.value * f('AAP_BASIS_CAP_G') * f('AAP_SHARE_OF_BASIS');
      const days = f('DAYS_PER_YEAR');
      return {
        group,
        status: 'current',
        params: {
          from: formatDate(lang, latest(r.g.from, r.inG.from)),
          g: kr(r.g.value),
          min: kr(min),
          minDay: kr(min / days),
          minUnder25: kr(min * f('UNDER_25_SHARE')),
          max: kr(max),
          maxDay: kr(max / days),
        },
      };
    }
    case 'KVP_RATES': {
      const r = gAndFactor('KVP_G', 'G');
      if ('stale' in r) return r.stale as GroupFigures;
      const full = r.g.value * r.inG.value;
      return {
        group,
        status: 'current',
        params: {
          from: formatDate(lang, latest(r.g.from, r.inG.from)),
          g: kr(r.g.value),
          full: kr(full),
          under25: kr(full * f('UNDER_25_SHARE')),
        },
      };
    }
    case 'AAP_CHILD':
    case 'KVP_CHILD': {
      const child = v(group === 'AAP_CHILD' ? 'AAP_CHILD_DAY' : 'KVP_CHILD_DAY');
      if (child.status !== 'current') return { group, status: 'stale', reason: 'CHILD', params: staleParams(lang, child) };
      return { group, status: 'current', params: { from: formatDate(lang, child.from), perDay: kr(child.value) } };
    }
    case 'SOCIAL_RATES': {
      const ids = ['SOCIAL_SINGLE', 'SOCIAL_COUPLE', 'SOCIAL_CHILD_0_5', 'SOCIAL_CHILD_6_10', 'SOCIAL_CHILD_11_17'] as const;
      const values = ids.map((id) => v(id));
      const notCurrent = values.find((x): x is Exclude<SeriesValue, Current> => x.status !== 'current');
      if (notCurrent) return { group, status: 'stale', reason: 'SOCIAL', params: staleParams(lang, notCurrent) };
      const [single, couple, c0, c6, c11] = values as Current[] as [Current, Current, Current, Current, Current];
      return {
        group,
        status: 'current',
        params: {
          year: single.from.slice(0, 4),
          single: kr(single.value),
          couple: kr(couple.value),
          child0to5: kr(c0.value),
          child6to10: kr(c6.value),
          child11to17: kr(c11.value),
        },
      };
    }
  }
}

import type { Lang } from '../language.js';
import { catalogue, partEntry, topicEntry, type TopicCode } from './catalogue.js';
import { phoneNumbers } from './contacts.js';
import type { IsoDate } from './dates.js';
import { factor, valueOn } from './figures.js';
import { briefFigureLine, groupFigures, type GroupFigures } from './figureGroups.js';
import { formatDate, formatDecimal } from './format.js';
import type { Situation } from './points.js';

/** A text to render: an i18n key in the "rights" namespace and its interpolation values. */
export interface TextRef {
  key: string;
  params: Record<string, string>;
}

export interface SourceRef {
  id: string;
  url: string;
  /** i18n key of the source's name ("NAV-loven § 14 a") */
  labelKey: string;
}

export interface PartAnswer {
  topic: TopicCode;
  part: string;
  label: TextRef;
  body: TextRef;
  /** Figure paragraphs, each either the figures in force or an "out of date, look here" text. */
  figures: TextRef[];
  sources: SourceRef[];
  /** When the content was last checked against its sources, formatted for the reader. */
  checked: string;
}

/**
 * Values every rights text may use. Rates, deadlines and phone numbers come from data/rights, so a
 * change there changes every sentence that mentions them.
 */
export function commonParams(lang: Lang, today: IsoDate): Record<string, string> {
  const phones = phoneNumbers();
  const minG = valueOn('AAP_MIN_G', today);
  const kvpG = valueOn('KVP_G', today);
  return {
    share: formatDecimal(lang, factor('AAP_SHARE_OF_BASIS') * 100),
    capG: formatDecimal(lang, factor('AAP_BASIS_CAP_G')),
    minG: minG.status === 'current' ? formatDecimal(lang, minG.value) : '',
    kvpG: kvpG.status === 'current' ? formatDecimal(lang, kvpG.value) : '',
    days: formatDecimal(lang, factor('DAYS_PER_YEAR')),
    aapYears: formatDecimal(lang, factor('AAP_MAX_YEARS')),
    meldekortDays: formatDecimal(lang, factor('MELDEKORT_DAYS')),
    kvpYears: formatDecimal(lang, factor('KVP_MAX_YEARS')),
    kvpHours: formatDecimal(lang, factor('KVP_HOURS_PER_WEEK')),
    klageFtrl: formatDecimal(lang, factor('KLAGE_WEEKS_FTRL')),
    klage14a: formatDecimal(lang, factor('KLAGE_WEEKS_14A')),
    klageSocial: formatDecimal(lang, factor('KLAGE_WEEKS_SOCIAL')),
    sykepengerDays: formatDecimal(lang, factor('SYKEPENGER_MAX_DAYS')),
    sykepengerWeeks: formatDecimal(lang, factor('SYKEPENGER_MAX_WEEKS')),
    phoneNav: phones.navKontaktsenter,
    phoneGjeld: phones.navGjeld,
    phone113: phones.emergencyMedical,
    phone112: phones.police,
    phoneLegevakt: phones.legevakt,
  };
}

function figureText(f: GroupFigures): TextRef {
  return f.status === 'current'
    ? { key: `rights:figures.${f.group}`, params: f.params }
    : { key: `rights:stale.${f.reason}`, params: f.params };
}

function sourcesOf(ids: string[]): SourceRef[] {
  const all = catalogue().sources;
  return ids.map((id) => ({ id, url: (all[id] as { url: string }).url, labelKey: `rights:sources.${id}` }));
}

/** The part ids of a topic, in the order their buttons are shown. */
export function partIds(topic: TopicCode): string[] {
  return topicEntry(topic).parts.map((p) => p.id);
}

/** The short answer (at most three sentences) that opens a topic. */
export function shortAnswer(topic: TopicCode, lang: Lang, today: IsoDate): TextRef {
  return { key: `rights:topics.${topic}.short`, params: commonParams(lang, today) };
}

/** One part of a topic, with its figures computed for `today` (a date in Oslo). */
export function partAnswer(topic: TopicCode, partId: string, lang: Lang, today: IsoDate): PartAnswer | undefined {
  const entry = partEntry(topic, partId);
  if (!entry) return undefined;
  const params = commonParams(lang, today);
  const base = `rights:topics.${topic}.parts.${partId}`;
  return {
    topic,
    part: partId,
    label: { key: `${base}.label`, params },
    body: { key: `${base}.text`, params },
    figures: entry.figures.map((g) => figureText(groupFigures(g, lang, today))),
    sources: sourcesOf(entry.sources),
    checked: formatDate(lang, topicEntry(topic).checked),
  };
}

/** The first reply to a question about one part: short, with the figure for the person's situation. */
export interface BriefAnswer {
  topic: TopicCode;
  part: string;
  body: TextRef;
  /** At most one line of figures (or the "out of date, look here" text). */
  figures: TextRef[];
  /** The part's first source: the rule or page the answer rests on. */
  source: SourceRef;
  checked: string;
  /** The full part says more ("Vis mer"). */
  more: boolean;
}

/**
 * The brief answer to one part for `today`. Parts without a brief text are short enough to be
 * given whole; parts with one give its brief text and one figure line, and the rest on request.
 */
export function briefAnswer(topic: TopicCode, partId: string, lang: Lang, today: IsoDate, situation?: Situation): BriefAnswer | undefined {
  const full = partAnswer(topic, partId, lang, today);
  const entry = partEntry(topic, partId);
  if (!full || !entry) return undefined;
  const source = full.sources[0] as SourceRef;
  if (!entry.brief) return { topic, part: partId, body: full.body, figures: full.figures, source, checked: full.checked, more: full.sources.length > 1 };
  const line = briefFigureLine(entry.figures, situation);
  const figures: TextRef[] = [];
  if (line) {
    const f = groupFigures(line.group, lang, today);
    figures.push(f.status === 'current' ? { key: `rights:figuresBrief.${line.group}.${line.variant}`, params: f.params } : figureText(f));
  }
  return { topic, part: partId, body: { key: `rights:topics.${topic}.parts.${partId}.brief`, params: full.body.params }, figures, source, checked: full.checked, more: true };
}

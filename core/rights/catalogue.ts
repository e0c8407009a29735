import { isIsoDate, type IsoDate } from './dates.js';
import { isRecord, readRightsData } from './data.js';
import { isFigureGroup, type FigureGroup } from './figureGroups.js';
import { isPoint, isSituation, type Point, type Situation } from './points.js';

/** Topic codes shared with the triage engine's relevantRights and the root dialog's routes. */
export const TOPIC_CODES = [
  'PARAGRAF_14A',
  'AAP',
  'KVP',
  'OKONOMISK_STONAD',
  'NODHJELP',
  'MIDLERTIDIG_BOTILBUD',
  'GJELDSRADGIVNING',
  'KLAGE',
  'OWN_CASE',
  'OTHER_BENEFIT',
] as const;
export type TopicCode = (typeof TOPIC_CODES)[number];

export function isTopicCode(value: unknown): value is TopicCode {
  return typeof value === 'string' && (TOPIC_CODES as readonly string[]).includes(value);
}

export interface PartEntry {
  id: string;
  sources: string[];
  figures: FigureGroup[];
  /** The points of a question this part answers ("amount", "deadline"). */
  points: Point[];
  /** The situations ("under25") whose own figure this part shows, and that it answers alone. */
  situations: Situation[];
  /** The part has a brief first-reply text; its full text comes on "Vis mer". */
  brief: boolean;
}

/** What may be suggested as the next step in a topic: a part id or the self-check. */
export const SELF_CHECK_SUGGESTION = 'selfCheck';

export interface TopicEntry {
  code: TopicCode;
  checked: IsoDate;
  selfCheck: boolean;
  parts: PartEntry[];
  /** Part ids (and "selfCheck") to suggest, likeliest first. */
  likely: string[];
  /** The point the topic itself stands for (KLAGE: appeal); naming it asks for nothing more. */
  ownPoint?: Point;
}

export interface Catalogue {
  topics: Record<TopicCode, TopicEntry>;
  sources: Record<string, { url: string }>;
}

function fail(where: string, what: string): never {
  throw new Error(`data/rights/${where}: ${what}`);
}

export function parseCatalogue(rawTopics: unknown, rawSources: unknown): Catalogue {
  if (!isRecord(rawSources) || !isRecord(rawSources.sources)) fail('sources.json', 'needs a "sources" object');
  const sources: Record<string, { url: string }> = {};
  for (const [id, s] of Object.entries(rawSources.sources)) {
    if (!isRecord(s) || typeof s.url !== 'string' || !s.url.startsWith('https://')) fail(`sources.json: ${id}`, 'needs an https url');
    sources[id] = { url: s.url };
  }
  if (!isRecord(rawTopics) || !isRecord(rawTopics.topics)) fail('topics.json', 'needs a "topics" object');
  const topics = {} as Record<TopicCode, TopicEntry>;
  for (const code of TOPIC_CODES) {
    const t = rawTopics.topics[code];
    if (!isRecord(t)) fail(`topics.json: ${code}`, 'missing');
    if (!isIsoDate(t.checked)) fail(`topics.json: ${code}.checked`, 'must be a yyyy-MM-dd date');
    if (!Array.isArray(t.parts) || t.parts.length === 0) fail(`topics.json: ${code}.parts`, 'needs at least one part');
    const parts = t.parts.map((p: unknown, i: number): PartEntry => {
      const where = `topics.json: ${code}.parts[${i}]`;
      if (!isRecord(p) || typeof p.id !== 'string' || !/^[a-zA-Z]+$/.test(p.id)) fail(where, 'needs an id of letters');
      if (!Array.isArray(p.sources) || p.sources.length === 0) fail(`${where}.sources`, 'every part needs a source');
      for (const s of p.sources) if (typeof s !== 'string' || !sources[s]) fail(`${where}.sources`, `unknown source "${String(s)}"`);
      const figures = (p.figures ?? []) as unknown[];
      if (!Array.isArray(figures)) fail(`${where}.figures`, 'must be a list');
      for (const g of figures) if (!isFigureGroup(g)) fail(`${where}.figures`, `unknown figure group "${String(g)}"`);
      const points = (p.points ?? []) as unknown[];
      if (!Array.isArray(points) || !points.every(isPoint)) fail(`${where}.points`, 'must be a list of known points');
      const situations = (p.situations ?? []) as unknown[];
      if (!Array.isArray(situations) || !situations.every(isSituation)) fail(`${where}.situations`, 'must be a list of known situations');
      return { id: p.id, sources: p.sources as string[], figures: figures as FigureGroup[], points, situations, brief: p.brief === true };
    });
    const selfCheck = t.selfCheck === true;
    const likely = (t.likely ?? []) as unknown[];
    const suggestable = new Set([...parts.map((p) => p.id), ...(selfCheck ? [SELF_CHECK_SUGGESTION] : [])]);
    if (!Array.isArray(likely) || !likely.every((l): l is string => typeof l === 'string' && suggestable.has(l))) fail(`topics.json: ${code}.likely`, 'must list this topic\'s parts (or "selfCheck")');
    if (t.ownPoint !== undefined && !isPoint(t.ownPoint)) fail(`topics.json: ${code}.ownPoint`, 'must be a known point');
    topics[code] = { code, checked: t.checked, selfCheck, parts, likely, ...(t.ownPoint ? { ownPoint: t.ownPoint } : {}) };
  }
  for (const code of Object.keys(rawTopics.topics)) if (!isTopicCode(code)) fail(`topics.json: ${code}`, 'not a known topic code');
  return { topics, sources };
}

let loaded: Catalogue | undefined;

export function catalogue(): Catalogue {
  loaded ??= parseCatalogue(readRightsData('topics.json'), readRightsData('sources.json'));
  return loaded;
}

export function topicEntry(code: TopicCode): TopicEntry {
  return catalogue().topics[code];
}

export function partEntry(code: TopicCode, partId: string): PartEntry | undefined {
  return topicEntry(code).parts.find((p) => p.id === partId);
}

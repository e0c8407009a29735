import { LANGUAGES } from '../language.js';
import { matchKey } from '../normalize.js';
import { editDistance } from '../understanding/edit-distance.js';
import { isTopicCode, type TopicCode } from './catalogue.js';
import { isRecord, readRightsData } from './data.js';

/** What a rights question can be about, whatever the topic ("how much", "how long", …). */
export const POINTS = ['amount', 'duration', 'who', 'apply', 'appeal', 'deadline', 'today', 'what', 'where'] as const;
export type Point = (typeof POINTS)[number];

/** The person's own situation, when they say it: it picks the figure that applies to them. */
export const SITUATIONS = ['under25', 'children'] as const;
export type Situation = (typeof SITUATIONS)[number];

export function isPoint(value: unknown): value is Point {
  return typeof value === 'string' && (POINTS as readonly string[]).includes(value);
}

export function isSituation(value: unknown): value is Situation {
  return typeof value === 'string' && (SITUATIONS as readonly string[]).includes(value);
}

/** What a message says about a rights question. Lists are in the order the cues are listed. */
export interface QuestionReading {
  /** Topics the text names ("AAP", "sosialhjelp"). */
  topics: TopicCode[];
  /** Points asked for. */
  points: Point[];
  /** Points only weak cues ask for ("kan jeg få", "hvordan"): they count when nothing stronger is asked. */
  weakPoints: Point[];
  situations: Situation[];
  /** "og hvis …", "hva med …": a follow-up that keeps the conversation's topic or point. */
  followUp: boolean;
  /** Words in the message, for deciding whether it is short enough to be a follow-up. */
  words: number;
}

/** One cue, split in words; a word `{ prefix: true }` matches any word that starts with it. */
type Cue = { text: string; prefix: boolean }[];

interface Cues {
  topics: Map<TopicCode, Cue[]>;
  points: Map<Point, Cue[]>;
  weakPoints: Map<Point, Cue[]>;
  situations: Map<Situation, Cue[]>;
  ageBefore: Cue[];
  ageAfter: Cue[];
  /** Words before a number that make it a length of time, not an age ("i 22 år"). */
  notAge: Cue[];
  followUp: Cue[];
}

function parseCue(raw: unknown, where: string): Cue {
  if (typeof raw !== 'string' || matchKey(raw.replace(/\*/g, '')) === '') throw new Error(`${where}: a cue must be a non-empty string`);
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ text: matchKey(word.replace(/\*$/, '')), prefix: word.endsWith('*') }));
}

function cueList(raw: unknown, where: string): Cue[] {
  if (!Array.isArray(raw)) throw new Error(`${where}: needs a list of cues`);
  return raw.map((c, i) => parseCue(c, `${where}[${i}]`));
}

function cueMap<K extends string>(raw: unknown, where: string, isKey: (k: unknown) => k is K, into: Map<K, Cue[]>): void {
  if (raw === undefined) return;
  if (!isRecord(raw)) throw new Error(`${where}: needs an object`);
  for (const [key, list] of Object.entries(raw)) {
    if (!isKey(key)) throw new Error(`${where}.${key}: unknown`);
    into.set(key, [...(into.get(key) ?? []), ...cueList(list, `${where}.${key}`)]);
  }
}

/** Reads the cue files of every language into one set of cues. */
export function parseCues(files: Record<string, unknown>): Cues {
  const cues: Cues = { topics: new Map(), points: new Map(), weakPoints: new Map(), situations: new Map(), ageBefore: [], ageAfter: [], notAge: [], followUp: [] };
  for (const [name, raw] of Object.entries(files)) {
    const where = `data/rights/points/${name}`;
    if (!isRecord(raw)) throw new Error(`${where}: needs an object`);
    cueMap(raw.topics, `${where}: topics`, isTopicCode, cues.topics);
    cueMap(raw.points, `${where}: points`, isPoint, cues.points);
    cueMap(raw.weakPoints, `${where}: weakPoints`, isPoint, cues.weakPoints);
    cueMap(raw.situations, `${where}: situations`, isSituation, cues.situations);
    cues.ageBefore.push(...cueList(raw.ageBefore ?? [], `${where}: ageBefore`));
    cues.ageAfter.push(...cueList(raw.ageAfter ?? [], `${where}: ageAfter`));
    cues.notAge.push(...cueList(raw.notAge ?? [], `${where}: notAge`));
    cues.followUp.push(...cueList(raw.followUp ?? [], `${where}: followUp`));
  }
  return cues;
}

let loaded: Cues | undefined;

function cues(): Cues {
  loaded ??= parseCues(Object.fromEntries(LANGUAGES.map((lang) => [`${lang}.json`, readRightsData(`points/${lang}.json`)])));
  return loaded;
}

/**
 * Typos allowed in a word of this length: none up to five letters, where one letter makes another
 * word ("under" and "unger"), one from six letters, two from nine.
 */
function typosAllowed(length: number): number {
  if (length >= 9) return 2;
  return length >= 6 ? 1 : 0;
}

function wordMatches(token: string, word: { text: string; prefix: boolean }): boolean {
  if (word.prefix) {
    if (token.startsWith(word.text)) return true;
    const allowed = typosAllowed(word.text.length);
    return allowed > 0 && token.length >= word.text.length && editDistance(token.slice(0, word.text.length), word.text, allowed) <= allowed;
  }
  if (token === word.text) return true;
  const allowed = typosAllowed(word.text.length);
  return allowed > 0 && editDistance(token, word.text, allowed) <= allowed;
}

/** Where the cue's words occur one after another in the tokens (start indexes). */
function positions(tokens: readonly string[], cue: Cue): number[] {
  const found: number[] = [];
  for (let i = 0; i + cue.length <= tokens.length; i += 1) {
    if (cue.every((word, j) => wordMatches(tokens[i + j] as string, word))) found.push(i);
  }
  return found;
}

/**
 * Where the cue first occurs, or -1. Phrases written together ("hvormye") are found too, by also
 * comparing the words without spaces.
 */
function firstMention(tokens: readonly string[], cue: Cue): number {
  const at = positions(tokens, cue)[0];
  if (at !== undefined) return at;
  if (cue.length < 2 || cue.some((w) => w.prefix)) return -1;
  const joined = cue.map((w) => w.text).join('');
  return tokens.indexOf(joined);
}

function mentions(tokens: readonly string[], cue: Cue): boolean {
  return firstMention(tokens, cue) >= 0;
}

/** The keys with a cue in the text, in the order the text names them. */
function found<K>(tokens: readonly string[], map: Map<K, Cue[]>): K[] {
  const hits: { key: K; at: number }[] = [];
  for (const [key, list] of map) {
    const at = Math.min(...list.map((cue) => firstMention(tokens, cue)).filter((i) => i >= 0));
    if (Number.isFinite(at)) hits.push({ key, at });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.key);
}

/** "jeg er 22", "22 år", "I am 19 years old": an age from 16 to 24 ("i 22 år" is a length of time). */
function saysUnder25(tokens: readonly string[], c: Cues): boolean {
  return tokens.some((tok, i) => {
    if (!/^\d{2}$/.test(tok)) return false;
    const age = Number(tok);
    if (age < 16 || age > 24) return false;
    const after = tokens.slice(i + 1);
    const before = tokens.slice(0, i);
    if (c.notAge.some((cue) => positions(before, cue).includes(before.length - cue.length))) return false;
    return c.ageAfter.some((cue) => positions(after, cue).includes(0)) || c.ageBefore.some((cue) => positions(before, cue).includes(before.length - cue.length));
  });
}

/**
 * Reads what a rights question names: topics, points, the person's situation, and whether it is a
 * follow-up. It decides nothing; core/rights/resolve.ts turns a reading into the parts to answer.
 */
export function readQuestion(text: string, c: Cues = cues()): QuestionReading {
  const tokens = matchKey(text).split(' ').filter(Boolean);
  const points = found(tokens, c.points);
  // Only the first weak cue: "how can I get" is one question, not both "how" and "can I get".
  const weakPoints = found(tokens, c.weakPoints).filter((p) => !points.includes(p)).slice(0, 1);
  const situations = found(tokens, c.situations);
  if (!situations.includes('under25') && saysUnder25(tokens, c)) situations.push('under25');
  return {
    topics: found(tokens, c.topics),
    points,
    weakPoints,
    situations: SITUATIONS.filter((s) => situations.includes(s)),
    followUp: c.followUp.some((cue) => mentions(tokens, cue)),
    words: tokens.length,
  };
}

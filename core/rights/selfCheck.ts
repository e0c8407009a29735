import { isRecord, readRightsData } from './data.js';

export const SELF_CHECK_TOPICS = ['AAP', 'KVP'] as const;
export type SelfCheckTopic = (typeof SELF_CHECK_TOPICS)[number];
export type SelfCheckAnswer = 'yes' | 'no' | 'unknown';

export interface SelfCheckQuestion {
  id: string;
  /** The answer that matches the condition. */
  fitsWhen: 'yes' | 'no';
}

export interface SelfCheckResult {
  /** mayFit: every answer matches; unclear: none speaks against it but some are unknown; probablyNot: at least one does not match. */
  outcome: 'mayFit' | 'unclear' | 'probablyNot';
  /** Questions whose answer speaks against, in question order: the "because …" of the result. */
  notMatching: string[];
  unknown: string[];
}

export function isSelfCheckTopic(value: unknown): value is SelfCheckTopic {
  return typeof value === 'string' && (SELF_CHECK_TOPICS as readonly string[]).includes(value);
}

export function parseSelfCheck(raw: unknown): Record<SelfCheckTopic, SelfCheckQuestion[]> {
  if (!isRecord(raw) || !isRecord(raw.topics)) throw new Error('data/rights/selfcheck.json: needs a "topics" object');
  const out = {} as Record<SelfCheckTopic, SelfCheckQuestion[]>;
  for (const topic of SELF_CHECK_TOPICS) {
    const list = raw.topics[topic];
    if (!Array.isArray(list) || list.length === 0) throw new Error(`data/rights/selfcheck.json: ${topic} needs questions`);
    out[topic] = list.map((q: unknown, i: number) => {
      if (!isRecord(q) || typeof q.id !== 'string' || (q.fitsWhen !== 'yes' && q.fitsWhen !== 'no')) {
        throw new Error(`data/rights/selfcheck.json: ${topic}[${i}] needs an id and fitsWhen "yes" or "no"`);
      }
      return { id: q.id, fitsWhen: q.fitsWhen };
    });
  }
  return out;
}

let loaded: Record<SelfCheckTopic, SelfCheckQuestion[]> | undefined;

export function selfCheckQuestions(topic: SelfCheckTopic): SelfCheckQuestion[] {
  loaded ??= parseSelfCheck(readRightsData('selfcheck.json'));
  return loaded[topic];
}

/** Compares the answers with the conditions. It points the way; NAV decides. */
export function evaluateSelfCheck(questions: SelfCheckQuestion[], answers: Record<string, SelfCheckAnswer>): SelfCheckResult {
  const notMatching: string[] = [];
  const unknown: string[] = [];
  for (const q of questions) {
    const a = answers[q.id] ?? 'unknown';
    if (a === 'unknown') unknown.push(q.id);
    else if (a !== q.fitsWhen) notMatching.push(q.id);
  }
  const outcome = notMatching.length > 0 ? 'probablyNot' : unknown.length > 0 ? 'unclear' : 'mayFit';
  return { outcome, notMatching, unknown };
}

import { performance } from 'node:perf_hooks';
import type { Lang } from '../../core/language.js';
import { checkSafety } from '../../core/safety/index.js';
import {
  createIntentClassifier,
  detectLanguage,
  NlpjsIntentClassifier,
  type IntentClassifier,
} from '../../core/understanding/index.js';
import { loadEvalMessages, loadOrdinaryMessages } from './eval-set.js';
import { withTypo } from './typos.js';

export interface Tally {
  correct: number;
  total: number;
  accuracy: number;
}

export interface EvalReport {
  messages: number;
  perLanguage: Record<string, Tally>;
  perIntent: Record<string, Tally>;
  misses: { language: Lang; text: string; expected: string; got: string; score: number }[];
  /** Crisis messages (self-harm, violence) for which checkSafety gave the right kind. */
  crisis: { caught: number; total: number; recall: number; missed: string[] };
  /** Same-day need messages for which checkSafety said emergency_aid (reported, no target). */
  emergency: { caught: number; total: number; recall: number };
  /** Any alarm on a message that is neither crisis nor same-day need. */
  falseAlarms: { alarms: number; total: number; rate: number; texts: string[] };
  languageDetection: { correct: number; wrong: number; undecided: number };
  /** The same messages with one phone-style typo each (reported, no target). */
  withTypos: { accuracy: number; crisisRecall: number; crisisMissed: string[] };
  trainMs: number;
  loadMs: number;
  medianClassifyMs: number;
  medianSafetyMs: number;
}

function tally(correct: number, total: number): Tally {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const SAFETY_KIND: Record<string, string> = {
  'crisis.self_harm': 'self_harm',
  'crisis.violence': 'violence',
  'rights.emergency_aid': 'emergency_aid',
};

/** Trains the classifier from data/nlu/ and measures it on the held-out set in test/nlu-eval/. */
export async function evaluate(): Promise<EvalReport> {
  let started = performance.now();
  const classifier: IntentClassifier = await createIntentClassifier();
  const trainMs = performance.now() - started;
  if (!(classifier instanceof NlpjsIntentClassifier)) throw new Error('expected the nlp.js classifier');
  const saved = JSON.parse(JSON.stringify(classifier.model)) as typeof classifier.model;
  started = performance.now();
  await createIntentClassifier({ model: saved });
  const loadMs = performance.now() - started;

  const messages = loadEvalMessages();
  const byLang: Record<string, [number, number]> = {};
  const byIntent: Record<string, [number, number]> = {};
  const misses: EvalReport['misses'] = [];
  const classifyTimes: number[] = [];
  const safetyTimes: number[] = [];
  const crisis = { caught: 0, total: 0, missed: [] as string[] };
  const emergency = { caught: 0, total: 0 };
  const falseAlarms = { alarms: 0, total: 0, texts: [] as string[] };
  const languageDetection = { correct: 0, wrong: 0, undecided: 0 };

  for (const m of messages) {
    let t0 = performance.now();
    const result = classifier.classify(m.text, m.language);
    classifyTimes.push(performance.now() - t0);
    const ok = result.intent === m.intent;
    const l = (byLang[m.language] ??= [0, 0]);
    const i = (byIntent[m.intent] ??= [0, 0]);
    l[1] += 1;
    i[1] += 1;
    if (ok) {
      l[0] += 1;
      i[0] += 1;
    } else misses.push({ language: m.language, text: m.text, expected: m.intent, got: result.intent, score: result.score });

    t0 = performance.now();
    const hit = checkSafety(m.text, classifier);
    safetyTimes.push(performance.now() - t0);
    const expectedKind = SAFETY_KIND[m.intent];
    if (expectedKind === 'emergency_aid') {
      emergency.total += 1;
      if (hit?.kind === 'emergency_aid') emergency.caught += 1;
    } else if (expectedKind) {
      crisis.total += 1;
      if (hit?.kind === expectedKind) crisis.caught += 1;
      else crisis.missed.push(m.text);
    } else {
      falseAlarms.total += 1;
      if (hit) {
        falseAlarms.alarms += 1;
        falseAlarms.texts.push(`${m.text} → ${hit.kind} (${hit.via})`);
      }
    }

    const detected = detectLanguage(m.text);
    if (detected === undefined) languageDetection.undecided += 1;
    else if (detected === m.language) languageDetection.correct += 1;
    else languageDetection.wrong += 1;
  }
  for (const o of loadOrdinaryMessages()) {
    falseAlarms.total += 1;
    const hit = checkSafety(o.text, classifier);
    if (hit) {
      falseAlarms.alarms += 1;
      falseAlarms.texts.push(`${o.text} → ${hit.kind} (${hit.via})`);
    }
  }

  let typoCorrect = 0;
  let typoCrisis = 0;
  const typoCrisisMissed: string[] = [];
  messages.forEach((m, index) => {
    const text = withTypo(m.text, index);
    if (classifier.classify(text, m.language).intent === m.intent) typoCorrect += 1;
    const expectedKind = SAFETY_KIND[m.intent];
    if (expectedKind && expectedKind !== 'emergency_aid') {
      if (checkSafety(text, classifier)?.kind === expectedKind) typoCrisis += 1;
      else typoCrisisMissed.push(text);
    }
  });

  const toTallies = (m: Record<string, [number, number]>): Record<string, Tally> =>
    Object.fromEntries(Object.entries(m).map(([k, [c, n]]) => [k, tally(c, n)]));
  return {
    messages: messages.length,
    perLanguage: toTallies(byLang),
    perIntent: toTallies(byIntent),
    misses,
    crisis: { ...crisis, recall: crisis.total === 0 ? 0 : crisis.caught / crisis.total },
    emergency: { ...emergency, recall: emergency.total === 0 ? 0 : emergency.caught / emergency.total },
    falseAlarms: { ...falseAlarms, rate: falseAlarms.total === 0 ? 0 : falseAlarms.alarms / falseAlarms.total },
    languageDetection,
    withTypos: {
      accuracy: typoCorrect / messages.length,
      crisisRecall: crisis.total === 0 ? 0 : typoCrisis / crisis.total,
      crisisMissed: typoCrisisMissed,
    },
    trainMs,
    loadMs,
    medianClassifyMs: median(classifyTimes),
    medianSafetyMs: median(safetyTimes),
  };
}

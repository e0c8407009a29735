import { performance } from 'node:perf_hooks';
import type { Lang } from '../../core/language.js';
import { SafetyChecker, withoutFiguresOfSpeech, type SafetyHit } from '../../core/safety/index.js';
import { decide, detectLanguage, LinearIntentClassifier, type IntentClassifier, type IntentId, type IntentResult } from '../../core/understanding/index.js';
import type { TrainingExample } from '../../core/understanding/training-data.js';
import type { HeldOutMessage, Kind } from './heldout.js';

export interface Tally {
  correct: number;
  total: number;
  accuracy: number;
}

function tally(pairs: boolean[]): Tally {
  const correct = pairs.filter(Boolean).length;
  return { correct, total: pairs.length, accuracy: pairs.length === 0 ? 1 : correct / pairs.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Expected calibration error over ten bins: how far the scores are from the share they get right. */
export function calibrationError(scored: { score: number; correct: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, score: 0, correct: 0 }));
  for (const s of scored) {
    const bin = bins[Math.min(9, Math.floor(s.score * 10))] as { n: number; score: number; correct: number };
    bin.n += 1;
    bin.score += s.score;
    bin.correct += s.correct ? 1 : 0;
  }
  const total = scored.length || 1;
  return bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : (b.n / total) * Math.abs(b.score / b.n - b.correct / b.n)), 0);
}

/** What the bot does with an ordinary message once the crisis check has let it through. */
export interface Decisions {
  actedRight: number;
  actedWrong: number;
  /** Asked "did you mean …?" with the right reading among the buttons. */
  clarifiedWithRight: number;
  clarifiedWithoutRight: number;
  notUnderstood: number;
}

export interface SafetyFigures {
  /** Crisis messages that got the crisis text or the check-in (the target: all of them). */
  crisis: { total: number; caught: number; crisisText: number; checkIn: number; recall: number; missed: string[] };
  /** Messages of deep exhaustion that got the check-in or the crisis text (reported, no target). */
  distress: { total: number; caught: number; missed: string[] };
  /** Ordinary messages (not crisis, not distress) that got the crisis text or the check-in. */
  ordinary: { total: number; crisisText: number; checkIn: number; crisisTextRate: number; checkInRate: number; texts: string[] };
  emergency: { total: number; caught: number };
}

export interface HeldOutReport {
  messages: number;
  perLanguage: Record<string, Tally>;
  perKind: Record<string, Tally>;
  perIntent: Record<string, Tally>;
  crisisRecallPerKind: Record<string, Tally>;
  decisions: Decisions;
  misses: { language: Lang; kind: Kind; text: string; expected: string; got: string; score: number }[];
  safety: SafetyFigures;
  calibrationError: number;
  languageDetection: { correct: number; wrong: number; undecided: number };
  medianClassifyMs: number;
  medianSafetyMs: number;
}

const isRight = (m: { intent: IntentId; accept?: IntentId[] }, got: IntentId): boolean => got === m.intent || (m.accept ?? []).includes(got);

function recordDecision(decisions: Decisions, result: IntentResult, m: { intent: IntentId; accept?: IntentId[] }): void {
  const decision = decide(result);
  if (decision.kind === 'act') {
    if (isRight(m, decision.intent)) decisions.actedRight += 1;
    else decisions.actedWrong += 1;
  } else if (decision.kind === 'clarify') {
    if (decision.readings.some((r) => isRight(m, r.intent))) decisions.clarifiedWithRight += 1;
    else decisions.clarifiedWithoutRight += 1;
  } else decisions.notUnderstood += 1;
}

function emptySafety(): SafetyFigures {
  return {
    crisis: { total: 0, caught: 0, crisisText: 0, checkIn: 0, recall: 1, missed: [] },
    distress: { total: 0, caught: 0, missed: [] },
    ordinary: { total: 0, crisisText: 0, checkIn: 0, crisisTextRate: 0, checkInRate: 0, texts: [] },
    emergency: { total: 0, caught: 0 },
  };
}

/** Adds one message's crisis-check result to the figures. `crisis` is what the message is. */
function recordSafety(figures: SafetyFigures, crisis: 'self_harm' | 'violence' | 'distress' | null, intent: IntentId, text: string, hit: SafetyHit | null): void {
  const alarm = hit !== null && hit.kind !== 'emergency_aid';
  if (crisis === 'self_harm' || crisis === 'violence') {
    figures.crisis.total += 1;
    if (alarm) {
      figures.crisis.caught += 1;
      if (hit.answer === 'crisis') figures.crisis.crisisText += 1;
      else figures.crisis.checkIn += 1;
    } else figures.crisis.missed.push(text);
  } else if (crisis === 'distress') {
    figures.distress.total += 1;
    if (alarm) figures.distress.caught += 1;
    else figures.distress.missed.push(text);
  } else {
    figures.ordinary.total += 1;
    if (alarm) {
      if (hit.answer === 'crisis') figures.ordinary.crisisText += 1;
      else figures.ordinary.checkIn += 1;
      figures.ordinary.texts.push(`${text} → ${hit.answer} ${hit.kind} (${hit.via})`);
    }
    if (intent === 'rights.emergency_aid') {
      figures.emergency.total += 1;
      if (hit?.kind === 'emergency_aid') figures.emergency.caught += 1;
    }
  }
}

function finishSafety(figures: SafetyFigures): SafetyFigures {
  const { crisis, ordinary } = figures;
  crisis.recall = crisis.total === 0 ? 1 : crisis.caught / crisis.total;
  ordinary.crisisTextRate = ordinary.total === 0 ? 0 : ordinary.crisisText / ordinary.total;
  ordinary.checkInRate = ordinary.total === 0 ? 0 : ordinary.checkIn / ordinary.total;
  return figures;
}

function group<T>(items: T[], keyOf: (item: T) => string, right: (item: T) => boolean): Record<string, Tally> {
  const by: Record<string, boolean[]> = {};
  for (const item of items) (by[keyOf(item)] ??= []).push(right(item));
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k, tally(v)]));
}

/**
 * Measures a trained classifier and the crisis check on the held-out messages. Intent accuracy
 * counts the ordinary messages (crisis messages are measured by the crisis check instead).
 */
export function evaluateHeldOut(classifier: IntentClassifier, messages: HeldOutMessage[], checker = new SafetyChecker()): HeldOutReport {
  const classifyTimes: number[] = [];
  const safetyTimes: number[] = [];
  const decisions: Decisions = { actedRight: 0, actedWrong: 0, clarifiedWithRight: 0, clarifiedWithoutRight: 0, notUnderstood: 0 };
  const safety = emptySafety();
  const misses: HeldOutReport['misses'] = [];
  const scored: { score: number; correct: boolean }[] = [];
  const languageDetection = { correct: 0, wrong: 0, undecided: 0 };
  const ordinary: { m: HeldOutMessage; got: IntentId }[] = [];
  const crisisResults: { m: HeldOutMessage; caught: boolean }[] = [];

  for (const m of messages) {
    let t0 = performance.now();
    const result = classifier.classify(m.text, m.language);
    classifyTimes.push(performance.now() - t0);
    t0 = performance.now();
    const hit = checker.check(m.text, classifier);
    safetyTimes.push(performance.now() - t0);
    recordSafety(safety, m.crisis, m.intent, m.text, hit);
    if (m.crisis === 'self_harm' || m.crisis === 'violence') crisisResults.push({ m, caught: hit !== null && hit.kind !== 'emergency_aid' });
    if (m.crisis !== null) continue;
    ordinary.push({ m, got: result.intent });
    scored.push({ score: result.score, correct: isRight(m, result.intent) });
    recordDecision(decisions, result, m);
    if (!isRight(m, result.intent)) misses.push({ language: m.language, kind: m.kind, text: m.text, expected: m.intent, got: result.intent, score: result.score });
    const detected = detectLanguage(m.text);
    if (detected === undefined) languageDetection.undecided += 1;
    else if (detected === m.language) languageDetection.correct += 1;
    else languageDetection.wrong += 1;
  }
  const right = (o: { m: HeldOutMessage; got: IntentId }): boolean => isRight(o.m, o.got);
  return {
    messages: messages.length,
    perLanguage: group(ordinary, (o) => o.m.language, right),
    perKind: group(ordinary, (o) => o.m.kind, right),
    perIntent: group(ordinary, (o) => o.m.intent, right),
    crisisRecallPerKind: group(crisisResults, (c) => c.m.kind, (c) => c.caught),
    decisions,
    misses,
    safety: finishSafety(safety),
    calibrationError: calibrationError(scored),
    languageDetection,
    medianClassifyMs: median(classifyTimes),
    medianSafetyMs: median(safetyTimes),
  };
}

export interface CrossValidationReport {
  folds: number;
  perLanguage: Record<string, Tally>;
  overall: Tally;
  decisions: Decisions;
  calibrationError: number;
  /** The crisis check with each fold's classifier on that fold's crisis and ordinary examples. */
  safety: SafetyFigures;
}

const CRISIS_OF: Partial<Record<IntentId, 'self_harm' | 'violence'>> = { 'crisis.self_harm': 'self_harm', 'crisis.violence': 'violence' };

/** k-fold cross-validation on the training examples (every k-th example held out in turn). */
export function crossValidate(examples: readonly TrainingExample[], folds = 5, checker = new SafetyChecker()): CrossValidationReport {
  const results: { e: TrainingExample; got: IntentId }[] = [];
  const decisions: Decisions = { actedRight: 0, actedWrong: 0, clarifiedWithRight: 0, clarifiedWithoutRight: 0, notUnderstood: 0 };
  const scored: { score: number; correct: boolean }[] = [];
  const safety = emptySafety();
  for (let fold = 0; fold < folds; fold += 1) {
    const classifier = LinearIntentClassifier.train(examples.filter((_, i) => i % folds !== fold), { withoutFigures: withoutFiguresOfSpeech });
    for (const e of examples.filter((_, i) => i % folds === fold)) {
      const result = classifier.classify(e.text, e.language);
      recordSafety(safety, CRISIS_OF[e.intent] ?? null, e.intent, e.text, checker.check(e.text, classifier));
      if (CRISIS_OF[e.intent]) continue;
      results.push({ e, got: result.intent });
      scored.push({ score: result.score, correct: result.intent === e.intent });
      recordDecision(decisions, result, e);
    }
  }
  const right = (r: { e: TrainingExample; got: IntentId }): boolean => r.got === r.e.intent;
  return {
    folds,
    perLanguage: group(results, (r) => r.e.language, right),
    overall: tally(results.map(right)),
    decisions,
    calibrationError: calibrationError(scored),
    safety: finishSafety(safety),
  };
}

export function trainTimed(examples: readonly TrainingExample[]): { classifier: LinearIntentClassifier; trainMs: number } {
  const started = performance.now();
  const classifier = LinearIntentClassifier.train(examples, { withoutFigures: withoutFiguresOfSpeech });
  return { classifier, trainMs: performance.now() - started };
}


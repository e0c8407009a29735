import type { IntentResult, Reading } from './classifier.js';

/**
 * The bot acts on the classifier's reading only when it is at least this probable and this far
 * ahead of the next one; otherwise it asks which reading was meant (shared/specs/understanding.md,
 * "Clarifying instead of guessing"). Chosen by 5-fold cross-validation on the training data
 * (`npm run eval:nlu` prints the trade-off), never on the held-out set.
 */
export const ACT_SCORE = 0.5;
export const CLEAR_MARGIN = 0.2;
/** A reading below this is not offered as a button: it would be noise. */
const OFFER_SCORE = 0.1;

export type Decision =
  | { kind: 'act'; intent: Reading['intent']; score: number }
  | { kind: 'clarify'; readings: Reading[] }
  | { kind: 'not_understood' };

export function decide(result: IntentResult): Decision {
  const [best, second] = result.readings;
  if (!best || best.intent === 'none') return { kind: 'not_understood' };
  const clear = best.score >= ACT_SCORE && best.score - (second?.score ?? 0) >= CLEAR_MARGIN;
  if (clear) return { kind: 'act', intent: best.intent, score: best.score };
  const readings = result.readings.filter((r) => r.intent !== 'none' && r.score >= OFFER_SCORE).slice(0, 3);
  if (readings.length === 0) return { kind: 'not_understood' };
  if (readings.length === 1 && best.score >= ACT_SCORE) return { kind: 'act', intent: best.intent, score: best.score };
  return { kind: 'clarify', readings };
}

import assert from 'node:assert/strict';
import { checkSafety, type SafetyHit } from '../../core/safety/index.js';
import type { IntentClassifier } from '../../core/understanding/index.js';

/** What the crisis check must answer for a row's crisis message. */
export type Expected = Pick<SafetyHit, 'answer' | 'kind'>;
/** A crisis message the phrase lists must catch, and a look-alike of the same words that must stay quiet. */
export type Row = [crisis: string, expected: Expected, lookAlike: string];

export const selfHarmCrisis: Expected = { answer: 'crisis', kind: 'self_harm' };
export const selfHarmCheckIn: Expected = { answer: 'check_in', kind: 'self_harm' };
export const violenceCrisis: Expected = { answer: 'crisis', kind: 'violence' };
export const violenceCheckIn: Expected = { answer: 'check_in', kind: 'violence' };

const shape = (hit: SafetyHit | null): Expected | null => hit && { answer: hit.answer, kind: hit.kind };

/**
 * Two tests a row: the crisis message is found by the phrase lists alone (the classifier may make a
 * check-in surer, never quieter), and the look-alike stays quiet with and without the classifier.
 */
export function itChecksRows(rows: Partial<Record<string, Row[]>>, classifier: () => IntentClassifier): void {
  for (const [lang, list] of Object.entries(rows)) {
    for (const [crisis, expected, lookAlike] of list ?? []) {
      it(`${lang}: "${crisis}" → ${expected.answer} (${expected.kind}), from the phrase lists alone`, () => {
        assert.deepEqual(shape(checkSafety(crisis)), expected);
        const withClassifier = checkSafety(crisis, classifier());
        assert.equal(withClassifier?.kind, expected.kind);
        if (expected.answer === 'crisis') assert.equal(withClassifier?.answer, 'crisis');
      });
      it(`${lang}: "${lookAlike}" stays quiet`, () => {
        assert.equal(checkSafety(lookAlike), null, 'phrase lists');
        assert.equal(checkSafety(lookAlike, classifier()), null, 'with the classifier');
      });
    }
  }
}

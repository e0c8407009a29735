import assert from 'node:assert/strict';
import { urgentSignalsIn } from '../../core/handoff/urgentSignals.js';

describe('which same-day need a message is about', () => {
  const cases: [string, string[]][] = [
    ['jeg har ikke penger til mat i dag', ['URGENT_MONEY']],
    ['eg har ikkje nokon stad å sove i natt', ['URGENT_HOUSING']],
    ['I have nowhere to sleep tonight', ['URGENT_HOUSING']],
    ['Jeg er kastet ut og har ikke mat', ['URGENT_HOUSING', 'URGENT_MONEY']],
    ['I am hungry and homeless', ['URGENT_HOUSING', 'URGENT_MONEY']],
    ['hjelp meg i dag', ['URGENT_MONEY']],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected.join(', ')}`, () => assert.deepEqual(urgentSignalsIn(text), expected));
  }
});

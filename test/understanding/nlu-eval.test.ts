import assert from 'node:assert/strict';
import { LANGUAGES } from '../../core/language.js';
import { INTENT_IDS } from '../../core/understanding/index.js';
import { foldText } from '../../core/understanding/normalize.js';
import { loadTrainingExamples } from '../../core/understanding/training-data.js';
import { HELD_OUT_SETS, loadHeldOut } from '../nlu-eval/heldout.js';
import { TARGETS } from '../nlu-eval/targets.js';

const key = (text: string): string => foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// The figures themselves are measured by `npm run eval:nlu`, not asserted in a timed unit test.
describe('held-out evaluation set (test/nlu-heldout)', () => {
  it(`has at least ${TARGETS.minHeldOutMessages} messages covering every intent in nb, nn and en`, () => {
    const messages = loadHeldOut();
    assert.ok(messages.length >= TARGETS.minHeldOutMessages, `${messages.length} messages`);
    for (const lang of LANGUAGES) {
      for (const intent of INTENT_IDS.filter((i) => i !== 'none')) {
        assert.ok(messages.some((m) => m.language === lang && m.intent === intent), `${lang} ${intent}`);
      }
    }
  });

  it('has crisis messages, direct and indirect, and figures of speech in every language', () => {
    const messages = loadHeldOut();
    for (const lang of LANGUAGES) {
      const mine = messages.filter((m) => m.language === lang);
      assert.ok(mine.filter((m) => m.crisis === 'self_harm').length >= 15, `${lang} self_harm`);
      assert.ok(mine.filter((m) => m.crisis === 'violence').length >= 15, `${lang} violence`);
      assert.ok(mine.filter((m) => m.kind === 'indirect_crisis').length >= 15, `${lang} indirect`);
      assert.ok(mine.filter((m) => m.kind === 'figure_of_speech').length >= 15, `${lang} figures of speech`);
    }
  });

  for (const set of HELD_OUT_SETS) {
    it(`${set} shares no message with the training data (compared after case and punctuation are removed)`, () => {
      const training = new Set(loadTrainingExamples().map((e) => key(e.text)));
      const overlap = loadHeldOut(set).filter((m) => training.has(key(m.text)));
      assert.deepEqual(overlap.map((m) => m.text), []);
    });
  }

  it('nlu-heldout-2 is mostly crisis messages and their look-alikes, in every language', () => {
    for (const lang of LANGUAGES) {
      const mine = loadHeldOut('nlu-heldout-2').filter((m) => m.language === lang);
      assert.ok(mine.filter((m) => m.crisis === 'self_harm' || m.crisis === 'violence').length >= 50, lang);
      assert.ok(mine.filter((m) => m.crisis === null).length >= 50, lang);
    }
  });
});

import assert from 'node:assert/strict';
import { LANGUAGES } from '../../core/language.js';
import { INTENT_IDS } from '../../core/understanding/index.js';
import { foldText } from '../../core/understanding/normalize.js';
import { loadTrainingExamples } from '../../core/understanding/training-data.js';
import { loadEvalMessages } from '../nlu-eval/eval-set.js';
import { evaluate, type EvalReport } from '../nlu-eval/evaluate.js';
import { TARGETS } from '../nlu-eval/targets.js';

const key = (text: string): string => foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('held-out evaluation (test/nlu-eval)', () => {
  it(`has at least ${TARGETS.minEvalMessages} messages covering every intent in nb, nn and en`, () => {
    const messages = loadEvalMessages();
    assert.ok(messages.length >= TARGETS.minEvalMessages, `${messages.length} messages`);
    for (const lang of LANGUAGES) {
      for (const intent of INTENT_IDS) {
        assert.ok(messages.some((m) => m.language === lang && m.intent === intent), `${lang} ${intent}`);
      }
    }
  });

  it('shares no message with the training data (compared after case and punctuation are removed)', () => {
    const training = new Set(loadTrainingExamples().map((e) => key(e.text)));
    const overlap = loadEvalMessages().filter((m) => training.has(key(m.text)));
    assert.deepEqual(overlap.map((m) => m.text), []);
  });

  describe('targets', function () {
    this.timeout(60000);
    let report: EvalReport;
    before(async () => {
      report = await evaluate();
    });

    for (const lang of LANGUAGES) {
      it(`classifies at least ${TARGETS.minAccuracyPerLanguage * 100} % right in ${lang}`, () => {
        const tally = report.perLanguage[lang];
        assert.ok(tally && tally.accuracy >= TARGETS.minAccuracyPerLanguage, `${lang}: ${tally?.correct}/${tally?.total}`);
      });
    }

    it('catches every crisis message', () => {
      assert.deepEqual(report.crisis.missed, []);
      assert.equal(report.crisis.recall, TARGETS.minCrisisRecall);
    });

    it('catches every crisis message also with a phone-style typo in it', () => {
      assert.deepEqual(report.withTypos.crisisMissed, []);
    });

    it(`raises false alarms on under ${TARGETS.maxFalseAlarmRate * 100} % of ordinary messages`, () => {
      assert.ok(report.falseAlarms.rate < TARGETS.maxFalseAlarmRate, report.falseAlarms.texts.join('; '));
    });

    it(`starts (train or load) in under ${TARGETS.maxTrainOrLoadMs} ms`, () => {
      assert.ok(Math.min(report.trainMs, report.loadMs) < TARGETS.maxTrainOrLoadMs, `${report.trainMs} / ${report.loadMs} ms`);
    });

    it(`classifies a message in under ${TARGETS.maxMedianClassifyMs} ms (median)`, () => {
      assert.ok(report.medianClassifyMs < TARGETS.maxMedianClassifyMs, `${report.medianClassifyMs} ms`);
    });
  });
});

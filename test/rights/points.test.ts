import assert from 'node:assert/strict';
import { readQuestion, parseCues } from '../../core/rights/points.js';
import { firstPlan, followUpPlan } from '../../core/rights/resolve.js';

describe('rights: reading the point of a question (core/rights/points.ts)', () => {
  const cases: { text: string; topics?: string[]; points?: string[]; situations?: string[] }[] = [
    { text: 'Hvor mye får man på AAP?', topics: ['AAP'], points: ['amount'] },
    { text: 'hvormye er aap', points: ['amount'] },
    { text: 'hvor lenge og hvor mye', points: ['duration', 'amount'] },
    { text: 'kor mykje pengar', points: ['amount'] },
    { text: 'klagefrist sosialen', topics: ['OKONOMISK_STONAD'], points: ['appeal', 'deadline'] },
    { text: 'arbeidsavklaringspnger varighet', topics: ['AAP'], points: ['duration'] },
    { text: 'jeg er 22 og lurer på kvp', topics: ['KVP'], situations: ['under25'] },
    { text: 'I am 19 years old', situations: ['under25'] },
    { text: 'jeg har jobbet i 22 år', situations: [] },
    { text: 'jeg har to unger', situations: ['children'] },
    { text: 'er du under 30', situations: [] },
  ];
  for (const c of cases) {
    it(`«${c.text}»`, () => {
      const r = readQuestion(c.text);
      if (c.topics) assert.deepEqual(r.topics, c.topics);
      if (c.points) assert.deepEqual(r.points, c.points);
      if (c.situations) assert.deepEqual(r.situations, c.situations);
    });
  }

  it('counts a weak cue ("kan jeg få") only when nothing stronger is asked', () => {
    assert.deepEqual(firstPlan('AAP', readQuestion('hvor mye kan jeg få på aap')).parts, ['amount']);
    assert.deepEqual(firstPlan('AAP', readQuestion('kan jeg få aap')).parts, ['who']);
    assert.deepEqual(firstPlan('AAP', readQuestion('do I get more AAP if I have kids')).parts, ['amount']);
  });

  it('takes the topic the question names over an appeal in general, and the appeal part there', () => {
    assert.deepEqual(firstPlan('KLAGE', readQuestion('hva er klagefristen for kvp')), { topic: 'KVP', parts: ['appeal'], points: ['appeal', 'deadline'] });
    assert.deepEqual(firstPlan('KLAGE', readQuestion('jeg er uenig i vedtaket')).parts, [], 'disagreeing, with no benefit named, is the appeal topic itself');
    assert.deepEqual(firstPlan('KLAGE', readQuestion('hvordan klager jeg')).parts, ['how']);
  });

  it('keeps the topic in a follow-up, and carries the point to another topic named alone', () => {
    assert.deepEqual(followUpPlan('AAP', readQuestion('og hvis jeg har barn?'), ['duration']), { topic: 'AAP', parts: ['amount'], points: ['amount'], situation: 'children' });
    assert.deepEqual(followUpPlan('AAP', readQuestion('og for sosialhjelp?'), ['deadline']), { topic: 'OKONOMISK_STONAD', parts: ['appeal'], points: ['deadline'] });
    assert.equal(followUpPlan('AAP', readQuestion('hvordan søker jeg sosialhjelp'), ['amount']), 'other');
    assert.equal(followUpPlan('AAP', readQuestion('hvilken hjelp kan jeg få'), ['amount']), undefined);
  });

  it('rejects a cue file with an unknown point, with the place of the error', () => {
    assert.throws(() => parseCues({ 'xx.json': { points: { price: ['hvor mye'] } } }), /xx\.json: points\.price/);
  });
});

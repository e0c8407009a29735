import assert from 'node:assert/strict';
import { catalogue, parseCatalogue, TOPIC_CODES } from '../../core/rights/catalogue.js';
import { evaluateSelfCheck, selfCheckQuestions } from '../../core/rights/selfCheck.js';

describe('rights catalogue', () => {
  it('has every topic code the triage and the root route to, each part with a source', () => {
    const { topics } = catalogue();
    for (const code of TOPIC_CODES) {
      assert.ok(topics[code].parts.length > 0, code);
      for (const p of topics[code].parts) assert.ok(p.sources.length > 0, `${code}.${p.id}`);
    }
    assert.deepEqual(topics.AAP.parts.map((p) => p.id), ['who', 'amount', 'duration', 'apply', 'appeal']);
    assert.deepEqual(topics.AAP.parts.find((p) => p.id === 'amount')?.figures, ['AAP_RATES', 'AAP_CHILD']);
  });

  it('rejects a part whose source is not registered', () => {
    const sources = { sources: { a: { url: 'https://a.no' } } };
    const topics = { topics: Object.fromEntries(TOPIC_CODES.map((c) => [c, { checked: '2026-01-01', parts: [{ id: 'who', sources: ['a'] }] }])) };
    assert.doesNotThrow(() => parseCatalogue(topics, sources));
    (topics.topics.AAP as { parts: { id: string; sources: string[] }[] }).parts[0]!.sources = ['nope'];
    assert.throws(() => parseCatalogue(topics, sources), /AAP\.parts\[0\]\.sources: unknown source "nope"/);
  });
});

describe('self-check for AAP and KVP', () => {
  const aap = selfCheckQuestions('AAP');
  const kvp = selfCheckQuestions('KVP');

  it('may fit when every answer matches the conditions', () => {
    const all = Object.fromEntries(aap.map((q) => [q.id, q.fitsWhen]));
    assert.deepEqual(evaluateSelfCheck(aap, all), { outcome: 'mayFit', notMatching: [], unknown: [] });
  });

  it('probably does not fit, and says which answers speak against it', () => {
    const answers = Object.fromEntries(aap.map((q) => [q.id, q.fitsWhen])) as Record<string, 'yes' | 'no' | 'unknown'>;
    answers.reduced = 'no';
    answers.help = 'unknown';
    const r = evaluateSelfCheck(aap, answers);
    assert.equal(r.outcome, 'probablyNot');
    assert.deepEqual(r.notMatching, ['reduced']);
    assert.deepEqual(r.unknown, ['help']);
  });

  it('is unclear when nothing speaks against it but something is unknown', () => {
    assert.equal(evaluateSelfCheck(kvp, {}).outcome, 'unclear');
  });

  it('treats "no" as matching for the KVP question about other benefits', () => {
    const answers = Object.fromEntries(kvp.map((q) => [q.id, 'yes'])) as Record<string, 'yes' | 'no' | 'unknown'>;
    assert.deepEqual(evaluateSelfCheck(kvp, answers).notMatching, ['benefits']);
  });
});

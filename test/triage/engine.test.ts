import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  QUESTION_BANK_PATH, QuestionBankError, applicableQuestions, assess, loadQuestionBank, nextQuestion, parseQuestionBank,
  pruneAnswers, validateAnswers, type Answers,
} from '../../core/triage/index.js';

const bankJson = (): { questions: Record<string, unknown>[] } & Record<string, unknown> =>
  JSON.parse(readFileSync(QUESTION_BANK_PATH, 'utf8'));

function withQuestion(id: string, change: (q: Record<string, unknown>) => void): unknown {
  const bank = bankJson();
  const q = bank.questions.find((x) => x.id === id);
  assert.ok(q);
  change(q);
  return bank;
}

describe('triage question bank', () => {
  it('loads the project bank with every spec question, each with a purpose and i18n keys', () => {
    const bank = loadQuestionBank();
    assert.equal(bank.questions.length, 21);
    for (const q of bank.questions) {
      assert.ok(q.purpose.length > 20, q.id);
      assert.match(q.textKey, /^triage:/);
    }
  });

  const broken: [string, () => unknown, RegExp][] = [
    ['an unknown code', () => withQuestion('housing', (q) => { (q.codes as string[]).push('SLOTT'); }), /question "housing": codes differ/],
    ['a missing code', () => withQuestion('money', (q) => { q.codes = ['JA', 'NEI']; }), /question "money": codes differ/],
    ['a condition on a later question', () => withQuestion('age', (q) => { q.askWhen = { question: 'money', in: ['NEI'] }; }), /question "age": "askWhen" refers to "money"/],
    ['a condition with an unknown code', () => withQuestion('healthDuration', (q) => { q.askWhen = { question: 'healthHinder', notIn: ['NOPE'] }; }), /question "healthDuration": "askWhen" uses unknown code "NOPE"/],
    ['a missing purpose', () => withQuestion('debt', (q) => { delete q.purpose; }), /question "debt": "purpose" is missing/],
    ['a wrong type', () => withQuestion('age', (q) => { q.type = 'number'; }), /question "age": "type" must be/],
    ['an unknown id', () => { const b = bankJson(); b.questions.push({ id: 'shoeSize', type: 'integer' }); return b; }, /question "shoeSize": unknown id/],
    ['a duplicate id', () => { const b = bankJson(); b.questions.push(b.questions[3]!); return b; }, /question "workedSixOfTwelve": duplicate id/],
    ['a missing question', () => { const b = bankJson(); b.questions = b.questions.filter((q) => q.id !== 'network'); return b; }, /question "network" from the spec is missing/],
  ];
  for (const [what, make, message] of broken) {
    it(`refuses a bank with ${what}, naming the entry`, () => {
      assert.throws(() => parseQuestionBank(make()), (err: Error) => err instanceof QuestionBankError && message.test(err.message));
    });
  }

  it('names the file when it is not JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'triage-bank-')), 'q.json');
    writeFileSync(file, '{ not json');
    assert.throws(() => loadQuestionBank(file), /cannot read .*q\.json/);
  });
});

describe('triage validateAnswers', () => {
  it('accepts good answers and null for skipped questions', () => {
    const r = validateAnswers({ age: 40, situation: 'SYKMELDT', incomeSources: ['LONN', 'AAP'], debt: null, goal: 'Jeg vil ha jobb' });
    assert.equal(r.ok, true);
  });
  const bad: [string, unknown, string, RegExp][] = [
    ['an unknown question id', { age: 30, shoeSize: 44 }, 'shoeSize', /unknown question id/],
    ['an unknown code', { situation: 'PENSJONIST' }, 'situation', /unknown code "PENSJONIST"/],
    ['a code in the wrong case', { debt: 'ja' }, 'debt', /unknown code "ja"/],
    ['age as text', { age: '30' }, 'age', /whole number/],
    ['age out of range', { age: 14 }, 'age', /outside 15–100/],
    ['age with decimals', { age: 30.5 }, 'age', /whole number/],
    ['a single code for a multi question', { incomeSources: 'LONN' }, 'incomeSources', /list of codes/],
    ['INGEN combined with income', { incomeSources: ['INGEN', 'LONN'] }, 'incomeSources', /cannot be combined/],
    ['a list for a single question', { money: ['JA'] }, 'money', /expected one of/],
    ['a too long goal', { goal: 'x'.repeat(1001) }, 'goal', /longer than 1000/],
  ];
  for (const [what, input, field, message] of bad) {
    it(`names the field for ${what}`, () => {
      const r = validateAnswers(input);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.field, field);
        assert.match(r.message, message);
      }
    });
  }
  it('refuses something that is not an object', () => {
    for (const input of [null, [], 'ja', 3]) assert.equal(validateAnswers(input).ok, false);
  });
});

describe('triage question order and conditions', () => {
  const ids = (answers: Answers) => applicableQuestions(answers).map((q) => q.id);

  it('asks the request first, then the work questions, then life situation, the self-assessment last', () => {
    const all = ids({});
    assert.equal(all[0], 'goal');
    assert.equal(all.at(-1), 'selfAssessment');
    assert.ok(all.indexOf('age') < all.indexOf('money'));
  });

  it('skips workedSixOfTwelve for someone who never had a job, and the rules read it as NEI', () => {
    assert.ok(!ids({ situation: 'ALDRI_HATT_JOBB' }).includes('workedSixOfTwelve'));
    assert.ok(ids({ situation: 'MISTET_JOBBEN' }).includes('workedSixOfTwelve'));
    const reasons = assess({ situation: 'ALDRI_HATT_JOBB', age: 30, healthHinder: 'NEI', otherHinder: 'NEI', education: 'GRUNNSKOLE' }, new Date()).reasons;
    assert.deepEqual(reasons.find((r) => r.code === 'NO_RECENT_WORK')?.questionIds, ['situation']);
  });

  it('asks education follow-ups only above grunnskole', () => {
    assert.ok(!ids({ education: 'GRUNNSKOLE' }).includes('educationPassed'));
    assert.ok(!ids({ education: null }).includes('educationApproved'));
    assert.ok(ids({ education: 'HOYERE_UTDANNING_5_ELLER_MER' }).includes('educationApproved'));
  });

  it('asks health duration and work capacity unless the hinder answers are NEI', () => {
    assert.ok(!ids({ healthHinder: 'NEI', otherHinder: 'NEI' }).includes('workCapacity'));
    assert.ok(!ids({ healthHinder: 'NEI' }).includes('healthDuration'));
    assert.ok(ids({ healthHinder: 'VET_IKKE' }).includes('healthDuration'));
    assert.ok(ids({ healthHinder: 'NEI', otherHinder: 'JA' }).includes('workCapacity'));
    assert.ok(ids({ healthHinder: null, otherHinder: 'NEI' }).includes('workCapacity'), 'a skipped hinder is "not NEI"');
  });

  it('asks how long social assistance has lasted only when it is an income source', () => {
    assert.ok(!ids({ incomeSources: ['LONN'] }).includes('socialAssistanceDuration'));
    assert.ok(ids({ incomeSources: ['LONN', 'SOSIALHJELP'] }).includes('socialAssistanceDuration'));
  });

  it('nextQuestion walks the bank in order, skipping what was asked and what does not apply', () => {
    const answers: Answers = { age: 30, situation: 'ALDRI_HATT_JOBB' };
    assert.equal(nextQuestion(answers, ['goal', 'age', 'situation'])?.id, 'education');
    assert.equal(nextQuestion({}, [], { sections: ['life'] })?.id, 'money');
    const everything = applicableQuestions({}).map((q) => q.id);
    assert.equal(nextQuestion({}, everything), undefined);
  });

  it('pruneAnswers drops answers that no longer apply after a change', () => {
    const pruned = pruneAnswers({ healthHinder: 'NEI', otherHinder: 'NEI', healthDuration: 'LANG', workCapacity: 'DELVIS', age: 40 });
    assert.deepEqual(pruned, { healthHinder: 'NEI', otherHinder: 'NEI', age: 40 });
  });
});

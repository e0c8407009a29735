import assert from 'node:assert/strict';
import { createIntentClassifier, INTENT_IDS, type IntentClassifier } from '../../core/understanding/index.js';
import { loadTrainingExamples } from '../../core/understanding/training-data.js';
import { LANGUAGES } from '../../core/language.js';

// The contract in shared/specs/understanding.md: the rest of the bot routes on exactly these ids.
const SPEC_INTENTS = [
  'rights.14a', 'rights.aap', 'rights.kvp', 'rights.financial_aid', 'rights.emergency_aid', 'rights.appeal',
  'rights.debt', 'triage.start', 'handoff.request', 'own_case', 'other_benefit', 'greeting', 'thanks', 'goodbye',
  'help', 'cancel', 'restart', 'language.nb', 'language.nn', 'language.en', 'privacy.info', 'privacy.delete',
  'crisis.self_harm', 'crisis.violence', 'none',
];

describe('intent classifier', () => {
  let classifier: IntentClassifier;
  before(() => {
    classifier = createIntentClassifier();
  });

  it('knows exactly the intent ids of the spec', () => {
    assert.deepEqual([...INTENT_IDS].sort(), [...SPEC_INTENTS].sort());
  });

  it('has training examples for every intent in nb, nn and en', () => {
    const examples = loadTrainingExamples();
    for (const lang of LANGUAGES) {
      for (const intent of INTENT_IDS) {
        const count = examples.filter((e) => e.language === lang && e.intent === intent).length;
        assert.ok(count >= 3, `${lang} ${intent}: only ${count} examples`);
      }
    }
  });

  it('answers synchronously with intent, score and language', () => {
    const result = classifier.classify('kan jeg få aap', 'nb');
    assert.ok(!(result instanceof Promise));
    assert.equal(result.intent, 'rights.aap');
    assert.ok(result.score > 0.5 && result.score <= 1);
    assert.equal(result.language, 'nb');
  });

  // The examples in the spec's intent table.
  const specExamples: [string, string][] = [
    ['hva er en arbeidsevnevurdering', 'rights.14a'],
    ['kva er ei aktivitetsplan', 'rights.14a'],
    ['kan jeg få aap', 'rights.aap'],
    ['sykepengene mine tar slutt', 'rights.aap'],
    ['hva er kvp', 'rights.kvp'],
    ['kan jeg få hjelp til husleia', 'rights.financial_aid'],
    ['jeg har ikke penger til mat i dag', 'rights.emergency_aid'],
    ['jeg er uenig i vedtaket', 'rights.appeal'],
    ['jeg har masse inkasso', 'rights.debt'],
    ['hvilken hjelp kan jeg få', 'triage.start'],
    ['I need help finding work', 'triage.start'],
    ['kan jeg snakke med et menneske', 'handoff.request'],
    ['når kommer pengene mine', 'own_case'],
    ['hvordan søker jeg dagpenger', 'other_benefit'],
    ['hei', 'greeting'],
    ['takk for hjelpa', 'thanks'],
    ['hva kan du hjelpe med', 'help'],
    ['avbryt', 'cancel'],
    ['start på nytt', 'restart'],
    ['kan du skrive nynorsk', 'language.nn'],
    ['english please', 'language.en'],
    ['slett samtalen min', 'privacy.delete'],
  ];
  it('reads every example of the spec table as its intent', () => {
    const wrong = specExamples.filter(([text, intent]) => classifier.classify(text).intent !== intent);
    assert.deepEqual(wrong, []);
  });

  // Written the way people type: capitals, typos, nynorsk, dialect, English. None of these
  // sentences is in the training data.
  const cases: [string, string][] = [
    ['KAN JEG FÅ AAP??', 'rights.aap'],
    ['arbeidsavklaringspengar kor mykje', 'rights.aap'],
    ['arbeidsavklaringspneger hvordan søke', 'rights.aap'],
    ['når kommer pengane mine', 'own_case'],
    ['jeg vil snakke med et mennske', 'handoff.request'],
    ['vil klage på vedtaket om aap', 'rights.appeal'],
    ['kva er ei aktivitetsplan', 'rights.14a'],
    ['sosialhjelpa er for lite til husleia', 'rights.financial_aid'],
    ['kan eg få snakke med nokon på nav', 'handoff.request'],
    ['I have so much debt collection', 'rights.debt'],
    ['slett samtalen min med en gang', 'privacy.delete'],
    ['takk for hjelpa du', 'thanks'],
    ['hvordan søker man barnetrygd', 'other_benefit'],
    ['soknad om sosialhjelp', 'rights.financial_aid'],
  ];
  for (const [text, intent] of cases) {
    it(`reads "${text}" as ${intent}`, () => {
      assert.equal(classifier.classify(text).intent, intent);
    });
  }

  // Issue 14: a request beside a figure of speech was read as small talk, because the examples
  // teach that "… tar livet av meg" alone is. The figure alone stays small talk.
  const besideFigures: [string, string][] = [
    ['dette skjemaet tar livet av meg, hvor søker jeg om kvp', 'rights.kvp'],
    ['skjemaet tek livet av meg, kva er kvalifiseringsprogrammet', 'rights.kvp'],
    ['this website is killing me, what is the qualification programme', 'rights.kvp'],
    ['køen dreper meg', 'none'],
    ['this is killing me', 'none'],
  ];
  for (const [text, intent] of besideFigures) {
    it(`reads "${text}" as ${intent}, the figure of speech aside`, () => {
      assert.equal(classifier.classify(text).intent, intent);
    });
  }

  it('says none for empty text, gibberish and things outside NAV', () => {
    for (const text of ['', '   ', 'xkcdqwv zzpt', 'hvem vinner eurovision i år', 'who painted the mona lisa']) {
      assert.equal(classifier.classify(text, 'nb').intent, 'none', text);
    }
  });

  it('keeps the given language, and otherwise detects it (bokmål when unclear)', () => {
    assert.equal(classifier.classify('kva er kvp', 'en').language, 'en');
    assert.equal(classifier.classify('kva er kvp').language, 'nn');
    assert.equal(classifier.classify('what is kvp').language, 'en');
    assert.equal(classifier.classify('aap').language, 'nb');
  });

  it('understands a message in another language than the conversation', () => {
    assert.equal(classifier.classify('can I get aap', 'nb').intent, 'rights.aap');
    assert.equal(classifier.classify('eg vil snakke med eit menneske', 'en').intent, 'handoff.request');
  });

  it('gives its three likeliest readings, best first, as probabilities', () => {
    const { intent, score, readings } = classifier.classify('vil klage på aap vedtaket', 'nb');
    assert.equal(intent, 'rights.appeal');
    assert.equal(readings.length, 3);
    assert.deepEqual(readings[0], { intent, score });
    assert.ok(readings.every((r, i) => i === 0 || r.score <= (readings[i - 1]?.score ?? 1)));
    assert.ok(readings.reduce((sum, r) => sum + r.score, 0) <= 1.001);
  });

  it('learns the same model from the same data every time (no chance in training)', () => {
    const again = createIntentClassifier();
    for (const text of ['kan jeg få aap', 'jeg har masse inkasso', 'kva er ei aktivitetsplan', 'bla bla']) {
      assert.deepEqual(again.classify(text, 'nb'), classifier.classify(text, 'nb'));
    }
  });
});

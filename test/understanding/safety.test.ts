import assert from 'node:assert/strict';
import {
  checkSafety,
  CLASSIFIER_CHECK_IN_SCORE,
  CLASSIFIER_UNGATED_CHECK_IN_SCORE,
  CLASSIFIER_CRISIS_SCORE,
  LIST_NAMES,
  loadPhraseLists,
  PhraseMatcher,
  safetyLabel,
  SafetyChecker,
  type PhraseLists,
} from '../../core/safety/index.js';
import { createIntentClassifier, CRISIS_INTENTS, type IntentClassifier, type IntentId } from '../../core/understanding/index.js';
import { loadTrainingExamples } from '../../core/understanding/training-data.js';
import { t } from '../../dialogs/i18n.js';

/** A classifier that always gives one answer, to test how checkSafety weighs it. */
function fixedClassifier(intent: IntentId, score: number): IntentClassifier {
  return { classify: () => ({ intent, score, language: 'nb', readings: [{ intent, score }] }) };
}

function lists(own: Partial<PhraseLists>): PhraseLists {
  return { ...(Object.fromEntries(LIST_NAMES.map((n) => [n, []])) as unknown as PhraseLists), ...own };
}

describe('crisis check', () => {
  let classifier: IntentClassifier;
  before(() => {
    classifier = createIntentClassifier();
  });

  const crises: [string, 'self_harm' | 'violence' | 'emergency_aid'][] = [
    ['jeg vil ta livet mitt', 'self_harm'],
    ['JEG VIL DØ', 'self_harm'],
    ['jeg vil do', 'self_harm'],
    ['jeg vil døøøøø', 'self_harm'],
    ['har selvmorstanker', 'self_harm'],
    ['jegvil ta livetmitt', 'self_harm'],
    ['tenkjer på sjølvmord', 'self_harm'],
    ['eg vil ikkje leve meir', 'self_harm'],
    ['i want to kill myself', 'self_harm'],
    ["I don't want to live anymore", 'self_harm'],
    ['im suicidal', 'self_harm'],
    ['mannen min slår meg', 'violence'],
    ['samboern min truer meg', 'violence'],
    ['eg er redd for å gå heim', 'violence'],
    ['my boyfriend hits me', 'violence'],
    ['he threatened to kill me', 'violence'],
    ['har ikke penger til mat', 'emergency_aid'],
    ['eg har ingen stad å sove i natt', 'emergency_aid'],
    ['i have nowhere to sleep tonight', 'emergency_aid'],
  ];
  for (const [text, kind] of crises) {
    it(`"${text}" → ${kind}`, () => {
      const answer = kind === 'emergency_aid' ? 'emergency' : 'crisis';
      assert.deepEqual(checkSafety(text) && { ...checkSafety(text), via: undefined }, { answer, kind, via: undefined }, 'phrase lists alone');
      assert.equal(checkSafety(text, classifier)?.kind, kind, 'with the classifier');
      assert.equal(checkSafety(text, classifier)?.answer, answer, 'with the classifier');
    });
  }

  // Risk signals that are not certain get the check-in question, never silence (issue 14 item 5:
  // distress is never a command, and "I can't take it anymore" is not "I did not understand").
  const checkIns: [string, 'self_harm' | 'violence'][] = [
    ['jeg orker ikke mer', 'self_harm'],
    ['eg orkar ikkje meir', 'self_harm'],
    ['jeg klarer ikke mer, alt er håpløst', 'self_harm'],
    ["I can't take it anymore", 'self_harm'],
    ['I cant go on like this', 'self_harm'],
  ];
  for (const [text, kind] of checkIns) {
    it(`"${text}" → the check-in question (${kind})`, () => {
      const hit = checkSafety(text, classifier);
      assert.ok(hit && (hit.answer === 'check_in' || hit.answer === 'crisis'), JSON.stringify(hit));
      assert.equal(hit.kind, kind);
    });
  }

  it('says what it decided as the command line does (shared/specs/understanding.md)', () => {
    assert.equal(safetyLabel(checkSafety('jeg vil ta livet mitt')), 'crisis.self_harm');
    assert.equal(safetyLabel(checkSafety('mannen min slår meg')), 'crisis.violence');
    assert.equal(safetyLabel(checkSafety('jeg orker ikke mer')), 'check_in');
    assert.equal(safetyLabel(checkSafety('har ikke penger til mat')), 'emergency_aid');
    assert.equal(safetyLabel(checkSafety('kan jeg få aap')), null);
  });

  it('reads a long message sentence by sentence: one crisis sentence at the end is enough', () => {
    const text =
      'Hei. Jeg har vært sykmeldt i snart ett år og sykepengene tar slutt i mars. Jeg har søkt AAP men ikke fått svar. ' +
      'Husleia er for høy og jeg har inkasso på to regninger. Jeg ser ingen vits i å leve lenger.';
    assert.equal(checkSafety(text, classifier)?.kind, 'self_harm');
  });

  it('puts self-harm before violence before same-day need', () => {
    assert.equal(checkSafety('han slår meg og jeg vil dø')?.kind, 'self_harm');
    assert.equal(checkSafety('han slår meg og vi har ikke penger til mat')?.kind, 'violence');
  });

  const ordinary = [
    'dette skjemaet dreper meg',
    'jeg er dødssliten',
    "I'm dying to know",
    'drep meg ikke med flere skjema',
    'jeg slo meg på armen',
    'this form is killing me',
    'eg er daudsliten etter kurset',
    'I have no food allergies',
    'kan jeg få aap',
    'hva er kvp',
    'jeg vil dokumentere sykdommen',
    'hvordan dør en søknad ut',
  ];
  for (const text of ordinary) {
    it(`does not alarm on "${text}"`, () => {
      assert.equal(checkSafety(text, classifier), null);
    });
  }

  it('lets a sure classifier add self-harm or violence that the lists have not met', () => {
    const selfHarm = 'jeg drømmer om døden';
    const violence = 'han har en kniv';
    assert.equal(checkSafety(selfHarm), null, 'not in the phrase lists');
    assert.equal(checkSafety(violence), null, 'not in the phrase lists');
    assert.deepEqual(checkSafety(selfHarm, fixedClassifier('crisis.self_harm', 0.97)), { answer: 'crisis', kind: 'self_harm', via: 'classifier' });
    assert.deepEqual(checkSafety(violence, fixedClassifier('crisis.violence', 0.97)), { answer: 'crisis', kind: 'violence', via: 'classifier' });
  });

  it('lets a less sure classifier ask the check-in question instead of giving the crisis text', () => {
    const text = 'jeg drømmer om døden';
    const between = (CLASSIFIER_CRISIS_SCORE + CLASSIFIER_CHECK_IN_SCORE) / 2;
    assert.deepEqual(checkSafety(text, fixedClassifier('crisis.self_harm', between)), { answer: 'check_in', kind: 'self_harm', via: 'classifier' });
    assert.equal(checkSafety(text, fixedClassifier('crisis.self_harm', CLASSIFIER_CHECK_IN_SCORE - 0.01)), null);
  });

  it('never gives the crisis text on the classifier alone for a sentence without a single crisis word, and asks only when it is very sure', () => {
    // "jeg vil finne en jobb" once scored 0.998 for self-harm: it shares "jeg vil" with the examples.
    for (const text of ['jeg vil finne en jobb', 'eg vil finne meg ein stad å bu', 'jeg vil bort fra byen', 'I want to find a flat']) {
      for (const intent of ['crisis.self_harm', 'crisis.violence'] as const) {
        assert.equal(checkSafety(text, fixedClassifier(intent, 0.998))?.answer, 'check_in', text);
        assert.equal(checkSafety(text, fixedClassifier(intent, CLASSIFIER_UNGATED_CHECK_IN_SCORE - 0.01)), null, text);
      }
    }
  });

  it('asks the check-in question when people who mean it use none of the crisis words', () => {
    // Goodbye letters and giving things away, in words the crisis vocabulary does not hold.
    // With empty lists no sentence has a crisis word, so only the classifier's certainty counts.
    const checker = new SafetyChecker(lists({}));
    const text = 'har skrive brev til alle og gjeve bort katten';
    assert.deepEqual(checker.check(text, fixedClassifier('crisis.self_harm', CLASSIFIER_UNGATED_CHECK_IN_SCORE)), { answer: 'check_in', kind: 'self_harm', via: 'classifier' });
    assert.deepEqual(checker.check(text, fixedClassifier('crisis.violence', 1)), { answer: 'check_in', kind: 'violence', via: 'classifier' });
    assert.equal(checker.check(text, fixedClassifier('crisis.self_harm', CLASSIFIER_UNGATED_CHECK_IN_SCORE - 0.01)), null);
  });

  it('keeps ordinary wishes quiet with the real classifier', () => {
    const classifier = createIntentClassifier();
    for (const text of ['jeg vil finne en jobb', 'eg vil finne meg ein stad å bu', 'jeg vil bort fra byen', 'I want to find a flat']) {
      assert.equal(checkSafety(text, classifier), null, text);
    }
  });

  it('catches every crisis example the classifier learns from by a phrase, or lets the classifier see it through a crisis word', () => {
    const texts = loadTrainingExamples()
      .filter((e) => (CRISIS_INTENTS as readonly string[]).includes(e.intent))
      .map((e) => e.text);
    assert.ok(texts.length > 100);
    const sure = fixedClassifier('crisis.self_harm', 1);
    // With the phrase lists emptied, only the classifier (behind the crisis words) can alarm.
    const classifierOnly = new SafetyChecker({ ...loadPhraseLists(), self_harm: [], violence: [], check_in_self_harm: [], check_in_violence: [], emergency_aid: [] });
    const phrasesOnly = new SafetyChecker();
    assert.deepEqual(texts.filter((t) => !classifierOnly.check(t, sure) && !phrasesOnly.check(t)), []);
  });

  it('does not alarm on the classifier alone when it is unsure, or for same-day need', () => {
    const text = 'a message the phrase lists do not know';
    assert.equal(checkSafety(text, fixedClassifier('crisis.self_harm', CLASSIFIER_CHECK_IN_SCORE - 0.01)), null);
    assert.equal(checkSafety(text, fixedClassifier('rights.emergency_aid', 1)), null);
  });

  it('never depends on the classifier: the lists catch a crisis the classifier misses', () => {
    assert.equal(checkSafety('jeg vil ta livet mitt', fixedClassifier('greeting', 1))?.kind, 'self_harm');
  });

  it('still alarms when a figure of speech and a real crisis share a message', () => {
    assert.equal(checkSafety('jeg holdt på å dø av latter i går, men nå vil jeg ta livet mitt', classifier)?.kind, 'self_harm');
    assert.equal(checkSafety('he hit me up yesterday and then my boyfriend hit me', classifier)?.kind, 'violence');
  });

  it('stays quiet on the bot\'s own buttons, such as the consent\'s "do not send"', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const label = t(lang, 'handoff:consent.buttons.dontSend');
      assert.equal(checkSafety(label, classifier), null, label);
    }
  });

  it('ignores empty messages', () => {
    assert.equal(checkSafety('   ', classifier), null);
  });

  it('reads maintained lists from data, so a new phrase needs no code change', () => {
    const checker = new SafetyChecker(lists({ self_harm: ['(vil|skal) forsvinne fra alt'] }));
    assert.equal(checker.check('jeg skal forsvinne fra alt')?.kind, 'self_harm');
    assert.equal(checker.check('jeg vil ta livet mitt'), null);
  });

  it('matches phrase patterns with alternatives and endings, one typo in long words, and no spaces', () => {
    const m = new PhraseMatcher(['(ta|tatt) livet mitt', 'selvmord*']);
    assert.ok(m.find('har tatt livet mitt'));
    assert.ok(m.find('tenker på selvmordsforsøk'));
    assert.ok(m.find('ta livet mit'));
    assert.ok(m.find('talivetmitt'));
    assert.equal(m.find('livet mitt er fint'), undefined);
  });

  it('reads an optional word in a pattern as a word of its own ("(hele |)lønna")', () => {
    const m = new PhraseMatcher(['tar (hele |)lønna mi'], false);
    assert.ok(m.find('han tar hele lønna mi'));
    assert.ok(m.find('han tar lønna mi'));
  });

  it('finds a phrase typed without spaces also where joining doubles a letter ("ta alle" → "taalle")', () => {
    assert.ok(new PhraseMatcher(['ta alle tablettane']).find('eg skal taalle tablettane i natt'));
  });

  it('lets only phrase words of a given length carry a typo when asked', () => {
    const m = new PhraseMatcher(['finnes', 'borte', 'forsvinne'], 7);
    assert.equal(m.find('jeg vil finne en jobb'), undefined);
    assert.equal(m.find('jeg vil bort fra byen'), undefined);
    assert.ok(m.find('jeg vil forsvinnne'));
    assert.ok(m.find('jeg vil ikke finnes'));
  });
});

describe('figures of speech, both ways', () => {
  let classifier: IntentClassifier;
  before(() => {
    classifier = createIntentClassifier();
  });

  const figures: [string, string][] = [
    ['dette skjemaet dreper meg', 'jeg vil ta livet mitt'],
    ['sjefen tar livet av meg', 'mannen min slår meg'],
    ['inkasso truer med namsmannen', 'jeg vil ikke leve lenger'],
    ['dette skjemaet drep meg', 'eg vil ikkje leve lenger'],
    ['eg døyr av latter', 'han slår meg'],
    ['this form is killing me', 'i want to kill myself'],
    ['I could die of embarrassment', 'my boyfriend hits me'],
  ];
  for (const [figure, crisis] of figures) {
    it(`"${figure}" stays quiet alone, and does not hide "${crisis}" beside it`, () => {
      assert.equal(checkSafety(figure, classifier), null);
      assert.equal(checkSafety(`${figure}. ${crisis}`, classifier)?.answer, 'crisis');
      assert.equal(checkSafety(`${crisis}, ${figure}`, classifier)?.answer, 'crisis');
    });
  }
});

describe('crisis check on long messages', () => {
  it('still finds a crisis at the end of a 20 000-character message, quickly', () => {
    const filler = 'jeg har søkt om arbeidsavklaringspenger og venter på svar fra nav ';
    const text = `${filler.repeat(Math.ceil(20000 / filler.length))} og jeg vil ikke leve lenger`;
    const started = performance.now();
    assert.equal(checkSafety(text)?.kind, 'self_harm');
    assert.ok(performance.now() - started < 1000);
  });
});

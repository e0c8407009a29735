import assert from 'node:assert/strict';
import { buildSummary, confirmSummary } from '../../core/handoff/summary.js';
import { renderSummary, MAX_HEADING, MAX_TEXT } from '../../core/handoff/render.js';
import type { SummaryInput } from '../../core/handoff/summaryTypes.js';
import { LANGUAGES } from '../../core/language.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';

const nb = handoffTexts('nb');
const CREATED = new Date('2026-04-07T12:05:00.000Z'); // 14:05 in Oslo

const triaged: SummaryInput = {
  id: '6f1c2a9e-0000-4000-8000-000000000001',
  createdAt: CREATED,
  channel: 'webchat',
  language: 'nb',
  request: 'Jeg har vært syk lenge og vet ikke hva jeg har krav på. Sjefen min ringer hele tiden.',
  triage: {
    answers: { age: 34, healthHinder: 'JA', healthDuration: 'LANG', housing: 'USTABIL', money: 'JA', incomeSources: ['SYKEPENGER', 'LONN'], network: null },
    assessment: {
      level: 'SPESIELT_TILPASSET_INNSATS',
      profilering: 'OPPGITT_HINDRINGER',
      needsWorkAbilityAssessment: true,
      userDisagrees: false,
      threatenedArenas: 1,
      flags: ['HOUSING_AT_RISK'],
      relevantRights: ['PARAGRAF_14A', 'AAP'],
      priority: 'HIGH',
      reasons: [{ code: 'HEALTH_HINDER', questionIds: ['healthHinder'] }],
    },
  },
  topicsExplained: ['AAP'],
};

describe('handoff summary (JSON)', () => {
  it('has the fields of the spec, with the request in the user\'s own words', () => {
    const s = buildSummary(triaged, nb);
    assert.deepEqual(
      Object.keys(s).filter((k) => !['nextStepCodes', 'origins'].includes(k)).sort(),
      ['answers', 'assessment', 'channel', 'consent', 'createdAt', 'flags', 'id', 'language', 'lifeAreas', 'priority', 'request', 'suggestedNextSteps', 'topicsExplained', 'transcript', 'triageUnfinished', 'userConfirmed'].sort(),
    );
    assert.equal(s.request, triaged.request);
    assert.equal(s.createdAt, '2026-04-07T12:05:00.000Z');
    assert.equal(s.userConfirmed, false);
    assert.equal(s.consent, null);
    assert.equal(s.priority, 'HIGH');
  });

  it('marks every part by origin: own words, own answers, the chat\'s assessment', () => {
    const s = buildSummary(triaged, nb);
    assert.equal(s.origins.request, 'USER_WORDS');
    assert.equal(s.origins.answers, 'USER_ANSWERS');
    assert.equal(s.origins.assessment, 'CHAT_ASSESSMENT');
    assert.equal(s.origins.suggestedNextSteps, 'CHAT_ASSESSMENT');
    assert.ok(s.answers.every((a) => a.origin === 'USER_ANSWERS'));
  });

  it('labels answers for the veileder in bokmål, and shows skipped questions as skipped', () => {
    const s = buildSummary(triaged, nb);
    const health = s.answers.find((a) => a.questionId === 'healthHinder');
    assert.deepEqual(health, { questionId: 'healthHinder', answer: 'JA', label: 'Helseproblemer som gjør det vanskelig å jobbe: ja', origin: 'USER_ANSWERS' });
    assert.equal(s.answers.find((a) => a.questionId === 'network')?.label, 'Noen å snakke med eller få hjelp fra: hoppet over');
    assert.equal(s.answers.find((a) => a.questionId === 'incomeSources')?.label, 'Inntekt nå: sykepenger, lønn');
  });

  it('suggests next steps by rule from data: work-ability assessment, housing, AAP', () => {
    const s = buildSummary(triaged, nb);
    assert.deepEqual(s.nextStepCodes, ['WORK_ABILITY_ASSESSMENT', 'HOUSING_TALK', 'AAP_QUESTIONS']);
    assert.deepEqual(s.suggestedNextSteps, ['Vurder arbeidsevnevurdering', 'Snakk om boligsituasjonen', 'Svar på spørsmål om arbeidsavklaringspenger (AAP)']);
  });

  it('without triage: ordinary priority, assessment null, and a behovsvurdering suggested', () => {
    const s = buildSummary({ ...triaged, triage: null, topicsExplained: [] }, nb);
    assert.equal(s.assessment, null);
    assert.equal(s.priority, 'ORDINARY');
    assert.deepEqual(s.answers, []);
    assert.deepEqual(s.nextStepCodes, ['NEEDS_ASSESSMENT']);
  });

  it('is URGENT for a same-day money need even without triage, with same-day contact first', () => {
    const s = buildSummary({ ...triaged, triage: null, topicsExplained: [], urgentSignals: ['URGENT_MONEY'] }, nb);
    assert.equal(s.priority, 'URGENT');
    assert.deepEqual(s.flags, ['URGENT_MONEY']);
    assert.equal(s.suggestedNextSteps[0], 'Kontakt samme dag om nødhjelp (penger til mat og bolig)');
  });

  it('is URGENT when the user has nowhere to sleep, even if the triage said ORDINARY', () => {
    const s = buildSummary(
      { ...triaged, triage: { answers: { housing: 'UTEN_BOLIG' }, assessment: { priority: 'ORDINARY', flags: [] } } },
      nb,
    );
    assert.equal(s.priority, 'URGENT');
    assert.ok(s.flags.includes('URGENT_HOUSING'));
  });

  it('is not URGENT only because the emergency help was shown: urgency comes from what the person said', () => {
    assert.equal(buildSummary({ ...triaged, triage: null, topicsExplained: ['NODHJELP'] }, nb).priority, 'ORDINARY');
    assert.equal(buildSummary({ ...triaged, triage: null, topicsExplained: ['NODHJELP'], urgentSignals: ['URGENT_MONEY'] }, nb).priority, 'URGENT');
  });

  it('shares the transcript only when the user chose to', () => {
    const transcript = [{ from: 'user' as const, at: CREATED.toISOString(), text: 'hei' }];
    assert.deepEqual(buildSummary({ ...triaged, transcript }, nb).transcript, []);
    const shared = confirmSummary(buildSummary({ ...triaged, transcript, shareTranscript: true }, nb), CREATED);
    assert.equal(shared.transcript.length, 1);
    assert.deepEqual(shared.consent, { at: CREATED.toISOString(), sharedTranscript: true });
    assert.equal(shared.userConfirmed, true);
  });

  it('no suggested next step reads as a diagnosis, a judgement or a decision', () => {
    for (const lang of LANGUAGES) {
      const tr = handoffTexts(lang);
      const everything = buildSummary(
        {
          ...triaged,
          urgentSignals: ['URGENT_MONEY', 'URGENT_HOUSING'],
          triage: {
            answers: {},
            assessment: {
              needsWorkAbilityAssessment: true,
              userDisagrees: true,
              relevantRights: ['AAP', 'KVP', 'OKONOMISK_STONAD'],
              flags: ['HOUSING_AT_RISK', 'DEBT', 'LANGUAGE', 'SUBSTANCE', 'CARE_DUTIES', 'UNDER_18', 'UNGDOMSGARANTI'],
            },
          },
        },
        tr,
      );
      assert.equal(everything.suggestedNextSteps.length, 14, "every rule except the no-triage one fires");
      for (const step of everything.suggestedNextSteps) {
        assert.doesNotMatch(step, /diagnos|depresj|avhengig|addict|lat\b|lazy|innvilg|har rett på|har rett til|entitled|you will get|du får|umotivert|unmotivated|motivasjon/i, step);
        assert.doesNotMatch(step, /^nextStep\./, `${lang}: a text is missing`);
      }
    }
  });
});

describe('handoff summary (plain text in NAV\'s dialog format)', () => {
  it('has a heading of at most 100 characters and ends with the automatic-text line and date', () => {
    const r = renderSummary(buildSummary(triaged, nb), 'nb', nb);
    assert.ok(r.heading.length <= MAX_HEADING);
    assert.ok(r.text.endsWith('Automatisk laget av chatten fra svarene dine, 7. april 2026 kl. 14:05'), r.text.slice(-80));
    assert.ok(r.text.length <= MAX_TEXT);
  });

  it('keeps the user\'s words verbatim, notes the language, and labels the assessment as no decision', () => {
    const s = buildSummary({ ...triaged, language: 'en', request: 'I  lost my job; need help!!' }, nb);
    const r = renderSummary(s, 'nb', nb);
    assert.ok(r.text.includes('Med mine egne ord:\n«I  lost my job; need help!!»'));
    assert.ok(r.text.includes('Språk i chatten: engelsk'));
    assert.ok(r.text.includes('Chattens foreløpige pekepinn, ikke et vedtak:'));
    assert.ok(r.text.includes('Trenger veiledning, nedsatt arbeidsevne (spesielt tilpasset innsats)'));
  });

  it('renders in the user\'s language for the consent step: nynorsk and English', () => {
    const s = buildSummary({ ...triaged, language: 'nn' }, nb);
    const nn = renderSummary(s, 'nn', handoffTexts('nn'));
    assert.ok(nn.text.startsWith('Oppsummering frå chatten Veiviser'));
    assert.ok(nn.text.includes('Helseproblem som gjer det vanskeleg å jobbe: ja'));
    assert.ok(nn.text.endsWith('Automatisk laga av chatten frå svara dine, 7. april 2026 kl. 14:05'));
    const en = renderSummary({ ...s, language: 'en' }, 'en', handoffTexts('en'));
    assert.ok(en.text.includes('Health problems that make it hard to work: yes'));
    assert.ok(en.text.endsWith('Automatically written by the chat from your answers, 7 April 2026 at 14:05'));
  });

  it('urgent summaries say so in the heading', () => {
    const s = buildSummary({ ...triaged, urgentSignals: ['URGENT_HOUSING'] }, nb);
    assert.equal(renderSummary(s, 'nb', nb).heading, 'Fra chatten: haster – trenger hjelp i dag');
  });

  it('the copy the user approves and the veileder\'s copy are the same bytes when both are bokmål', () => {
    const s = buildSummary(triaged, nb);
    const shown = renderSummary(s, s.language, handoffTexts(s.language));
    const delivered = renderSummary(confirmSummary(s, new Date('2026-04-07T12:06:00Z')), 'nb', nb);
    assert.equal(Buffer.compare(Buffer.from(shown.text), Buffer.from(delivered.text)), 0);
    assert.equal(shown.heading, delivered.heading);
  });

  it('stays within 5 000 characters for a very long request and many answers, keeping the footer', () => {
    const answers: Record<string, unknown> = {};
    for (let i = 0; i < 300; i += 1) answers[`extra${i}`] = 'VET_IKKE';
    const long = buildSummary({ ...triaged, request: 'ord '.repeat(1500), triage: { answers, assessment: triaged.triage?.assessment } }, nb);
    const r = renderSummary(long, 'nb', nb);
    assert.ok(r.text.length <= MAX_TEXT, String(r.text.length));
    assert.ok(!r.text.includes('extra1'), 'no question id is shown');
    assert.ok(r.text.includes('«ord ord'));
    assert.match(r.text, /Automatisk laget av chatten fra svarene dine, 7\. april 2026 kl\. 14:05$/);
  });

  it('has a text for every triage question id and answer code in the spec, in all three languages', () => {
    const questions = ['age', 'situation', 'workedSixOfTwelve', 'education', 'educationPassed', 'educationApproved', 'healthHinder', 'healthDuration', 'otherHinder', 'workCapacity', 'money', 'incomeSources', 'socialAssistanceDuration', 'debt', 'housing', 'network', 'substance', 'languageHelp', 'careDuties', 'selfAssessment'];
    const codes = ['JA', 'NEI', 'VET_IKKE', 'USIKKER', 'MISTET_JOBBEN', 'HAR_SAGT_OPP', 'DELTIDSJOBB_VIL_MER', 'ALDRI_HATT_JOBB', 'VIL_BYTTE_JOBB', 'JOBB_OVER_2_AAR', 'ER_PERMITTERT', 'USIKKER_JOBBSITUASJON', 'AKKURAT_FULLFORT_UTDANNING', 'VIL_FORTSETTE_I_JOBB', 'SYKMELDT', 'ANNET', 'INGEN_UTDANNING', 'GRUNNSKOLE', 'VIDEREGAENDE_GRUNNUTDANNING', 'VIDEREGAENDE_FAGBREV_SVENNEBREV', 'HOYERE_UTDANNING_1_TIL_4', 'HOYERE_UTDANNING_5_ELLER_MER', 'KORT', 'LANG', 'VARIG', 'FULLT', 'DELVIS', 'LITT_ELLER_INGENTING', 'LONN', 'DAGPENGER', 'SYKEPENGER', 'AAP', 'UFORETRYGD', 'SOSIALHJELP', 'KVP', 'STUDIELAN', 'INGEN', 'UNDER_6_MND', 'OVER_6_MND', 'STABIL', 'USTABIL', 'UTEN_BOLIG', 'LITE', 'VIL_IKKE_SVARE', 'KLARER_SELV', 'TRENGER_VEILEDER'];
    const levels = ['STANDARD_INNSATS', 'SITUASJONSBESTEMT_INNSATS', 'SPESIELT_TILPASSET_INNSATS', 'VARIG_TILPASSET_INNSATS'];
    const flags = ['URGENT_MONEY', 'URGENT_HOUSING', 'HOUSING_AT_RISK', 'DEBT', 'LONG_TERM_SOCIAL_ASSISTANCE', 'SUBSTANCE', 'ISOLATION', 'LANGUAGE', 'CARE_DUTIES', 'UNDER_18', 'UNGDOMSGARANTI'];
    for (const lang of LANGUAGES) {
      const tr = handoffTexts(lang);
      const keys = [...questions.map((q) => `question.${q}`), ...codes.map((c) => `code.${c}`), ...levels.map((l) => `level.${l}`), ...flags.map((f) => `flag.${f}`)];
      for (const key of keys) assert.notEqual(tr(key), key, `${lang}: ${key}`);
    }
  });
});

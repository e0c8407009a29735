import assert from 'node:assert/strict';
import { MemoryStorage, type Activity } from 'botbuilder';
import type { Lang } from '../../core/language.js';
import { questionById, type QuestionId } from '../../core/triage/index.js';
import { t } from '../../dialogs/i18n.js';
import { optionLabel } from '../../dialogs/triage/answerMatching.js';
import { rightsTopicForText, type TriageResult } from '../../dialogs/triage/triageDialog.js';
import { askedQuestion, buttonsOf, createTriageHarness, textOf } from './dialogHarness.js';

const LANGS: Lang[] = ['nb', 'nn', 'en'];
const label = (lang: Lang, id: QuestionId, code: string) => optionLabel(lang, questionById(id), code);

/** Button presses: the visible option text in the user's language. */
function buttonAnswers(lang: Lang): Partial<Record<QuestionId, string[]>> {
  return {
    age: ['34'],
    situation: [label(lang, 'situation', 'MISTET_JOBBEN')],
    workedSixOfTwelve: [label(lang, 'workedSixOfTwelve', 'JA')],
    education: [label(lang, 'education', 'HOYERE_UTDANNING_1_TIL_4')],
    educationPassed: [label(lang, 'educationPassed', 'JA')],
    educationApproved: [label(lang, 'educationApproved', 'JA')],
    healthHinder: [label(lang, 'healthHinder', 'NEI')],
    otherHinder: [label(lang, 'otherHinder', 'NEI')],
    money: [label(lang, 'money', 'NEI')],
    incomeSources: [label(lang, 'incomeSources', 'DAGPENGER'), t(lang, 'triage:buttons.done')],
    debt: [label(lang, 'debt', 'NEI')],
    housing: [label(lang, 'housing', 'STABIL')],
    network: [label(lang, 'network', 'JA')],
    substance: [label(lang, 'substance', 'NEI')],
    languageHelp: [label(lang, 'languageHelp', 'NEI')],
    careDuties: [label(lang, 'careDuties', 'NEI')],
  };
}

/** What people type, per language: the same persona as the buttons above. */
const TYPED: Record<Lang, Partial<Record<QuestionId, string[]>>> = {
  nb: {
    age: ['jeg er 34 år'], situation: ['Jeg har mistet jobben'], workedSixOfTwelve: ['ja'], education: ['bachelor'], educationPassed: ['JA!'],
    educationApproved: ['ja det er det'], healthHinder: ['nei'], otherHinder: ['Nei.'], money: ['nei'], incomeSources: ['dagpenger', 'ferdig'],
    debt: ['nei'], housing: ['jeg leier'], network: ['ja'], substance: ['nei'], languageHelp: ['nei'], careDuties: ['nei'],
  },
  nn: {
    age: ['eg er 34'], situation: ['eg har mista jobben'], workedSixOfTwelve: ['ja'], education: ['bachelor'], educationPassed: ['ja'],
    educationApproved: ['ja'], healthHinder: ['nei'], otherHinder: ['nei'], money: ['nei'], incomeSources: ['dagpengar', 'ferdig'],
    debt: ['nei'], housing: ['eg leiger'], network: ['ja'], substance: ['nei'], languageHelp: ['nei'], careDuties: ['nei'],
  },
  en: {
    age: ["I'm 34"], situation: ['I lost my job'], workedSixOfTwelve: ['yes'], education: ['bachelor'], educationPassed: ['yes'],
    educationApproved: ['yes'], healthHinder: ['no'], otherHinder: ['no'], money: ['no'], incomeSources: ['unemployment benefit', 'done'],
    debt: ['no'], housing: ['I rent'], network: ['yes'], substance: ['no'], languageHelp: ['no'], careDuties: ['no'],
  },
};

type Harness = ReturnType<typeof createTriageHarness>;

/** Answers each question the bot asks with the planned texts until the review appears. */
async function answerUntilReview(h: Harness, lang: Lang, plan: Partial<Record<QuestionId, string[]>>, first: Partial<Activity>[]): Promise<{ replies: Partial<Activity>[]; asked: string[] }> {
  let replies = first;
  const asked: string[] = [];
  for (let i = 0; i < 30; i++) {
    if (textOf(replies).includes(t(lang, 'triage:review.heading'))) return { replies, asked };
    const id = askedQuestion(lang, replies) as QuestionId | undefined;
    assert.ok(id, `no question found in: ${textOf(replies)}`);
    asked.push(id);
    const texts = plan[id];
    assert.ok(texts, `no planned answer for ${id}`);
    for (const text of texts) replies = await h.say(text);
  }
  throw new Error('the questionnaire did not reach the review');
}

describe('triage dialog: a whole questionnaire', () => {
  for (const lang of LANGS) {
    for (const [how, plan] of [['buttons', buttonAnswers(lang)], ['free text', TYPED[lang]]] as const) {
      it(`${lang}, by ${how}: request, intro, questions, review, result, egenvurdering, rights`, async () => {
        const h = createTriageHarness({ lang });
        let replies = await h.say('start');
        assert.equal(textOf(replies), t(lang, 'triage:intro.askGoal'));

        replies = await h.say('Jeg trenger hjelp til å finne jobb, og pengene er tomme');
        const intro = textOf(replies);
        assert.ok(intro.includes(t(lang, 'triage:intro.framework')), 'says the questions follow NAV');
        assert.ok(intro.includes(t(lang, 'triage:intro.skip')), 'says every question can be skipped');
        assert.ok(intro.includes(t(lang, 'triage:intro.more')), 'says they can add what the questions miss');
        assert.equal(h.seen.data?.request, 'Jeg trenger hjelp til å finne jobb, og pengene er tomme');
        assert.ok(buttonsOf(replies.at(-1)).includes(t(lang, 'triage:buttons.skip')));

        const { replies: review, asked } = await answerUntilReview(h, lang, plan, replies);
        assert.deepEqual(asked, ['age', 'situation', 'workedSixOfTwelve', 'education', 'educationPassed', 'educationApproved', 'healthHinder', 'otherHinder',
          'money', 'incomeSources', 'debt', 'housing', 'network', 'substance', 'languageHelp', 'careDuties']);
        const reviewText = textOf(review);
        assert.ok(reviewText.includes(`${t(lang, 'triage:questions.age.label')}: 34`));
        assert.ok(reviewText.includes(`${t(lang, 'triage:questions.situation.label')}: ${label(lang, 'situation', 'MISTET_JOBBEN')}`));
        assert.ok(reviewText.includes(`${t(lang, 'triage:questions.incomeSources.label')}: ${label(lang, 'incomeSources', 'DAGPENGER')}`));

        const result = await h.say(t(lang, 'triage:buttons.showResult'));
        // Same-day need first, then the level with its legal name, then indication, vedtak, klage.
        assert.equal(result[0]?.text, t(lang, 'triage:flagNotes.URGENT_MONEY'));
        assert.ok(result[1]?.text?.startsWith(t(lang, 'triage:result.heading', { name: t(lang, 'triage:levels.STANDARD_INNSATS.name'), legal: t(lang, 'triage:levels.STANDARD_INNSATS.legal') })));
        assert.ok(result[1]?.text?.includes(t(lang, 'triage:reasons.GOOD_PROSPECTS')));
        assert.ok(result[2]?.text?.includes(t(lang, 'triage:result.indication')));
        assert.ok(result[2]?.text?.includes(t(lang, 'triage:result.appeal', { klage14a: '3' })));
        assert.ok(!textOf(result).includes(t(lang, 'triage:result.workAbility')));
        assert.equal(askedQuestion(lang, result), 'selfAssessment');
        assert.equal((h.seen.data?.triage as TriageResult).assessment.level, 'STANDARD_INNSATS', 'saved with the result, before the egenvurdering');

        const offer = await h.say(how === 'buttons' ? label(lang, 'selfAssessment', 'TRENGER_VEILEDER') : { nb: 'jeg trenger hjelp', nn: 'eg treng hjelp', en: 'I need help' }[lang]);
        const raised = t(lang, 'triage:self.raised', { name: t(lang, 'triage:levels.SITUASJONSBESTEMT_INNSATS.name'), legal: t(lang, 'triage:levels.SITUASJONSBESTEMT_INNSATS.legal') });
        assert.ok(textOf(offer).includes(raised), textOf(offer));
        const saved = h.seen.data?.triage as TriageResult;
        assert.equal(saved.assessment.level, 'SITUASJONSBESTEMT_INNSATS');
        assert.equal(saved.answers.selfAssessment, 'TRENGER_VEILEDER');
        assert.equal(saved.completedAt, '2026-11-26T09:00:00.000Z');
        const buttons = buttonsOf(offer.at(-1));
        assert.equal(buttons[0], t(lang, 'menu.emergency'), 'nødhjelp first');
        assert.ok(buttons.includes(t(lang, 'menu.money')) && buttons.includes(t(lang, 'menu.followUp')) && buttons.includes(t(lang, 'menu.human')));
        assert.equal(rightsTopicForText(buttons[0]!), 'NODHJELP');

        const end = await h.say(how === 'buttons' ? t(lang, 'triage:buttons.done') : { nb: 'ferdig', nn: 'ferdig', en: 'done' }[lang]);
        assert.equal(textOf(end), '[triage ended]');
        assert.equal((h.seen.ended as TriageResult).assessment.level, 'SITUASJONSBESTEMT_INNSATS');
      });
    }
  }
});

describe('triage dialog: moving around', () => {
  it('skips the request question when the request is already known', async () => {
    const h = createTriageHarness({ request: 'Jeg vil ha hjelp med AAP' });
    const replies = await h.say('start');
    assert.ok(textOf(replies).includes(t('nb', 'triage:intro.framework')));
    assert.equal(askedQuestion('nb', replies), 'age');
  });

  it('"hopp over" stores null, "tilbake" goes back, and the review shows what was skipped', async () => {
    const h = createTriageHarness({ lang: 'nn', request: 'Eg treng hjelp' });
    await h.say('start');
    let r = await h.say('hopp over');
    assert.equal(askedQuestion('nn', r), 'situation');
    assert.ok(buttonsOf(r.at(-1)).includes('Tilbake'));
    r = await h.say('tilbake');
    assert.equal(askedQuestion('nn', r), 'age');
    r = await h.say('61');
    assert.equal(askedQuestion('nn', r), 'situation');
    r = await h.say('Har aldri vore i jobb');
    assert.equal(askedQuestion('nn', r), 'education', 'no question about recent work for someone who never had a job');
    r = await h.say('veit ikkje');
    assert.equal(askedQuestion('nn', r), 'education', '"veit ikkje" is no education level: asked again');
    r = await h.say('hoppa over');
    assert.equal(askedQuestion('nn', r), 'healthHinder');
    for (const answer of ['nei', 'nei', 'ja', 'Inga inntekt', 'nei', 'Eg har ein trygg stad å bu', 'ja', 'vil ikkje svare', 'nei', 'nei']) r = await h.say(answer);
    const review = textOf(r);
    assert.ok(review.includes(`${t('nn', 'triage:questions.education.label')}: Hoppa over`), review);
    assert.ok(review.includes(`${t('nn', 'triage:questions.age.label')}: 61`));
    assert.ok(review.includes(`${t('nn', 'triage:questions.substance.label')}: Vil ikkje svare`));
    r = await h.say('vis resultatet');
    const result = textOf(r);
    assert.ok(result.includes('Treng rettleiing (situasjonsbestemt innsats)'), result);
    assert.ok(result.includes(t('nn', 'triage:reasons.AGE_OUTSIDE_18_59')));
    assert.ok(result.includes(t('nn', 'triage:reasons.NO_RECENT_WORK')));
    assert.ok(result.includes(t('nn', 'triage:reasons.NOT_ANSWERED', { list: 'høgaste fullførte utdanning' })), result);
  });

  it('lets the user change an answer in the review; new follow-up questions are asked and the result follows', async () => {
    const h = createTriageHarness({ lang: 'nb', request: 'Jobb' });
    let r = await h.say('start');
    const { replies } = await answerUntilReview(h, 'nb', buttonAnswers('nb'), r);
    assert.deepEqual(buttonsOf(replies.at(-1)), ['Vis resultatet', 'Endre et svar']);
    r = await h.say('Endre et svar');
    assert.ok(buttonsOf(r.at(-1)).includes('Helseproblemer'));
    r = await h.say('Helseproblemer');
    assert.equal(askedQuestion('nb', r), 'healthHinder');
    r = await h.say('ja');
    assert.equal(askedQuestion('nb', r), 'healthDuration');
    r = await h.say('6 måneder eller mer');
    assert.equal(askedQuestion('nb', r), 'workCapacity');
    r = await h.say('noe, men ikke fullt');
    assert.ok(textOf(r).includes('- Helseproblemer: Ja'), textOf(r));
    assert.ok(textOf(r).includes('- Hvor mye du kan jobbe: Noe, men ikke fullt'));
    r = await h.say('ja');
    const result = textOf(r);
    assert.ok(result.includes('Trenger veiledning, nedsatt arbeidsevne (spesielt tilpasset innsats)'), result);
    assert.ok(result.includes(t('nb', 'triage:result.workAbility')));
    assert.ok(result.indexOf(t('nb', 'triage:flagNotes.URGENT_MONEY')) < result.indexOf('Trenger veiledning'), 'urgent before the level');
  });

  it('changing an answer back drops follow-up answers that no longer apply', async () => {
    const h = createTriageHarness({ lang: 'en', request: 'Work' });
    let r = await h.say('start');
    const plan = { ...TYPED.en, healthHinder: ['yes'], healthDuration: ['a few weeks'], workCapacity: ['full time'] };
    ({ replies: r } = await answerUntilReview(h, 'en', plan, r));
    assert.ok(textOf(r).includes('How long the health problems last: Less than 6 months'));
    r = await h.say('Health problems');
    r = await h.say('no');
    assert.ok(textOf(r).includes(t('en', 'triage:review.heading')));
    assert.ok(!textOf(r).includes('How long the health problems last'), textOf(r));
    assert.ok(!textOf(r).includes('How much you can work'));
  });

  it('varig: says NAV may also decide Jobbe delvis, and keeps a lower egenvurdering without arguing', async () => {
    const h = createTriageHarness({ lang: 'en', request: 'Help' });
    let r = await h.say('start');
    const plan = { ...TYPED.en, money: ['yes'], healthHinder: ['yes'], healthDuration: ["it won't get better"], workCapacity: ['little or nothing'] };
    await answerUntilReview(h, 'en', plan, r);
    r = await h.say('show the result');
    assert.ok(textOf(r).includes('Little chance of working («Liten mulighet til å jobbe») (legal name: varig tilpasset innsats)'), textOf(r));
    assert.ok(textOf(r).includes(t('en', 'triage:result.jobbeDelvis')));
    r = await h.say('I can find work on my own');
    assert.ok(textOf(r).startsWith(t('en', 'triage:self.disagree')));
    const saved = h.seen.data?.triage as TriageResult;
    assert.equal(saved.assessment.level, 'VARIG_TILPASSET_INNSATS');
    assert.equal(saved.assessment.userDisagrees, true);
  });

  it('re-asks the age kindly when it is out of range, and leaves other text to the root', async () => {
    const h = createTriageHarness({ request: 'x' });
    await h.say('start');
    let r = await h.say('12');
    assert.ok(textOf(r).startsWith(t('nb', 'triage:age.outOfRange')));
    r = await h.say('blå banan');
    assert.equal(r[0]?.text, '[not understood]');
    assert.equal(askedQuestion('nb', r), 'age', 'reprompted');
  });

  it('hands a question back to the root and continues at the same question when that flow ends', async () => {
    const h = createTriageHarness({ request: 'x' });
    await h.say('start');
    await h.say('40');
    await h.say('Er sykmeldt');
    const r = await h.say('hva er aap?');
    assert.equal(r[0]?.text, '[rights answer]');
    assert.ok(r[1]?.text?.startsWith(t('nb', 'triage:intro.resume')));
    assert.equal(askedQuestion('nb', r), 'workedSixOfTwelve');
  });

  it('takes several incomes in one message, and "Ingen inntekt" alone ends the question', async () => {
    const h = createTriageHarness({ request: 'x' });
    let r = await h.say('start');
    for (const a of ['40', 'Er sykmeldt', 'ja', 'Grunnskole', 'nei', 'nei', 'usikker']) r = await h.say(a);
    assert.equal(askedQuestion('nb', r), 'incomeSources');
    r = await h.say('lønn og sosialhjelp');
    assert.ok(textOf(r).startsWith(t('nb', 'triage:multi.chosen', { list: 'Lønn, Økonomisk sosialhjelp' })), textOf(r));
    assert.ok(!buttonsOf(r.at(-1)).includes('Lønn'));
    r = await h.say('ferdig');
    assert.equal(askedQuestion('nb', r), 'socialAssistanceDuration');
    r = await h.say('tilbake');
    // Back at the multiple choice, the earlier choices are still chosen, and "Ingen inntekt" cannot silently drop them.
    assert.ok(textOf(r).includes(t('nb', 'triage:multi.chosen', { list: 'Lønn, Økonomisk sosialhjelp' })), textOf(r));
    assert.ok(!buttonsOf(r.at(-1)).includes('Ingen inntekt'));
    r = await h.say('Ingen inntekt');
    assert.ok(textOf(r).includes(t('nb', 'triage:multi.chosen', { list: 'Lønn, Økonomisk sosialhjelp' })), textOf(r));
    r = await h.say('ferdig');
    assert.equal(askedQuestion('nb', r), 'socialAssistanceDuration');
    r = await h.say('tilbake');
    r = await h.say('tilbake');
    assert.equal(askedQuestion('nb', r), 'money', textOf(r));
    r = await h.say('usikker');
    r = await h.say('Ingen inntekt');
    assert.equal(askedQuestion('nb', r), 'debt', 'no social-assistance question without social assistance');
  });

  it('continues at the same question after a restart (new adapter and dialog on the same storage)', async () => {
    const storage = new MemoryStorage();
    const first = createTriageHarness({ storage, lang: 'nb' });
    await first.say('start');
    await first.say('Jeg vil snakke om økonomien min');
    await first.say('45');
    const before = await first.say('Er permittert eller kommer til å bli permittert');
    assert.equal(askedQuestion('nb', before), 'workedSixOfTwelve');

    const second = createTriageHarness({ storage, lang: 'nb' });
    let r = await second.say('ja');
    assert.equal(askedQuestion('nb', r), 'education');
    r = await second.say('tilbake');
    assert.equal(askedQuestion('nb', r), 'workedSixOfTwelve', 'the history survived the restart too');
    assert.equal(second.seen.data?.request, 'Jeg vil snakke om økonomien min');
  });
});

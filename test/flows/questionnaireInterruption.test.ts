import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { levelName } from '../../dialogs/triage/prompts.js';
import { answerLabel, answerUntilReview, askedQuestion, FlowBot, joined, LANGS, reviewLine, type Citizen } from '../helpers/flowHarness.js';

/** A rights question typed at a closed question of the questionnaire. */
const WHAT_IS_AAP: Record<Lang, string> = { nb: 'hva er AAP?', nn: 'kva er AAP?', en: 'what is AAP?' };
/** A request that mentions a topic: at the open question it is the user's own words, not a route. */
const MIXED_REQUEST: Record<Lang, string> = {
  nb: 'hva er AAP og kan jeg få hjelp',
  nn: 'kva er AAP og kan eg få hjelp',
  en: 'what is AAP and can I get help',
};

const OWN_REQUEST: Record<Lang, string> = {
  nb: 'Jeg er syk og trenger hjelp videre',
  nn: 'Eg er sjuk og treng hjelp vidare',
  en: 'I am ill and need help going forward',
};

/** Answers that give "Trenger veiledning, nedsatt arbeidsevne" by specs/triage.md rules 2–3. */
const LATER_ANSWERS = { healthHinder: 'JA', healthDuration: 'LANG', workCapacity: 'DELVIS' } as const;

const aapShort = (lang: Lang) => t(lang, 'rights:ui.moreQuestion', { topic: t(lang, 'rights:topics.AAP.inSentence') });

async function startQuestionnaire(citizen: Citizen, request: string) {
  const asked = await citizen.say(t(citizen.lang, 'menu.triage'));
  assert.equal(joined(asked), t(citizen.lang, 'triage:intro.askGoal'));
  return citizen.say(request);
}

describe('the questionnaire interrupted by a rights question, and resumed', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('the open question takes a text that mentions AAP as the request, not as a question about AAP', async () => {
        const citizen = await bot.citizen(lang);
        const replies = await startQuestionnaire(citizen, MIXED_REQUEST[lang]);
        assert.ok(replies[0]?.text.startsWith(t(lang, 'triage:intro.goalSaved')), joined(replies));
        assert.equal(askedQuestion(lang, replies), 'age');
        assert.ok(!joined(replies).includes(aapShort(lang)), 'no AAP answer');

        const review = await answerUntilReview(citizen, await citizen.say('34'), {});
        assert.ok(joined(review).includes(reviewLine(lang, 'goal', MIXED_REQUEST[lang])), joined(review));
        // The veileder gets the request in the user's words too.
        const summary = await citizen.say(t(lang, 'menu.human'));
        assert.ok(joined(summary).includes(`«${MIXED_REQUEST[lang]}»`), joined(summary));
      });

      it('"what is AAP?" at a closed question: the AAP answer, then back to the same question with the answers kept, and the result at the end', async () => {
        const citizen = await bot.citizen(lang);
        await startQuestionnaire(citizen, OWN_REQUEST[lang]);
        const situation = await citizen.say('34');
        assert.equal(askedQuestion(lang, situation), 'situation');

        const aap = await citizen.say(WHAT_IS_AAP[lang]);
        assert.ok(joined(aap).includes(aapShort(lang)), joined(aap));
        assert.ok(aap.at(-1)?.buttons.includes(t(lang, 'rights:ui.backToMenu')));
        assert.equal(askedQuestion(lang, aap), undefined, 'the AAP answer is not mixed with the question');
        const part = await citizen.say(aap.at(-1)!.buttons[0]!);
        assert.equal(askedQuestion(lang, part), undefined, 'the user can read on about AAP first');

        const resumed = await citizen.say(t(lang, 'rights:ui.backToMenu'));
        assert.equal(askedQuestion(lang, resumed), 'situation', joined(resumed));
        assert.ok(joined(resumed).startsWith(t(lang, 'triage:intro.resume')));
        assert.deepEqual(resumed.at(-1)?.buttons, situation.at(-1)?.buttons);

        const next = await citizen.say(answerLabel(lang, 'situation', 'SYKMELDT'));
        const review = await answerUntilReview(citizen, next, LATER_ANSWERS);
        const shown = joined(review);
        assert.ok(shown.includes(t(lang, 'triage:review.heading')), shown);
        assert.ok(shown.includes(reviewLine(lang, 'age', '34')), 'the age given before the interruption is kept');
        assert.ok(shown.includes(reviewLine(lang, 'situation', answerLabel(lang, 'situation', 'SYKMELDT'))), shown);

        const result = joined(await citizen.say(t(lang, 'triage:buttons.showResult')));
        assert.ok(result.includes(t(lang, 'triage:result.heading', levelName(lang, 'SPESIELT_TILPASSET_INNSATS'))), result);
        assert.ok(result.includes(t(lang, 'triage:result.indication')), 'the result says it is an indication');
      });

      it('"what is AAP?" at the age question (no number in it): the AAP answer, then the age question again', async () => {
        const citizen = await bot.citizen(lang);
        await startQuestionnaire(citizen, MIXED_REQUEST[lang]);
        const age = await citizen.say(WHAT_IS_AAP[lang]);
        // At the age question "what is AAP?" is no age: the root answers it, and the age question waits.
        assert.ok(joined(age).includes(aapShort(lang)), joined(age));
        const back = await citizen.say(t(lang, 'rights:ui.backToMenu'));
        assert.equal(askedQuestion(lang, back), 'age', joined(back));
        assert.equal(askedQuestion(lang, await citizen.say('34')), 'situation');
      });
    });
  }
});

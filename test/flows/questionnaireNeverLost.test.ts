import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import type { QuestionId } from '../../core/triage/index.js';
import { t } from '../../dialogs/i18n.js';
import { answerLabel, askedQuestion, emergencyTexts, FlowBot, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

/** Text that once threw the person out of the questionnaire, and the option it means. */
const FREE_ANSWERS: Record<Lang, Array<{ at: QuestionId; text: string; code: string }>> = {
  nb: [
    { at: 'housing', text: 'sover hos venn, snart ikke', code: 'USTABIL' },
    { at: 'workedSixOfTwelve', text: 'jeg har jobben men har vært sykmeldt hele tiden', code: 'JA' },
    { at: 'education', text: 'grunskole', code: 'GRUNNSKOLE' },
    { at: 'situation', text: '2', code: 'HAR_SAGT_OPP' },
  ],
  nn: [
    { at: 'housing', text: 'søv hos ein ven, snart ikkje', code: 'USTABIL' },
    { at: 'workedSixOfTwelve', text: 'eg har jobben men har vore sjukmeld heile tida', code: 'JA' },
    { at: 'education', text: 'grunskule', code: 'GRUNNSKOLE' },
    { at: 'situation', text: '2', code: 'HAR_SAGT_OPP' },
  ],
  en: [
    { at: 'housing', text: 'I rent a flat', code: 'STABIL' },
    { at: 'workedSixOfTwelve', text: 'I have a job but have been on sick leave all the time', code: 'JA' },
    { at: 'education', text: 'primry school', code: 'GRUNNSKOLE' },
    { at: 'situation', text: '2', code: 'HAR_SAGT_OPP' },
  ],
};

/** "Go on" at the age question: an ordinary word, not a command to stop. */
const GO_ON: Record<Lang, string> = { nb: 'fortsett', nn: 'hald fram', en: 'go on' };
const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp med jobb', nn: 'Eg treng hjelp med jobb', en: 'I need help with work' };
const BACK_TYPED: Record<Lang, string> = { nb: 'gå tilbake', nn: 'gå tilbake', en: 'go back' };
const CANCEL: Record<Lang, string> = { nb: 'avbryt', nn: 'avbryt', en: 'cancel' };

async function start(citizen: Citizen): Promise<Seen[]> {
  await citizen.say(t(citizen.lang, 'menu.triage'));
  const replies = await citizen.say(REQUEST[citizen.lang]);
  assert.equal(askedQuestion(citizen.lang, replies), 'age');
  return replies;
}

/** Skips (or answers from `answers`) until `target` is asked; the situation defaults to one that asks everything. */
async function until(citizen: Citizen, current: Seen[], target: QuestionId, answers: Partial<Record<QuestionId, string | number>> = {}): Promise<Seen[]> {
  const lang = citizen.lang;
  let replies = current;
  for (let turns = 0; askedQuestion(lang, replies) !== target; turns++) {
    const asked = askedQuestion(lang, replies);
    assert.ok(asked && turns < 25, `never reached ${target}; last: ${joined(replies).slice(0, 200)}`);
    const code = answers[asked] ?? (asked === 'age' ? 40 : asked === 'situation' ? 'MISTET_JOBBEN' : undefined);
    const typed = code === undefined ? t(lang, 'triage:buttons.skip') : typeof code === 'number' ? String(code) : answerLabel(lang, asked, code);
    replies = await citizen.say(typed);
  }
  return replies;
}

describe('the questionnaire cannot be lost', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('an ordinary word at the age question asks again kindly; nothing is cancelled, and progress is shown', async () => {
        const citizen = await bot.citizen(lang);
        const first = await start(citizen);
        assert.ok(joined(first).includes(t(lang, 'triage:progress', { n: 1, total: 16 })), joined(first));
        const again = await citizen.say(GO_ON[lang]);
        assert.equal(askedQuestion(lang, again), 'age', joined(again));
        assert.ok(joined(again).includes(t(lang, 'triage:reaskAge')), joined(again));
        const next = await citizen.say('34');
        assert.equal(askedQuestion(lang, next), 'situation');
        assert.ok(joined(next).includes(t(lang, 'triage:progress', { n: 2, total: 16 })), joined(next));
      });

      for (const { at, text, code } of FREE_ANSWERS[lang]) {
        it(`«${text}» at the ${at} question is read as «${answerLabel(lang, at, code)}» and the questions go on`, async () => {
          const citizen = await bot.citizen(lang);
          await until(citizen, await start(citizen), at);
          const next = await citizen.say(text);
          const nextId = askedQuestion(lang, next);
          assert.ok(nextId && nextId !== at, `still or no question: ${joined(next).slice(0, 300)}`);
          assert.ok(!joined(next).includes(t(lang, 'welcome.choose')), 'not sent back to the menu');
          // "tilbake" shows the answer as it was read.
          const back = await citizen.say(t(lang, 'triage:buttons.back'));
          assert.equal(askedQuestion(lang, back), at);
        });
      }

      it('"not in work the last 2 years" settles the 6-of-12-months question, which is then not asked', async () => {
        const citizen = await bot.citizen(lang);
        await start(citizen);
        await citizen.say('30');
        const next = await citizen.say(answerLabel(lang, 'situation', 'JOBB_OVER_2_AAR'));
        assert.equal(askedQuestion(lang, next), 'education', joined(next));
      });

      it('nowhere to sleep: the answer is kept, the same-day help comes once, and the next question follows (no loop)', async () => {
        const citizen = await bot.citizen(lang);
        const from = new Date();
        await until(citizen, await start(citizen), 'housing');
        const replies = await citizen.say(answerLabel(lang, 'housing', 'UTEN_BOLIG'));
        const help = emergencyTexts(lang, from, new Date());
        assert.equal(replies.filter((r) => help.includes(r.text)).length, 1, joined(replies));
        assert.equal(askedQuestion(lang, replies), 'network', joined(replies));
        const later = await until(citizen, replies, 'substance');
        assert.ok(!later.some((r) => help.includes(r.text)), 'the help is not repeated');
      });

      it('"no" to money for food: the same-day help first, then the questions go on', async () => {
        const citizen = await bot.citizen(lang);
        const from = new Date();
        await until(citizen, await start(citizen), 'money');
        const replies = await citizen.say(answerLabel(lang, 'money', 'NEI'));
        assert.ok(emergencyTexts(lang, from, new Date()).includes(replies[0]?.text ?? ''), joined(replies));
        assert.equal(askedQuestion(lang, replies), 'incomeSources', joined(replies));
      });

      it('"avbryt" pauses: the answers are kept, and the resume button goes on at the same question', async () => {
        const citizen = await bot.citizen(lang);
        await start(citizen);
        await citizen.say('52');
        const paused = await citizen.say(CANCEL[lang]);
        assert.ok(joined(paused).includes(t(lang, 'triage:intro.paused')), joined(paused));
        assert.equal(paused.at(-1)?.buttons[0], t(lang, 'triage:buttons.resume'));
        const resumed = await citizen.say(t(lang, 'triage:buttons.resume'));
        assert.ok(joined(resumed).includes(t(lang, 'triage:intro.resumed', { count: 1 })), joined(resumed));
        assert.equal(askedQuestion(lang, resumed), 'situation');
        // Pressing the questionnaire in the menu goes on too.
        await citizen.say(CANCEL[lang]);
        const again = await citizen.say(t(lang, 'menu.triage'));
        assert.equal(askedQuestion(lang, again), 'situation');
      });

      it('a person asked for in the middle gets every answer so far, marked as not finished, the interpreter need too', async () => {
        const citizen = await bot.citizen(lang);
        await until(citizen, await start(citizen), 'languageHelp', { age: 29 });
        await citizen.say(answerLabel(lang, 'languageHelp', 'JA'));
        const summary = joined(await citizen.say(t(lang, 'menu.human')));
        assert.ok(summary.includes(t(lang, 'handoff:render.unfinished', { count: 0 }).split(' ').slice(0, 4).join(' ')), summary);
        assert.ok(summary.includes(t(lang, 'handoff:fact.LANGUAGE')), summary);
        assert.ok(!/\bgoal\b/.test(summary), 'no raw question id');
        // Every answer is one tap away.
        const all = joined(await citizen.say(t(lang, 'handoff:consent.buttons.allAnswers')));
        assert.ok(all.includes(`${t(lang, 'handoff:question.languageHelp')}: ${t(lang, 'handoff:code.JA')}`), all);
        assert.ok(all.includes(`${t(lang, 'handoff:question.age')}: 29`), all);
      });

      it('a multiple choice keeps the earlier choices when the person goes back to it', async () => {
        const citizen = await bot.citizen(lang);
        await until(citizen, await start(citizen), 'incomeSources');
        await citizen.say(answerLabel(lang, 'incomeSources', 'LONN'));
        await citizen.say(answerLabel(lang, 'incomeSources', 'SOSIALHJELP'));
        const after = await citizen.say(t(lang, 'triage:buttons.done'));
        assert.equal(askedQuestion(lang, after), 'socialAssistanceDuration');
        const back = await citizen.say(t(lang, 'triage:buttons.back'));
        const chosen = t(lang, 'triage:multi.chosen', { list: [answerLabel(lang, 'incomeSources', 'LONN'), answerLabel(lang, 'incomeSources', 'SOSIALHJELP')].join(', ') });
        assert.ok(joined(back).includes(chosen), joined(back));
        const on = await citizen.say(t(lang, 'triage:buttons.done'));
        assert.equal(askedQuestion(lang, on), 'socialAssistanceDuration');
      });

      it('"tilbake" in a self-check goes to the previous question', async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(t(lang, 'menu.aap'));
        const first = await citizen.say(t(lang, 'rights:topics.AAP.selfCheckLabel'));
        const q1 = first.at(-1)!.text;
        const second = await citizen.say(t(lang, 'rights:selfcheck.yes'));
        assert.ok(second.at(-1)?.buttons.includes(t(lang, 'rights:selfcheck.back')), 'a back button');
        const back = await citizen.say(t(lang, 'rights:selfcheck.back'));
        assert.equal(back.at(-1)?.text, q1);
        await citizen.say(t(lang, 'rights:selfcheck.yes'));
        const typed = await citizen.say(BACK_TYPED[lang]);
        assert.equal(typed.at(-1)?.text, q1);
      });
    });
  }
});

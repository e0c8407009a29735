import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { SHORT_TEXT } from '../../core/handoff/render.js';
import { t } from '../../dialogs/i18n.js';
import { answerUntilReview, FlowBot, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

/** An answer code or an English key in a text meant for a person: "REDUCED_CAPACITY", "goal:". */
const CODE = /\b[A-Z]{2,}_[A-Z0-9_]+\b|\bgoal:|\bRIGHT_|\bPRIORITY_/;

/** Someone on long sick leave with debt who needs an interpreter: many answers, so the short part matters. */
const ANSWERS = {
  age: 44, situation: 'SYKMELDT', workedSixOfTwelve: 'JA', education: 'GRUNNSKOLE', healthHinder: 'JA', healthDuration: 'LANG',
  otherHinder: 'JA', workCapacity: 'DELVIS', money: 'USIKKER', incomeSources: undefined, debt: 'JA', housing: 'STABIL',
  network: 'LITE', substance: 'NEI', languageHelp: 'JA', careDuties: 'JA',
} as const;

const REQUEST: Record<Lang, string> = { nb: 'Jeg er syk og redd for økonomien', nn: 'Eg er sjuk og redd for økonomien', en: 'I am ill and worried about money' };
/** Said in the chat first; the answers later say there is money this month. */
const NO_FOOD: Record<Lang, string> = { nb: 'jeg har ikke penger til mat i dag', nn: 'eg har ikkje pengar til mat i dag', en: 'I have no money for food today' };

async function toSummary(citizen: Citizen, answers: Record<string, string | number | undefined>): Promise<Seen[]> {
  const lang = citizen.lang;
  await citizen.say(t(lang, 'menu.triage'));
  await answerUntilReview(citizen, await citizen.say(REQUEST[lang]), answers as never);
  await citizen.say(t(lang, 'triage:buttons.showResult'));
  await citizen.say(t(lang, 'triage:options.selfAssessment.TRENGER_VEILEDER'));
  return citizen.say(t(lang, 'menu.human'));
}

describe('the summary is for a person to read', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('plain sentences, the short part first within two phone screens, no code or key; every answer one tap away', async () => {
        const citizen = await bot.citizen(lang);
        const replies = await toSummary(citizen, ANSWERS);
        const shown = replies.find((r) => r.text.includes(`«${REQUEST[lang]}»`))?.text ?? '';
        assert.ok(shown, joined(replies));
        assert.ok(shown.length <= SHORT_TEXT + 120, `${shown.length} characters`);
        assert.doesNotMatch(shown, CODE);
        assert.ok(shown.includes(t(lang, 'handoff:fact.LANGUAGE')), shown);
        assert.ok(shown.includes(t(lang, 'handoff:fact.DEBT')), shown);
        assert.ok(!shown.includes(t(lang, 'handoff:urgent.URGENT_MONEY')), 'no urgency the person never said');
        assert.ok(replies.at(-1)?.buttons.includes(t(lang, 'handoff:consent.buttons.allAnswers')));
        const all = joined(await citizen.say(t(lang, 'handoff:consent.buttons.allAnswers')));
        assert.ok(all.includes(`${t(lang, 'handoff:question.age')}: 44`), all);
        assert.doesNotMatch(all, CODE);
        const sent = await citizen.say(t(lang, 'handoff:consent.buttons.send'));
        assert.ok(joined(sent).length > 0);
      });

      it('text and answers disagree about money for food: the bot asks once, and "no" leaves the urgency out', async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(NO_FOOD[lang]);
        const asked = await toSummary(citizen, { ...ANSWERS, money: 'JA' });
        assert.equal(asked.at(-1)?.text, t(lang, 'handoff:urgentCheck.MONEY'), joined(asked));
        const summary = joined(await citizen.say(t(lang, 'handoff:urgentCheck.no')));
        assert.ok(summary.includes(`«${REQUEST[lang]}»`), summary);
        assert.ok(!summary.includes(t(lang, 'handoff:urgent.URGENT_MONEY')), summary);
        assert.ok(!summary.includes(t(lang, 'handoff:render.headingUrgent')), summary);
      });

      it('"yes" to the same question keeps it urgent', async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(NO_FOOD[lang]);
        await toSummary(citizen, { ...ANSWERS, money: 'JA' });
        const summary = joined(await citizen.say(t(lang, 'handoff:urgentCheck.yes')));
        assert.ok(summary.includes(t(lang, 'handoff:urgent.URGENT_MONEY')), summary);
      });
    });
  }
});

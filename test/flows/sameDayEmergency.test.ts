import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { answerLabel, askedQuestion, emergencyTexts, FlowBot, hasCrisisText, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

/** No money for food today, or nowhere to sleep tonight, as users write it. */
const EMERGENCY: Record<Lang, string[]> = {
  nb: ['jeg har ikke penger til mat i dag', 'jeg har ingen steder å sove i natt'],
  nn: ['eg har ikkje nokon stad å sove i natt', 'eg har ikkje pengar til mat i dag'],
  en: ['I have nowhere to sleep tonight', 'I have no money for food today'],
};

const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp til å finne jobb', nn: 'Eg treng hjelp til å finne jobb', en: 'I need help finding work' };

/** Sends the message and checks that the same-day answer is the first thing the user reads. */
async function emergency(citizen: Citizen, text: string): Promise<Seen[]> {
  const from = new Date();
  const replies = await citizen.say(text);
  const expected = emergencyTexts(citizen.lang, from, new Date());
  assert.ok(expected.includes(replies[0]?.text ?? ''), `«${text}»: the first reply is not the same-day answer: ${joined(replies).slice(0, 200)}`);
  assert.ok(!hasCrisisText(citizen.lang, replies), 'not the crisis text');
  assert.ok(replies[0]?.buttons.includes(t(citizen.lang, 'menu.human')) || replies.at(-1)?.buttons.includes(t(citizen.lang, 'menu.human')), 'a person is one press away');
  return replies;
}

describe('same-day emergency: what to do today comes first, from the menu and from the questionnaire', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const text of EMERGENCY[lang]) {
        it(`«${text}» at the main menu`, async () => {
          const citizen = await bot.citizen(lang);
          await emergency(citizen, text);
        });

        it(`«${text}» inside the questionnaire, which then goes on`, async () => {
          const citizen = await bot.citizen(lang);
          await citizen.sayAll([t(lang, 'menu.triage'), REQUEST[lang]]);
          assert.equal(askedQuestion(lang, await citizen.say('45')), 'situation');
          await emergency(citizen, text);
          const next = await citizen.say(answerLabel(lang, 'situation', 'MISTET_JOBBEN'));
          assert.equal(askedQuestion(lang, next), 'workedSixOfTwelve', joined(next));
        });
      }

      it('while queued for a veileder the same-day answer still comes, and the user stays in the queue', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = `${REQUEST[lang]} (${lang} queued)`;
        await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
        await emergency(citizen, EMERGENCY[lang][0]!);
        const handoff = await bot.handoffWithRequest(request);
        assert.equal(handoff?.state, 'queued');
        await bot.veileder(`/${handoff!.id}/accept`, { method: 'POST' });
        await bot.veileder(`/${handoff!.id}/close`, { method: 'POST' });
      });

      it('the menu button for no money today gives the same answer, and a veileder then sees it as urgent', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        await emergency(citizen, t(lang, 'menu.emergency'));
        assert.equal(joined(await citizen.say(t(lang, 'menu.human'))), t(lang, 'handoff:consent.askRequest'));
        const summary = joined(await citizen.say(REQUEST[lang]));
        assert.ok(summary.includes(t(lang, 'handoff:render.headingUrgent')), summary);
      });
    });
  }
});

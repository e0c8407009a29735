import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { askedQuestion, atSituationQuestion, FlowBot, joined, LANGS } from '../helpers/flowHarness.js';

const MENU_WORD: Record<Lang, string> = { nb: 'meny', nn: 'meny', en: 'menu' };

describe('the menu is always one step away: after a veileder, and with "meny"', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const action of ['close', 'return'] as const) {
        it(`after the veileder ${action === 'close' ? 'closes' : 'gives the conversation back'}, the person gets the menu's buttons`, async () => {
          await bot.veileder('');
          const citizen = await bot.citizen(lang);
          const request = `Jeg vil snakke med noen (${lang} ${action})`;
          await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
          const handoff = await bot.handoffWithRequest(request);
          assert.ok(handoff);
          await bot.veileder(`/${handoff.id}/accept`, { method: 'POST' });
          await bot.veileder(`/${handoff.id}/${action}`, { method: 'POST' });
          const seen = await citizen.read();
          assert.ok(seen.at(-1)?.buttons.includes(t(lang, 'menu.triage')), joined(seen));
          const next = await citizen.say(t(lang, 'menu.triage'));
          // The request given to the veileder is kept as the person's own words: the questions start.
          assert.equal(askedQuestion(lang, next), 'age', joined(next));
        });
      }

      it('"meny" shows the menu, not the help text; in the questionnaire with a way back to the question', async () => {
        const citizen = await bot.citizen(lang);
        const menu = await citizen.say(MENU_WORD[lang]);
        assert.ok(menu.at(-1)?.buttons.includes(t(lang, 'menu.triage')), joined(menu));
        assert.ok(!joined(menu).includes(t(lang, 'help.text')));
        await atSituationQuestion(citizen, 'Jeg trenger jobb');
        const inFlow = await citizen.say(MENU_WORD[lang]);
        assert.equal(inFlow.at(-1)?.buttons[0], t(lang, 'safety:buttons.continue'));
        const back = await citizen.say(t(lang, 'safety:buttons.continue'));
        assert.equal(askedQuestion(lang, back), 'situation');
      });
    });
  }
});

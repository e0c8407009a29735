import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { askedQuestion, atSituationQuestion, FlowBot, joined, LANGS } from '../helpers/flowHarness.js';

/*
 * "fortsett" on its own was read as "stop" (the classifier had learnt "jeg vil ikke fortsette" as
 * cancel): a person who wanted to go on was told there was nothing to stop. It means go on.
 */
const GO_ON: Record<Lang, [string, string]> = { nb: ['fortsett', 'Fortsett!'], nn: ['hald fram', 'held fram'], en: ['continue', 'go on'] };
const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp med jobb', nn: 'Eg treng hjelp med jobb', en: 'I need help with work' };
const CANCEL: Record<Lang, string> = { nb: 'avbryt', nn: 'avbryt', en: 'cancel' };

describe('"fortsett" means go on, never stop', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    for (const word of GO_ON[lang]) {
      it(`${lang}: «${word}» with nothing going on shows what the bot can help with`, async () => {
        const citizen = await bot.citizen(lang);
        const replies = joined(await citizen.say(word));
        assert.ok(replies.includes(t(lang, 'welcome.choose')), replies);
        assert.ok(!replies.includes(t(lang, 'cancel.nothing')), replies);
      });
    }

    it(`${lang}: «${GO_ON[lang][0]}» after a pause takes the questionnaire up where it stopped, with the answer kept`, async () => {
      const citizen = await bot.citizen(lang);
      await atSituationQuestion(citizen, REQUEST[lang]);
      const paused = joined(await citizen.say(CANCEL[lang]));
      assert.ok(paused.includes(t(lang, 'triage:intro.paused')), paused);
      const resumed = await citizen.say(GO_ON[lang][0]);
      assert.equal(askedQuestion(lang, resumed), 'situation', joined(resumed));
      assert.ok(joined(resumed).includes(t(lang, 'triage:progress', { n: 2, total: 16 })), joined(resumed));
    });
  }
});

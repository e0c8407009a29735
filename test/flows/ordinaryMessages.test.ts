import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { atSituationQuestion, askedQuestion, FlowBot, hasCrisisText, joined, LANGS } from '../helpers/flowHarness.js';

/** Tired, angry or idiomatic messages that are not about danger to life. */
const ORDINARY: Record<Lang, string[]> = {
  nb: ['dette skjemaet dreper meg', 'jeg er dødssliten', 'jeg blir gal av dette', 'nå dør jeg av kjedsomhet'],
  nn: ['dette skjemaet drep meg', 'eg er dødssliten', 'eg blir gal av dette'],
  en: ['this form is killing me', "I'm dead tired", 'this drives me crazy'],
};

/** "Dying to know" about AAP: an ordinary question about AAP, and answered as one. */
const DYING_TO_KNOW: Record<Lang, string> = {
  nb: 'jeg dør etter å vite hva AAP er',
  nn: 'eg døyr etter å vite kva AAP er',
  en: "I'm dying to know what AAP is",
};

const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp til å finne jobb', nn: 'Eg treng hjelp til å finne jobb', en: 'I need help finding work' };

const aapShort = (lang: Lang) => t(lang, 'rights:ui.moreQuestion', { topic: t(lang, 'rights:topics.AAP.inSentence') });

describe('ordinary sad or angry messages inside flows do not raise the crisis answer', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('in the questionnaire: no crisis text, and the user is not left without a way on', async () => {
        for (const text of ORDINARY[lang]) {
          const citizen = await bot.citizen(lang);
          await atSituationQuestion(citizen, REQUEST[lang], '29');
          const replies = await citizen.say(text);
          assert.ok(!hasCrisisText(lang, replies), `«${text}» raised the crisis answer: ${joined(replies)}`);
          assert.ok((replies.at(-1)?.buttons.length ?? 0) > 0, `after «${text}» the last message has choices: ${joined(replies)}`);
        }
      });

      it('inside a rights topic: no crisis text', async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(t(lang, 'menu.kvp'));
        for (const text of ORDINARY[lang]) {
          const replies = await citizen.say(text);
          assert.ok(!hasCrisisText(lang, replies), `«${text}» raised the crisis answer: ${joined(replies)}`);
          assert.ok(replies.length > 0, 'the bot answers something');
        }
      });

      it('"dying to know what AAP is" gets the AAP answer, at the menu and in the questionnaire', async () => {
        const citizen = await bot.citizen(lang);
        const atMenu = await citizen.say(DYING_TO_KNOW[lang]);
        assert.ok(!hasCrisisText(lang, atMenu), joined(atMenu));
        assert.ok(joined(atMenu).includes(aapShort(lang)), joined(atMenu));

        const other = await bot.citizen(lang);
        await atSituationQuestion(other, REQUEST[lang], '29');
        const inFlow = await other.say(DYING_TO_KNOW[lang]);
        assert.ok(!hasCrisisText(lang, inFlow), joined(inFlow));
        assert.ok(joined(inFlow).includes(aapShort(lang)), joined(inFlow));
        assert.equal(askedQuestion(lang, await other.say(t(lang, 'rights:ui.backToMenu'))), 'situation');
      });
    });
  }
});

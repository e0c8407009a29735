/**
 * Whole conversations that once went wrong at the root: a crisis written as the request to a
 * veileder looped, flows were stacked on themselves, the offer of a person was hidden behind the
 * next question, and "not understood" promised a list it did not show.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { atSituationQuestion, askedQuestion, FlowBot, hasCrisisText, joined, LANGS } from '../helpers/flowHarness.js';

const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp til å finne jobb', nn: 'Eg treng hjelp til å finne jobb', en: 'I need help finding work' };
const WHAT_IS_AAP: Record<Lang, string> = { nb: 'hva er AAP?', nn: 'kva er AAP?', en: 'what is AAP?' };
const CRISIS: Record<Lang, string> = { nb: 'jeg vil ta livet mitt', nn: 'eg vil ikkje leve lenger', en: 'I want to kill myself' };
const CRISIS_REQUEST: Record<Lang, string> = {
  nb: 'Jeg vil ikke leve lenger og trenger noen å snakke med',
  nn: 'Eg vil ikkje leve lenger og treng nokon å snakke med',
  en: 'I do not want to live anymore and need someone to talk to',
};
const NONSENSE = ['xqzv plonk', 'brrrp zzkt'];

/** Ordinary wishes that must not read as self-harm (the classifier once raised an alarm on them). */
const ORDINARY_WISHES: Record<Lang, string[]> = {
  nb: ['Jeg vil finne en jobb', 'jeg vil finne en ny jobb', 'jeg vil finne en leilighet'],
  nn: ['Eg vil finne ein jobb', 'eg vil finne meg ein stad å bu'],
  en: ['I want to find a job', 'I want to find a flat'],
};

describe('whole conversations: no loops, no stacked flows, offers that stay visible', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('after the crisis answer, a request to the veileder written in crisis words becomes the summary instead of a loop', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        await citizen.say(CRISIS[lang]);
        assert.equal(joined(await citizen.say(t(lang, 'safety:buttons.veileder'))), t(lang, 'handoff:consent.askRequest'));
        const replies = await citizen.say(CRISIS_REQUEST[lang]);
        // Safety first may repeat the help lines, but the user's words must reach the summary.
        assert.ok(joined(replies).includes(`«${CRISIS_REQUEST[lang]}»`), joined(replies).slice(0, 300));
      });

      it('asking for a person again while already at the consent step does not stack a second consent flow', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        assert.equal(joined(await citizen.say(t(lang, 'menu.human'))), t(lang, 'handoff:consent.askRequest'));
        await citizen.say(t(lang, 'menu.human'));
        await citizen.say(REQUEST[lang]);
        const declined = await citizen.say(t(lang, 'handoff:consent.buttons.dontSend'));
        assert.ok(!joined(declined).includes(t(lang, 'handoff:consent.askRequest')), `after «don't send» the bot asks again: ${joined(declined)}`);
      });

      it('wanting to find a job or a home gets no crisis answer', async () => {
        for (const text of ORDINARY_WISHES[lang]) {
          const citizen = await bot.citizen(lang);
          const replies = await citizen.say(text);
          assert.ok(!hasCrisisText(lang, replies), `«${text}» raised the crisis answer`);
        }
      });

      it('in the questionnaire, two messages the bot cannot understand: the offer of a person is the last thing shown, with its button', async () => {
        const citizen = await bot.citizen(lang);
        await atSituationQuestion(citizen, REQUEST[lang]);
        await citizen.say(NONSENSE[0]!);
        const second = await citizen.say(NONSENSE[1]!);
        assert.ok(joined(second).includes(t(lang, 'human.offerAfterMisses')), joined(second));
        // Web Chat shows only the last message's buttons: the question asked after the offer hides it.
        assert.ok(second.at(-1)?.buttons.includes(t(lang, 'menu.human')), `last buttons: ${second.at(-1)?.buttons.join(' | ')}`);
      });

      it('in the questionnaire, "not understood" does not promise a list it does not show', async () => {
        const citizen = await bot.citizen(lang);
        await atSituationQuestion(citizen, REQUEST[lang]);
        const replies = await citizen.say(NONSENSE[0]!);
        const miss = replies.find((r) => r.text.includes(t(lang, 'notUnderstood.text')));
        assert.ok(!miss || miss.buttons.length > 0, `«${miss?.text}» is followed by no choices`);
      });

      it('asking for the questionnaire while in it goes on with it, instead of starting a second one from the first question', async () => {
        const citizen = await bot.citizen(lang);
        await atSituationQuestion(citizen, REQUEST[lang]);
        const replies = await citizen.say(t(lang, 'menu.triage'));
        assert.equal(askedQuestion(lang, replies), 'situation', joined(replies));
      });

      it('the same rights question twice during the questionnaire: one "back" returns to the question', async () => {
        const citizen = await bot.citizen(lang);
        await atSituationQuestion(citizen, REQUEST[lang]);
        await citizen.say(WHAT_IS_AAP[lang]);
        await citizen.say(WHAT_IS_AAP[lang]);
        const back = await citizen.say(t(lang, 'rights:ui.backToMenu'));
        assert.equal(askedQuestion(lang, back), 'situation', joined(back));
      });
    });
  }
});

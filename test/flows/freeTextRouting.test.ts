import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { osloDate } from '../../core/rights/dates.js';
import { t } from '../../dialogs/i18n.js';
import { renderBrief } from '../../dialogs/rights/render.js';
import { askedQuestion, FlowBot, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

const DISAGREE: Record<Lang, string> = { nb: 'jeg er uenig i vedtaket', nn: 'eg er usamd i vedtaket', en: 'I disagree with the decision' };
const HUMAN: Record<Lang, string> = { nb: 'kan jeg snakke med et menneske', nn: 'kan eg snakke med eit menneske', en: 'can I talk to a real person' };
const WHAT_HELP: Record<Lang, string> = { nb: 'hvilken hjelp kan jeg få', nn: 'kva hjelp kan eg få', en: 'what help can I get' };
const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp til å finne jobb', nn: 'Eg treng hjelp til å finne jobb', en: 'I need help finding work' };
/** Messages no classifier can make sense of, in any language. */
const NONSENSE = ['xqzv plonk', 'brrrp zzkt'];

const topicQuestion = (lang: Lang, topic: string) => t(lang, 'rights:ui.moreQuestion', { topic: t(lang, `rights:topics.${topic}.inSentence`) });

/** Where the user is when they write: at the menu, in the questionnaire, or reading about AAP. */
const PLACES: Record<string, (citizen: Citizen) => Promise<void>> = {
  'at the menu': async () => undefined,
  'in the questionnaire': async (citizen) => {
    await citizen.sayAll([t(citizen.lang, 'menu.triage'), REQUEST[citizen.lang]]);
    assert.equal(askedQuestion(citizen.lang, await citizen.say('31')), 'situation');
  },
  'in a rights topic': async (citizen) => {
    assert.ok(joined(await citizen.say(t(citizen.lang, 'menu.aap'))).includes(topicQuestion(citizen.lang, 'AAP')));
  },
};

describe('free text routes from anywhere', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const [place, goThere] of Object.entries(PLACES)) {
        it(`${place}: «${DISAGREE[lang]}» gets the appeal answer, and going back returns to where the user was`, async () => {
          const citizen = await bot.citizen(lang);
          await goThere(citizen);
          const before = citizen.transcript.at(-1);
          const replies = await citizen.say(DISAGREE[lang]);
          if (place === 'in a rights topic') {
            // Reading about AAP, disagreeing means AAP's own part on appeals.
            assert.equal(replies[0]?.text, renderBrief(lang, 'AAP', ['appeal'], osloDate(new Date()))?.text, joined(replies));
          } else {
            assert.ok(joined(replies).includes(topicQuestion(lang, 'KLAGE')), joined(replies));
          }
          assert.ok(replies.at(-1)?.buttons.includes(t(lang, 'rights:ui.backToMenu')));
          const back = await citizen.say(t(lang, 'rights:ui.backToMenu'));
          if (place === 'in the questionnaire') assert.deepEqual(back.at(-1)?.buttons, before?.buttons, `back at the question: ${joined(back)}`);
          else assert.equal(back.at(-1)?.text, t(lang, 'welcome.choose'));
        });

        it(`${place}: «${HUMAN[lang]}» starts the way to a veileder with consent first`, async () => {
          const citizen = await bot.citizen(lang);
          await goThere(citizen);
          const replies = await citizen.say(HUMAN[lang]);
          if (place === 'in the questionnaire') {
            // The request is known from the questionnaire, so the summary is shown at once.
            assert.equal(replies[0]?.text, t(lang, 'handoff:consent.intro'), joined(replies));
            assert.ok(joined(replies).includes(`«${REQUEST[lang]}»`));
            assert.deepEqual(replies.at(-1)?.buttons, [t(lang, 'handoff:consent.buttons.send'), t(lang, 'handoff:consent.buttons.change'), t(lang, 'handoff:consent.buttons.dontSend')]);
          } else {
            assert.equal(joined(replies), t(lang, 'handoff:consent.askRequest'));
          }
        });
      }

      for (const place of ['at the menu', 'in a rights topic'] as const) {
        it(`${place}: «${WHAT_HELP[lang]}» starts the questionnaire with the user's own request`, async () => {
          const citizen = await bot.citizen(lang);
          await PLACES[place]!(citizen);
          const replies = await citizen.say(WHAT_HELP[lang]);
          assert.equal(joined(replies), t(lang, 'triage:intro.askGoal'));
          assert.equal(askedQuestion(lang, await citizen.say(REQUEST[lang])), 'age');
        });
      }

      it('at the menu: after two messages the bot cannot understand, it offers a person, and the offer works', async () => {
        const citizen = await bot.citizen(lang);
        const first = await citizen.say(NONSENSE[0]!);
        assert.ok(joined(first).includes(t(lang, 'notUnderstood.text')), joined(first));
        assert.ok(!joined(first).includes(t(lang, 'human.offerAfterMisses')), 'not after one miss');
        const second: Seen[] = await citizen.say(NONSENSE[1]!);
        assert.equal(second.at(-1)?.text, t(lang, 'human.offerAfterMisses'));
        assert.ok(second.at(-1)?.buttons.includes(t(lang, 'menu.human')));
        assert.equal(joined(await citizen.say(t(lang, 'menu.human'))), t(lang, 'handoff:consent.askRequest'));
      });

      it('one understood message in between starts the count again', async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(NONSENSE[0]!);
        await citizen.sayAll([t(lang, 'menu.kvp'), t(lang, 'rights:ui.backToMenu')]);
        const again = await citizen.say(NONSENSE[1]!);
        assert.ok(!joined(again).includes(t(lang, 'human.offerAfterMisses')), joined(again));
      });
    });
  }
});

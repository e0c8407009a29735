import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { askedQuestion, FlowBot, joined, LANGS, answerLabel } from '../helpers/flowHarness.js';

const NBSP = '\u00a0';
/** Tuesday 24 November 2026 at 15:25 in Oslo: Nav closed at 15 (the report). */
const AFTER_CLOSING = new Date('2026-11-24T14:25:00Z');
/** The same Tuesday at 10:00 in Oslo. */
const MORNING = new Date('2026-11-24T09:00:00Z');

/** No money for food, with children; and nowhere to sleep in learner Norwegian. */
const NO_FOOD: Record<Lang, string> = { nb: 'ikke penger til mat, to barn', nn: 'ikkje pengar til mat, to born', en: 'no money for food, two kids' };
const NO_BED: Record<Lang, string> = { nb: 'jeg ikke har sted sove i natt', nn: 'eg ikkje har stad sove i natt', en: 'me no place sleep tonight' };
const WHEN: Record<Lang, string> = { nb: 'onsdag 25. november kl. 09:00', nn: 'onsdag 25. november kl. 09:00', en: 'Wednesday 25 November at 09:00' };

describe('the same-day route at every hour', function () {
  this.timeout(60_000);

  describe('after closing time on a weekday (opening hours from data)', () => {
    let bot: FlowBot;
    before(async () => {
      bot = await FlowBot.start(undefined, { clock: () => AFTER_CLOSING, openingHours: 'data' });
    });
    after(async () => bot?.close());

    for (const lang of LANGS) {
      it(`${lang}: Nav is closed now, what is open now, when Nav opens; "Ring Nav" says the phone is closed; the summary can still be left`, async () => {
        const citizen = await bot.citizen(lang);
        const replies = await citizen.say(NO_FOOD[lang]);
        const first = replies[0]?.text ?? '';
        assert.ok(first.startsWith(t(lang, 'rights:emergency.closedNow', { when: WHEN[lang] })), first);
        for (const open of ['112', '113', '116 006', `116${NBSP}117`]) assert.ok(first.includes(open), `${open} missing: ${first}`);
        assert.ok(!first.includes(t(lang, 'rights:emergency.open', { phoneNav: '', closes: '' }).slice(0, 12)), 'not told Nav is open');

        await citizen.say(t(lang, 'menu.human'));
        await citizen.say(NO_FOOD[lang]);
        const closed = await citizen.say(t(lang, 'handoff:consent.buttons.send'));
        assert.ok(closed.at(-1)?.buttons.includes(t(lang, 'handoff:availability.buttons.callback')), joined(closed));
        const phone = await citizen.say(t(lang, 'handoff:availability.buttons.phone'));
        assert.ok(joined(phone).includes(t(lang, 'handoff:availability.phoneClosed', { when: WHEN[lang] })), joined(phone));
        assert.ok(phone.at(-1)?.buttons.includes(t(lang, 'handoff:availability.buttons.callback')), 'the summary can still be left');
        const saved = await citizen.say(t(lang, 'handoff:availability.buttons.callback'));
        assert.ok(joined(saved).includes(t(lang, 'handoff:availability.callbackSaved', { when: WHEN[lang] }).slice(0, 25)), joined(saved));
      });

      it(`${lang}: nowhere to sleep in learner language, inside the questionnaire: the same-day help with § 27 first, then the question again`, async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(t(lang, 'menu.triage'));
        await citizen.say(t(lang, 'menu.money'));
        const asked = await citizen.say('40');
        assert.equal(askedQuestion(lang, asked), 'situation');
        const replies = await citizen.say(NO_BED[lang]);
        assert.ok(replies[0]?.text.startsWith(t(lang, 'rights:emergency.closedNow', { when: WHEN[lang] })), joined(replies));
        assert.ok(replies[0]?.text.includes('§ 27'));
        assert.equal(askedQuestion(lang, replies), 'situation', joined(replies));
        const next = await citizen.say(answerLabel(lang, 'situation', 'MISTET_JOBBEN'));
        assert.equal(askedQuestion(lang, next), 'workedSixOfTwelve');
      });
    }
  });

  describe('in opening hours', () => {
    let bot: FlowBot;
    before(async () => {
      bot = await FlowBot.start(undefined, { clock: () => MORNING, openingHours: 'data' });
    });
    after(async () => bot?.close());

    for (const lang of LANGS) {
      it(`${lang}: Nav is open now, until 15:00, and the way to a veileder is kept`, async () => {
        const citizen = await bot.citizen(lang);
        const replies = await citizen.say(NO_FOOD[lang]);
        assert.ok(replies[0]?.text.startsWith(t(lang, 'rights:emergency.open', { phoneNav: `55${NBSP}55${NBSP}33${NBSP}33`, closes: '15:00' })), replies[0]?.text);
        assert.ok(replies.at(-1)?.buttons.includes(t(lang, 'menu.human')));
      });
    }
  });
});

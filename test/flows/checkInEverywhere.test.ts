import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { MENU_ACTIONS } from '../../dialogs/root/menu.js';
import { askedQuestion, atSituationQuestion, crisisAnswerIn, FlowBot, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

/** Deep exhaustion, not said outright: the bot must ask, not cancel, not guess. */
const DISTRESS: Record<Lang, string> = {
  nb: 'jeg orker ikke mer',
  nn: 'eg orkar ikkje meir',
  en: "I can't take it anymore",
};

/** What a person types to say no, not in the button's own words. */
const TYPED_NO: Record<Lang, string> = { nb: 'nei, jeg er bare sliten', nn: 'nei eg er berre sliten', en: "no i'm just tired" };
const TYPED_YES: Record<Lang, string> = { nb: 'ja', nn: 'ja', en: 'yes' };
/** Starts like "no", but is itself a crisis message. */
const NO_BUT_CRISIS: Record<Lang, string> = { nb: 'nei. ingen vil savne meg uansett', nn: 'nei, ingen kjem til å sakne meg', en: 'no. nobody would miss me anyway' };

const REQUEST: Record<Lang, string> = {
  nb: 'Jeg trenger hjelp til å betale strømregningen',
  nn: 'Eg treng hjelp til å betale straumrekninga',
  en: 'I need help to pay the electricity bill',
};
let requests = 0;
const uniqueRequest = (lang: Lang) => `${REQUEST[lang]} (${++requests})`;

const checkInButtons = (lang: Lang) => ['yes', 'no', 'person'].map((b) => t(lang, `safety:checkIn.buttons.${b}`));
const menuButtons = (lang: Lang) => MENU_ACTIONS.map((a) => t(lang, `menu.${a}`));

/** Sends the distress message and checks that the one reply is the check-in question. */
async function checkIn(citizen: Citizen, text = DISTRESS[citizen.lang]): Promise<Seen[]> {
  const replies = await citizen.say(text);
  assert.equal(replies.length, 1, joined(replies));
  assert.equal(replies[0]?.text, t(citizen.lang, 'safety:checkIn.self_harm'));
  assert.deepEqual(replies[0]?.buttons, checkInButtons(citizen.lang));
  return replies;
}

describe('the check-in question in every state, and each answer (shared/specs/understanding.md)', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('at the menu: "no" thanks the person and handles the message as usual, without asking again', async () => {
        const citizen = await bot.citizen(lang);
        await checkIn(citizen);
        const after = await citizen.say(t(lang, 'safety:checkIn.buttons.no'));
        assert.equal(after[0]?.text, t(lang, 'safety:checkIn.thanks'));
        assert.ok(after.length >= 2, 'the message is then answered');
        assert.ok(!after.some((r) => r.text === t(lang, 'safety:checkIn.self_harm')), 'not asked twice');
        assert.ok(!after.some((r) => r.text === t(lang, 'cancel.done') || r.text === t(lang, 'cancel.nothing')), 'distress is not a command');
      });

      it('at the menu: after "no", words of distress get a kind line and the menu, not "I did not understand"', async () => {
        const citizen = await bot.citizen(lang);
        await checkIn(citizen);
        const after = await citizen.say(t(lang, 'safety:checkIn.buttons.no'));
        assert.equal(after[1]?.text, t(lang, 'safety:checkIn.afterNo'), joined(after));
        assert.deepEqual(after[1]?.buttons, menuButtons(lang));
        assert.ok(!after.some((r) => r.text === t(lang, 'notUnderstood.text')), joined(after));
        // Not counted as a miss: the next unclear message is asked about, not met with the offer of a person.
        const next = await citizen.say('qwxz');
        assert.ok(!next.some((r) => r.text === t(lang, 'human.offerAfterMisses')), joined(next));
      });

      it('at the menu: "yes", typed, gives the crisis text with the help lines and the offer of a veileder', async () => {
        const citizen = await bot.citizen(lang);
        await checkIn(citizen);
        const replies = await citizen.say(TYPED_YES[lang]);
        assert.deepEqual(crisisAnswerIn(lang, replies), [], joined(replies));
      });

      it('a "no" that is itself a crisis message is answered as one, not as no', async () => {
        const citizen = await bot.citizen(lang);
        await checkIn(citizen);
        const replies = await citizen.say(NO_BUT_CRISIS[lang]);
        assert.ok(!replies.some((r) => r.text === t(lang, 'safety:checkIn.thanks')), joined(replies));
        assert.deepEqual(crisisAnswerIn(lang, replies), [], joined(replies));
      });

      it('"I want to talk to a person" starts the way to a veileder', async () => {
        const citizen = await bot.citizen(lang);
        await checkIn(citizen);
        assert.equal(joined(await citizen.say(t(lang, 'safety:checkIn.buttons.person'))), t(lang, 'handoff:consent.askRequest'));
      });

      it('in the questionnaire: "no" in the person\'s own words brings the same question back, answers kept', async () => {
        const citizen = await bot.citizen(lang);
        const asked = await atSituationQuestion(citizen, REQUEST[lang]);
        await checkIn(citizen);
        const back = await citizen.say(TYPED_NO[lang]);
        assert.equal(back[0]?.text, t(lang, 'safety:checkIn.thanks'));
        assert.equal(back[1]?.text, t(lang, 'safety:checkIn.afterNoInFlow'), joined(back));
        assert.equal(askedQuestion(lang, back), 'situation', joined(back));
        assert.deepEqual(back.at(-1)?.buttons, asked.at(-1)?.buttons);
        const previous = await citizen.say(t(lang, 'triage:buttons.back'));
        assert.equal(askedQuestion(lang, previous), 'age', 'the answer before the check-in is still in the history');
      });

      it('in the questionnaire: "yes" gives the crisis text, and "go on where I was" the same question', async () => {
        const citizen = await bot.citizen(lang);
        await atSituationQuestion(citizen, REQUEST[lang]);
        await checkIn(citizen);
        const crisis = await citizen.say(t(lang, 'safety:checkIn.buttons.yes'));
        assert.deepEqual(crisisAnswerIn(lang, crisis), [], joined(crisis));
        assert.equal(askedQuestion(lang, await citizen.say(t(lang, 'safety:buttons.continue'))), 'situation');
      });

      it('inside a rights topic: after "no" the topic\'s buttons come back', async () => {
        const citizen = await bot.citizen(lang);
        const topic = await citizen.say(t(lang, 'menu.aap'));
        const buttons = topic.at(-1)?.buttons ?? [];
        await checkIn(citizen);
        const back = await citizen.say(t(lang, 'safety:checkIn.buttons.no'));
        assert.equal(back[0]?.text, t(lang, 'safety:checkIn.thanks'));
        assert.deepEqual(back.at(-1)?.buttons, buttons, joined(back));
      });

      it('while reading the summary before consent: after "no" the same choice comes back, nothing was sent', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = uniqueRequest(lang);
        await citizen.say(t(lang, 'menu.human'));
        const shown = await citizen.say(request);
        await checkIn(citizen);
        assert.notEqual((await bot.handoffWithRequest(request))?.state, 'queued');
        const back = await citizen.say(t(lang, 'safety:checkIn.buttons.no'));
        assert.equal(back[0]?.text, t(lang, 'safety:checkIn.thanks'));
        assert.deepEqual(back.at(-1)?.buttons, shown.at(-1)?.buttons, joined(back));
      });

      it('while queued: the veileder sees the message, "no" keeps the place in the queue', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = uniqueRequest(lang);
        await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
        const handoff = await bot.handoffWithRequest(request);
        assert.equal(handoff?.state, 'queued');
        await checkIn(citizen);
        const log = await bot.veileder(`/${handoff!.id}/messages?after=0`);
        const userLines = (log.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
        assert.ok(userLines.includes(DISTRESS[lang]), userLines.join(' | '));
        const after = await citizen.say(t(lang, 'safety:checkIn.buttons.no'));
        assert.deepEqual(after.map((r) => r.text), [t(lang, 'safety:checkIn.thanksWithVeileder')]);
        assert.equal((await bot.handoffWithRequest(request))?.state, 'queued');
        await bot.veileder(`/${handoff!.id}/accept`, { method: 'POST' });
        await bot.veileder(`/${handoff!.id}/close`, { method: 'POST' });
      });

      it('with a veileder: the check-in comes at once, "no" leaves the conversation with the veileder', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = uniqueRequest(lang);
        await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
        const handoff = await bot.handoffWithRequest(request);
        await bot.veileder(`/${handoff!.id}/accept`, { method: 'POST' });
        await citizen.read();
        await checkIn(citizen);
        const after = await citizen.say(t(lang, 'safety:checkIn.buttons.no'));
        assert.deepEqual(after.map((r) => r.text), [t(lang, 'safety:checkIn.thanksWithVeileder')]);
        assert.equal((await bot.handoffWithRequest(request))?.state, 'accepted');
        assert.deepEqual(await citizen.say(`still here ${lang}`), [], 'then the bot is silent again');
        await bot.veileder(`/${handoff!.id}/close`, { method: 'POST' });
      });

      it('something else than an answer is read as a new message', async () => {
        const citizen = await bot.citizen(lang);
        await checkIn(citizen);
        const replies = await citizen.say(t(lang, 'menu.aap'));
        assert.ok(!replies.some((r) => r.text === t(lang, 'safety:checkIn.thanks')));
        assert.notDeepEqual(replies.at(-1)?.buttons, menuButtons(lang), 'the AAP topic, not the menu');
      });
    });
  }
});

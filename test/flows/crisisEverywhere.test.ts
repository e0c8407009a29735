import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { MENU_ACTIONS } from '../../dialogs/root/menu.js';
import { answerLabel, askedQuestion, crisisAnswerIn, FlowBot, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

/** A message that must raise the crisis answer, written as a user in that language might. */
const CRISIS: Record<Lang, string> = {
  nb: 'jeg vil ta livet mitt',
  nn: 'eg vil ikkje leve lenger',
  en: 'I want to kill myself',
};

/** A request in the user's own words, with a tag so the test can find its handoff in the queue. */
const REQUEST: Record<Lang, string> = {
  nb: 'Jeg trenger hjelp til å betale husleia',
  nn: 'Eg treng hjelp til å betale husleiga',
  en: 'I need help to pay my rent',
};
let requests = 0;
const uniqueRequest = (lang: Lang) => `${REQUEST[lang]} (${++requests})`;

const menuButtons = (lang: Lang) => MENU_ACTIONS.map((a) => t(lang, `menu.${a}`));

/** Sends the crisis message and checks the whole crisis answer; returns the replies. */
async function crisis(citizen: Citizen, text = CRISIS[citizen.lang]): Promise<Seen[]> {
  const replies = await citizen.say(text);
  assert.deepEqual(crisisAnswerIn(citizen.lang, replies), [], joined(replies));
  return replies;
}

describe('crisis answer in every state of the conversation, then back where the user was', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      it('at the main menu: crisis answer at once, and "go on" shows the menu again', async () => {
        const citizen = await bot.citizen(lang);
        await crisis(citizen);
        const back = await citizen.say(t(lang, 'safety:buttons.continue'));
        assert.equal(back.length, 1);
        assert.equal(back[0]?.text, t(lang, 'welcome.choose'));
        assert.deepEqual(back[0]?.buttons, menuButtons(lang));
      });

      it('the veileder offered with the crisis answer: pressing it leads to consent and into the queue', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        await crisis(citizen);
        assert.equal(joined(await citizen.say(t(lang, 'safety:buttons.veileder'))), t(lang, 'handoff:consent.askRequest'));
        const request = uniqueRequest(lang);
        const shown = await citizen.say(request);
        assert.equal(shown[0]?.text, t(lang, 'handoff:consent.intro'));
        assert.ok(joined(shown).includes(`«${request}»`));
        const sent = await citizen.say(t(lang, 'handoff:consent.buttons.send'));
        assert.ok(sent[0]?.text.startsWith(t(lang, 'handoff:queue.sent')), joined(sent));
        const handoff = await bot.handoffWithRequest(request);
        assert.equal(handoff?.state, 'queued');
        await bot.veileder(`/${handoff!.id}/accept`, { method: 'POST' });
        await bot.veileder(`/${handoff!.id}/close`, { method: 'POST' });
      });

      it('in the middle of the questionnaire: the same question comes back, and the answers so far are kept', async () => {
        const citizen = await bot.citizen(lang);
        await citizen.say(t(lang, 'menu.triage'));
        await citizen.say(REQUEST[lang]);
        const asked = await citizen.say('34');
        assert.equal(askedQuestion(lang, asked), 'situation');

        await crisis(citizen);
        const again = await citizen.say(t(lang, 'safety:buttons.continue'));
        assert.equal(askedQuestion(lang, again), 'situation', joined(again));
        assert.deepEqual(again.at(-1)?.buttons, asked.at(-1)?.buttons, 'the same choices as before');

        // Typing the answer straight after the crisis answer also goes on with the questionnaire.
        await crisis(citizen);
        const next = await citizen.say(answerLabel(lang, 'situation', 'SYKMELDT'));
        assert.equal(askedQuestion(lang, next), 'workedSixOfTwelve', joined(next));
        const previous = await citizen.say(t(lang, 'triage:buttons.back'));
        assert.equal(askedQuestion(lang, previous), 'situation', 'the answer before the crisis is still in the history');
        const skipped = await citizen.sayAll([answerLabel(lang, 'situation', 'SYKMELDT'), t(lang, 'triage:buttons.skip')]);
        assert.equal(askedQuestion(lang, skipped), 'education');
      });

      it('inside a rights topic: the topic\'s buttons come back', async () => {
        const citizen = await bot.citizen(lang);
        const topic = await citizen.say(t(lang, 'menu.aap'));
        const buttons = topic.at(-1)?.buttons ?? [];
        assert.ok(buttons.includes(t(lang, 'rights:ui.backToMenu')), buttons.join(' | '));
        const moreQuestion = t(lang, 'rights:ui.moreQuestion', { topic: t(lang, 'rights:topics.AAP.inSentence') });

        await crisis(citizen);
        const back = await citizen.say(t(lang, 'safety:buttons.continue'));
        assert.equal(back.length, 1);
        assert.equal(back[0]?.text, moreQuestion);
        assert.deepEqual(back[0]?.buttons, buttons);
        const leave = await citizen.say(t(lang, 'rights:ui.backToMenu'));
        assert.deepEqual(leave.at(-1)?.buttons, menuButtons(lang), 'the topic still ends at the menu');
      });

      it('while reading the summary before consent: the same choice comes back, nothing was sent', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = uniqueRequest(lang);
        await citizen.say(t(lang, 'menu.human'));
        const shown = await citizen.say(request);
        assert.deepEqual(shown.at(-1)?.buttons, [t(lang, 'handoff:consent.buttons.send'), t(lang, 'handoff:consent.buttons.change'), t(lang, 'handoff:consent.buttons.dontSend')]);

        await crisis(citizen);
        const queuedMeanwhile = await bot.handoffWithRequest(request);
        assert.notEqual(queuedMeanwhile?.state, 'queued', 'the crisis message did not send the summary');
        const back = await citizen.say(t(lang, 'safety:buttons.continue'));
        assert.equal(joined(back), joined(shown), 'the same summary and question');
        assert.deepEqual(back.at(-1)?.buttons, shown.at(-1)?.buttons);
      });

      it('while queued for a veileder: crisis answer, the veileder sees the message, the place in the queue is unchanged', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = uniqueRequest(lang);
        await citizen.sayAll([t(lang, 'menu.human'), request]);
        await citizen.say(t(lang, 'handoff:consent.buttons.send'));
        const handoff = await bot.handoffWithRequest(request);
        assert.equal(handoff?.state, 'queued');
        const waiting = await citizen.say('?');
        assert.equal(waiting.length, 1);

        await crisis(citizen);
        assert.equal((await bot.handoffWithRequest(request))?.state, 'queued');
        const log = await bot.veileder(`/${handoff!.id}/messages?after=0`);
        const userLines = (log.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
        assert.ok(userLines.includes(CRISIS[lang]), 'the veileder who takes the case sees what the user wrote');

        const after = await citizen.say(t(lang, 'safety:buttons.continue'));
        assert.deepEqual(after.map((r) => r.text), waiting.map((r) => r.text), 'still waiting, same place in the queue');
        await bot.veileder(`/${handoff!.id}/accept`, { method: 'POST' });
        await bot.veileder(`/${handoff!.id}/close`, { method: 'POST' });
      });

      it('while a veileder has the conversation: crisis answer, the conversation stays with the veileder', async () => {
        await bot.veileder('');
        const citizen = await bot.citizen(lang);
        const request = uniqueRequest(lang);
        await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
        const handoff = await bot.handoffWithRequest(request);
        assert.ok(handoff);
        assert.equal((await bot.veileder(`/${handoff.id}/accept`, { method: 'POST' })).status, 200);
        assert.deepEqual((await citizen.read()).map((r) => r.text), [t(lang, 'handoff:relay.connected')]);

        await crisis(citizen);
        assert.equal((await bot.handoffWithRequest(request))?.state, 'accepted');

        const toVeileder = `still there ${lang}`;
        assert.deepEqual(await citizen.say(toVeileder), [], 'after the crisis answer the bot is silent again');
        assert.equal((await bot.veileder(`/${handoff.id}/messages`, { method: 'POST', body: { text: `veileder here ${lang}` } })).status, 201);
        const fromVeileder = await citizen.read();
        assert.equal(fromVeileder.length, 1);
        assert.ok(fromVeileder[0]?.text.includes(`veileder here ${lang}`), 'the veileder\'s message reaches the user');
        const log = await bot.veileder(`/${handoff.id}/messages?after=0`);
        const userLines = (log.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
        assert.ok(userLines.includes(CRISIS[lang]) && userLines.includes(toVeileder), userLines.join(' | '));
        await bot.veileder(`/${handoff.id}/close`, { method: 'POST' });
      });
    });
  }

  it('violence gets the violence text with the police number, in the questionnaire too', async () => {
    const citizen = await bot.citizen('nb');
    await citizen.sayAll([t('nb', 'menu.triage'), REQUEST.nb, '40']);
    const replies = await citizen.say('samboeren min slår meg og jeg er redd');
    assert.deepEqual(crisisAnswerIn('nb', replies, 'violence'), [], joined(replies));
    assert.ok(replies[0]?.text.includes('112'));
    assert.equal(askedQuestion('nb', await citizen.say(t('nb', 'safety:buttons.continue'))), 'situation');
  });
});

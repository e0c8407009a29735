import assert from 'node:assert/strict';
import { t } from '../../dialogs/i18n.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { FlowBot, joined, LANGS } from '../helpers/flowHarness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { FakeTeams, type Place } from '../helpers/teamsHarness.js';

/**
 * After a handoff has ended (closed by the veileder, left by the citizen, given back), asking for
 * a person again starts a new handoff: the bot asks what they want help with, or shows the summary
 * to send. It used to say nothing at all, on every channel.
 */
describe('asking for a person again after a handoff ended', function () {
  this.timeout(60_000);

  describe('on the web chat (whole conversation)', () => {
    let bot: FlowBot;
    before(async () => {
      bot = await FlowBot.start();
      await bot.veileder(''); // a veileder is signed in, so the live queue is open
    });
    after(async () => bot?.close());

    for (const lang of LANGS) {
      it(`${lang}: after the veileder closes it, and after the citizen leaves the queue`, async () => {
        const tr = handoffTexts(lang);
        const citizen = await bot.citizen(lang);
        const request = `Jeg trenger hjelp (${lang}, første gang)`;
        await citizen.sayAll([t(lang, 'menu.human'), request]);
        const queued = await citizen.say(tr('consent.buttons.send'));
        assert.match(joined(queued), new RegExp(tr('queue.sent').slice(0, 12)));

        const handoff = (await bot.handoffWithRequest(request))!;
        assert.equal((await bot.veileder(`/${handoff.id}/accept`, { method: 'POST' })).status, 200);
        assert.equal((await bot.veileder(`/${handoff.id}/close`, { method: 'POST' })).status, 200);
        await citizen.read();

        const again = await citizen.say(t(lang, 'menu.human'));
        assert.ok(again.length > 0, 'the bot answers');
        assert.ok(again.some((r) => r.text === tr('consent.intro')), `shows the summary to send again: ${joined(again)}`);
        const second = await citizen.say(tr('consent.buttons.send'));
        assert.match(joined(second), new RegExp(tr('queue.sent').slice(0, 12)), 'a new handoff is queued');

        const left = await citizen.say(tr('queue.leaveButton'));
        assert.equal(left[0]?.text, tr('queue.left'));
        const third = await citizen.say(t(lang, 'menu.human'));
        assert.ok(third.some((r) => r.text === tr('consent.intro')), `after leaving the queue too: ${joined(third)}`);
      });
    }
  });

  describe('in a Teams personal chat', () => {
    let server: RealServer;
    let teams: FakeTeams;
    before(async () => {
      server = await startRealServer({ TEAMS_LOCAL: '1' });
      teams = await FakeTeams.start(server.url);
    });
    after(async () => {
      await teams?.close();
      await server?.close(1000);
    });

    it('nb: after the citizen leaves the queue, "Snakk med et menneske" starts a new handoff', async () => {
      const tr = handoffTexts('nb');
      const place: Place = { kind: 'personal', conversationId: 'a:again' };
      const user = { id: '29:again', aadObjectId: 'aad-again', name: 'Innbygger' };
      const say = async (text: string) => (await teams.send(place, user, { type: 'message', text })).sent.map((c) => FakeTeams.textOf(c));
      await say(t('nb', 'menu.human'));
      await say('Jeg trenger hjelp med søknaden');
      let replies = await say(tr('consent.buttons.send'));
      if (replies.includes(tr('availability.choose'))) replies = await say(tr('availability.buttons.callback'));
      assert.ok(replies.some((r) => r.startsWith(tr('queue.whileWaiting').slice(0, 20))), replies.join('\n'));
      assert.deepEqual(await say('avbryt'), [tr('queue.left')]);
      const again = await say(t('nb', 'menu.human'));
      assert.ok(again.includes(tr('consent.intro')), again.join('\n'));
    });
  });
});

import assert from 'node:assert/strict';
import { createCitizenDelivery } from '../../bot/handoff/delivery.js';
import { startHandoffExpiry } from '../../bot/handoff/expiry.js';
import { Citizen, http, startHandoffServer, texts, VEILEDER_TOKEN, type HandoffServer } from './harness.js';

describe('a queued handoff nobody takes in time', function () {
  this.timeout(30_000);
  let server: HandoffServer;
  let now = new Date('2026-04-07T10:00:00+02:00');
  before(async () => {
    server = await startHandoffServer({ openingHours: 'data', clock: () => now });
    await http(`${server.running.url}/api/handoffs`, { token: VEILEDER_TOKEN });
  });
  after(async () => server?.close());

  it('expires after the wait time, tells the user what happens next, and the bot answers again', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Jeg trenger hjelp');
    await citizen.say('ja');
    const [queued] = await server.parts.queue.list(['queued']);
    assert.equal(queued?.expiresAt, new Date('2026-04-07T10:30:00+02:00').toISOString(), '30 minutes from data/handoff/queue.json');

    const sweep = startHandoffExpiry({
      queue: server.parts.queue,
      deliver: createCitizenDelivery({ directLine: server.running.directLine }),
      intervalMs: 60_000,
      clock: () => now,
    });
    try {
      now = new Date('2026-04-07T10:29:00+02:00');
      assert.equal(await sweep.runOnce(), 0);
      now = new Date('2026-04-07T10:30:00+02:00');
      assert.equal(await sweep.runOnce(), 1);
    } finally {
      sweep.stop();
    }
    assert.deepEqual(texts(await citizen.read()), [
      'Ingen veileder rakk å svare denne gangen. Oppsummeringen er ikke sendt videre, og den blir slettet.',
      'Dette kan du gjøre nå: Ring Nav på 55\u00a055\u00a033\u00a033 (hverdager kl. 09:00–15:00), be om en veileder igjen senere, eller gå til Nav-kontoret der du bor.',
    ]);
    assert.equal((await server.parts.queue.get(queued!.id)).state, 'expired');
    const after = texts(await citizen.say('hjelp'));
    assert.ok(after.length > 0 && !after[0]!.startsWith('Du venter'), 'no longer silent');
  });

  it('a live handoff queued at 14:50 expires at closing time, 15:00', async () => {
    now = new Date('2026-04-08T14:50:00+02:00');
    assert.equal(server.parts.queue.expiryFor(now, false).toISOString(), new Date('2026-04-08T15:00:00+02:00').toISOString());
  });
});

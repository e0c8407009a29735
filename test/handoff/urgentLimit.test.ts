import assert from 'node:assert/strict';
import { http } from './harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

/** A citizen on the web chat behind the proxy, from `address`, asking for a veileder with an urgent need. */
async function urgentHandoffFrom(server: RealServer, address: string): Promise<void> {
  const headers = { 'X-Forwarded-For': address };
  const base = server.directLineBase;
  const generated = await http(`${base}/tokens/generate`, { method: 'POST', body: { locale: 'nb-NO' }, headers });
  const started = await http(`${base}/conversations`, { method: 'POST', token: generated.body.token as string, headers });
  const { conversationId, token } = started.body as { conversationId: string; token: string };
  // The same-day need told first (the same-day answer records it), then the way to a veileder.
  for (const text of ['Jeg har ikke noe sted å sove i natt', 'snakk med et menneske', 'Jeg trenger et sted å bo', 'ja']) {
    const posted = await http(`${base}/conversations/${conversationId}/activities`, { method: 'POST', token, body: { type: 'message', text, locale: 'nb-NO' }, headers });
    assert.equal(posted.status, 200);
  }
}

describe('urgent handoffs per address and hour (real server behind a proxy)', function () {
  this.timeout(30_000);
  let server: RealServer;
  before(async () => {
    server = await startRealServer({ TRUST_PROXY: 'loopback' });
  });
  after(async () => server.close());

  it('queues the fourth urgent handoff from one address in an hour as ordinary, marked; another address is not affected', async () => {
    const auth = { token: server.veilederToken };
    await http(`${server.url}/api/handoffs?state=queued`, auth);
    for (let i = 0; i < 4; i += 1) await urgentHandoffFrom(server, '198.51.100.7');
    await urgentHandoffFrom(server, '198.51.100.8');
    const queue = (await http(`${server.url}/api/handoffs?state=queued`, auth)).body.handoffs as Array<{ priority: string; flags: string[] }>;
    assert.deepEqual(
      queue.map((h) => [h.priority, h.flags.includes('URGENT_LIMITED')]),
      [
        ['URGENT', false],
        ['URGENT', false],
        ['URGENT', false],
        ['URGENT', false],
        ['ORDINARY', true],
      ],
      'the other address\'s urgent handoff goes before the one over the limit',
    );
  });
});

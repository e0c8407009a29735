import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { t } from '../../dialogs/i18n.js';
import { call, openStream, startConversation, upgradeStatus, type ActivityJson, type StreamClient } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

async function tokenFrom(server: RealServer, forwardedFor: string): Promise<number> {
  const res = await fetch(`${server.directLineBase}/tokens/generate`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor }, body: '{}' });
  await res.text();
  return res.status;
}

describe('limits against the real server', function () {
  this.timeout(30_000);

  describe('TRUST_PROXY', () => {
    it('without it, a spoofed X-Forwarded-For does not get around the limit on new conversations', async () => {
      const server = await startRealServer();
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 25; i += 1) statuses.push(await tokenFrom(server, `203.0.113.${i}`));
        assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
        assert.deepEqual(statuses.slice(20), Array(5).fill(429), 'the 21st from this address is refused, whatever the header says');
      } finally {
        await server.close();
      }
    });

    it('with TRUST_PROXY=loopback, the proxy on this machine names each client', async () => {
      const server = await startRealServer({ TRUST_PROXY: 'loopback' });
      try {
        for (let i = 0; i < 25; i += 1) assert.equal(await tokenFrom(server, `203.0.113.${i}`), 200);
        assert.equal(server.directLine.limiter.take('203.0.113.1').allowed, true, 'buckets are per client address');
      } finally {
        await server.close();
      }
    });

    it('refuses a value that is not a hop count or a list of addresses and names', () => {
      assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).trustProxy, ['loopback', '10.0.0.0/8', '::1']);
      assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
      assert.equal(loadConfig({}).trustProxy, undefined);
      for (const bad of ['true', '*', '10.0.0.0/99', 'proxy.example', '0']) assert.throws(() => loadConfig({ TRUST_PROXY: bad }), ConfigError, bad);
    });
  });

  describe('per conversation', () => {
    let server: RealServer;
    before(async () => {
      server = await startRealServer({}, { conversationLimits: { burst: 5, perSecond: 0.001, perDay: 1000, streams: 2 } });
    });
    after(async () => server.close());

    it('answers messages over the limit with 429 and Retry-After, and tells the person once, kindly', async () => {
      const c = await startConversation(server.directLineBase, 'nn-NO');
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 9; i += 1) {
        const posted = await call(`${server.directLineBase}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: `hei ${i}` } });
        statuses.push(posted.status);
        if (posted.status === 429) retryAfter = posted.headers.get('retry-after');
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429, 429]);
      assert.ok(Number(retryAfter) >= 1, `Retry-After ${retryAfter}`);
      const log = await call(`${server.directLineBase}/conversations/${c.conversationId}/activities`, { token: c.token });
      const told = (log.body.activities as ActivityJson[]).filter((a) => a.text === t('nn', 'errors.slowDown'));
      assert.equal(told.length, 1, 'told once, not once per refused message');
      assert.ok(!(log.body.activities as ActivityJson[]).some((a) => a.text === 'hei 5'), 'a refused message is not stored');
    });

    it('keeps another conversation from the same address unaffected', async () => {
      const c = await startConversation(server.directLineBase);
      const posted = await call(`${server.directLineBase}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'hei' } });
      assert.equal(posted.status, 200);
    });

    it('allows two open streams per conversation, refuses a third with 429, and allows it again when one closes', async () => {
      const c = await startConversation(server.directLineBase);
      const streams: StreamClient[] = [await openStream(c.streamUrl), await openStream(c.streamUrl)];
      try {
        assert.equal(await upgradeStatus(c.streamUrl), 429);
        streams.shift()!.close();
        await new Promise((r) => setTimeout(r, 100));
        streams.push(await openStream(c.streamUrl));
      } finally {
        for (const s of streams) s.close();
      }
    });
  });

  it('limits messages per day as well as per burst', async () => {
    const server = await startRealServer({}, { conversationLimits: { burst: 100, perSecond: 100, perDay: 3 } });
    try {
      const c = await startConversation(server.directLineBase);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await call(`${server.directLineBase}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'hei' } })).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    } finally {
      await server.close();
    }
  });
});

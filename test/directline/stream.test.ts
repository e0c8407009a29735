import assert from 'node:assert/strict';
import { call, openStream, startConversation, startDirectLine, upgradeStatus, type TestServer } from './harness.js';

describe('local Direct Line WebSocket stream', () => {
  let t: TestServer;
  beforeEach(async () => (t = await startDirectLine()));
  afterEach(async () => t.close());

  it('sends the greeting that came before the socket opened, then the echo and the reply live', async () => {
    const c = await startConversation(t.base, 'en-GB');
    const stream = await openStream(c.streamUrl);
    try {
      await stream.waitFor((a) => a.text === 'Hei! (en-GB)');
      assert.equal(stream.frames[0]?.watermark, '1');

      const sentAt = Date.now();
      const posted = await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'via ws' } });
      const reply = await stream.waitFor((a) => a.text?.startsWith('Du skrev: via ws') ?? false);
      const elapsed = Date.now() - sentAt;
      assert.ok(elapsed < 1000, `reply took ${elapsed} ms`);
      assert.deepEqual(stream.texts(), ['Hei! (en-GB)', 'via ws', reply.text]);
      assert.equal(stream.frames[1]?.activities[0]?.id, posted.body.id);
      assert.deepEqual(stream.frames.map((f) => f.watermark), ['1', '2', '3']);
    } finally {
      stream.close();
    }
  });

  it('on reconnect with a watermark sends only what is newer', async () => {
    const c = await startConversation(t.base);
    await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'one' } });
    const reconnect = await call(`${t.base}/conversations/${c.conversationId}?watermark=2`, { token: c.token });
    const stream = await openStream(reconnect.body.streamUrl as string);
    try {
      await stream.waitFor((a) => a.text?.startsWith('Du skrev: one') ?? false);
      assert.equal(stream.texts().length, 1);
    } finally {
      stream.close();
    }
  });

  it('streams typing indicators without logging them, and veileder messages pushed from outside a turn', async () => {
    const c = await startConversation(t.base);
    const stream = await openStream(c.streamUrl);
    try {
      await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'typing' } });
      await stream.waitFor((a) => a.type === 'typing');
      const pushed = await t.dl.pushActivity(c.conversationId, { text: 'Hei, jeg er veileder Kari.', from: { id: 'veileder-1', name: 'Kari (veileder)' } });
      const message = await stream.waitFor((a) => a.text === 'Hei, jeg er veileder Kari.');
      assert.equal(message.id, pushed.id);
      assert.equal(message.from.id, 'veileder-1');
      assert.equal(message.from.role, 'bot');
      const log = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
      const types = (log.body.activities as { type: string }[]).map((a) => a.type);
      assert.ok(!types.includes('typing'), 'typing is not kept in the log');
      assert.ok((log.body.activities as { text?: string }[]).some((a) => a.text === 'Hei, jeg er veileder Kari.'));
    } finally {
      stream.close();
    }
  });

  it('refuses the upgrade with 403 for a missing, wrong or other conversation token, and 404 off the stream path', async () => {
    const mine = await startConversation(t.base);
    const other = await startConversation(t.base);
    const url = new URL(mine.streamUrl);
    const withToken = (token: string | null) => {
      const u = new URL(url);
      if (token === null) u.searchParams.delete('t');
      else u.searchParams.set('t', token);
      return u.toString();
    };
    assert.equal(await upgradeStatus(withToken(null)), 403);
    assert.equal(await upgradeStatus(withToken('garbage')), 403);
    assert.equal(await upgradeStatus(withToken(other.token)), 403);
    assert.equal(await upgradeStatus(withToken(mine.token)), 101);
    assert.equal(await upgradeStatus(url.toString().replace('/stream', '/streem')), 404);
  });

  it('closes the live stream when the conversation is deleted, and refuses to open it again', async () => {
    const c = await startConversation(t.base);
    const stream = await openStream(c.streamUrl);
    await t.dl.deleteConversation(c.conversationId);
    assert.equal(await stream.closed, 1000);
    assert.equal(await upgradeStatus(c.streamUrl), 404);
  });
});

describe('local Direct Line retention', () => {
  it('expireIdle deletes idle conversations and closes their streams; active ones stay', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const t = await startDirectLine({ clock: () => new Date(now) });
    try {
      const idle = await startConversation(t.base);
      const stream = await openStream(idle.streamUrl);
      now += 50 * 60_000;
      const active = await startConversation(t.base);
      now += 20 * 60_000;
      assert.equal(await t.dl.expireIdle(60 * 60_000), 1);
      assert.equal(await stream.closed, 1000);
      assert.equal((await call(`${t.base}/conversations/${active.conversationId}/activities`, { token: active.token })).status, 200);
    } finally {
      await t.close();
    }
  });
});

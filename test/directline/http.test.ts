import assert from 'node:assert/strict';
import { call, startConversation, startDirectLine, type ActivityJson, type TestServer } from './harness.js';

function activitiesOf(body: Record<string, unknown>): ActivityJson[] {
  return body.activities as ActivityJson[];
}

describe('local Direct Line over HTTP (polling)', () => {
  let t: TestServer;
  beforeEach(async () => (t = await startDirectLine()));
  afterEach(async () => t.close());

  it('gives a token, starts the conversation with the page locale, and the bot greets', async () => {
    const generated = await call(`${t.base}/tokens/generate`, { method: 'POST', body: { locale: 'nn-NO' } });
    assert.equal(generated.status, 200);
    assert.equal(typeof generated.body.conversationId, 'string');
    assert.equal(generated.body.expires_in, 1800);
    assert.equal(generated.headers.get('cache-control'), 'no-store');

    const started = await call(`${t.base}/conversations`, { method: 'POST', token: generated.body.token as string });
    assert.equal(started.status, 201);
    assert.equal(started.body.conversationId, generated.body.conversationId);
    assert.match(started.body.streamUrl as string, /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[\w-]+\/stream\?t=/);

    const log = await call(`${t.base}/conversations/${String(started.body.conversationId)}/activities`, { token: started.body.token as string });
    assert.equal(log.status, 200);
    assert.deepEqual(activitiesOf(log.body).map((a) => a.text), ['Hei! (nn-NO)']);
    assert.equal(log.body.watermark, '1');
  });

  it('greets only once when the page starts the same conversation twice', async () => {
    const c = await startConversation(t.base);
    const again = await call(`${t.base}/conversations`, { method: 'POST', token: c.token });
    assert.equal(again.status, 200);
    const log = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    assert.equal(activitiesOf(log.body).length, 1);
  });

  it('echoes the message with the user id from the token, runs the turn, and pages by watermark', async () => {
    const c = await startConversation(t.base, 'nb-NO');
    const first = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    const posted = await call(`${t.base}/conversations/${c.conversationId}/activities`, {
      method: 'POST',
      token: c.token,
      body: { type: 'message', text: 'hei', from: { id: 'someone-else', role: 'user' }, channelData: { clientActivityID: 'c-1' }, id: 'forged' },
    });
    assert.equal(posted.status, 200);
    assert.equal(posted.body.id, `${c.conversationId}|0000002`);

    const newer = await call(`${t.base}/conversations/${c.conversationId}/activities?watermark=${String(first.body.watermark)}`, { token: c.token });
    const [echo, reply] = activitiesOf(newer.body);
    assert.equal(activitiesOf(newer.body).length, 2);
    assert.equal(echo?.id, posted.body.id);
    assert.equal(echo?.text, 'hei');
    assert.equal(echo?.channelData?.clientActivityID, 'c-1');
    assert.match(echo?.from.id ?? '', /^dl_/);
    assert.equal(echo?.from.role, 'user');
    assert.equal(reply?.text, `Du skrev: hei (from ${echo?.from.id})`);
    assert.equal(reply?.id, `${c.conversationId}|0000003`);
    assert.equal(reply?.from.role, 'bot');
    assert.equal(new Date(reply?.timestamp ?? '').toISOString(), reply?.timestamp);
    assert.equal(newer.body.watermark, '3');

    const nothingNew = await call(`${t.base}/conversations/${c.conversationId}/activities?watermark=3`, { token: c.token });
    assert.deepEqual(nothingNew.body, { activities: [], watermark: '3' });
  });

  it('reconnect (GET conversation) returns a streamUrl that carries the watermark', async () => {
    const c = await startConversation(t.base);
    const again = await call(`${t.base}/conversations/${c.conversationId}?watermark=1`, { token: c.token });
    assert.equal(again.status, 200);
    assert.equal(again.body.conversationId, c.conversationId);
    assert.match(again.body.streamUrl as string, /\/stream\?watermark=1&t=/);
  });

  it('refreshes a token: the new one works on the same conversation', async () => {
    const c = await startConversation(t.base);
    const refreshed = await call(`${t.base}/tokens/refresh`, { method: 'POST', token: c.token });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.conversationId, c.conversationId);
    const log = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: refreshed.body.token as string });
    assert.equal(log.status, 200);
  });

  it('a failing turn still answers the post with the id and no stack trace; the error is logged without text', async () => {
    const c = await startConversation(t.base);
    const posted = await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'crash' } });
    assert.equal(posted.status, 200);
    assert.deepEqual(Object.keys(posted.body), ['id']);
    assert.equal(t.errors.length, 1);
    assert.doesNotMatch(JSON.stringify(t.errors), /crash|fell over/);
  });

  it('passes the language event to the bot', async () => {
    const c = await startConversation(t.base);
    await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'event', name: 'veiviser/language', value: 'nn' } });
    const log = await call(`${t.base}/conversations/${c.conversationId}/activities?watermark=1`, { token: c.token });
    assert.ok(activitiesOf(log.body).some((a) => a.text === 'language:nn'));
  });

  it('answers upload with 501 JSON', async () => {
    const c = await startConversation(t.base);
    const res = await call(`${t.base}/conversations/${c.conversationId}/upload`, { method: 'POST', token: c.token });
    assert.equal(res.status, 501);
    assert.equal((res.body.error as { code: string }).code, 'NotImplemented');
  });
});

describe('local Direct Line refuses what it should', () => {
  let t: TestServer;
  let now: number;
  beforeEach(async () => {
    now = Date.parse('2026-03-02T10:00:00Z');
    t = await startDirectLine({ clock: () => new Date(now), rateLimit: { capacity: 3, refillPerSecond: 0.1 } });
  });
  afterEach(async () => t.close());

  const routes = (id: string) => [
    { method: 'GET', url: `/conversations/${id}` },
    { method: 'GET', url: `/conversations/${id}/activities` },
    { method: 'POST', url: `/conversations/${id}/activities`, body: { type: 'message', text: 'hei' } },
    { method: 'POST', url: `/conversations/${id}/upload` },
  ];

  it('403 JSON without a token, with a forged token, and with a token for another conversation', async () => {
    const mine = await startConversation(t.base);
    const other = await startConversation(t.base);
    const [, payload] = mine.token.split('.');
    const forged = `${mine.token.split('.')[0]}.${payload}.${'A'.repeat(43)}`;
    for (const route of routes(mine.conversationId)) {
      for (const token of [undefined, 'not-a-token', forged, other.token]) {
        const res = await call(`${t.base}${route.url}`, { method: route.method, token, body: route.body });
        assert.equal(res.status, 403, `${route.method} ${route.url} with ${token ? token.slice(0, 8) : 'no token'}`);
        assert.equal(typeof (res.body.error as { code?: unknown }).code, 'string');
      }
    }
    for (const token of [undefined, forged]) {
      assert.equal((await call(`${t.base}/conversations`, { method: 'POST', token })).status, 403);
      assert.equal((await call(`${t.base}/tokens/refresh`, { method: 'POST', token })).status, 403);
    }
  });

  it('403 with an expired token; a refreshed one lives on', async () => {
    const c = await startConversation(t.base);
    now += 20 * 60_000;
    const refreshed = await call(`${t.base}/tokens/refresh`, { method: 'POST', token: c.token });
    assert.equal(refreshed.status, 200);
    now += 15 * 60_000; // 35 minutes after the first token, 15 after the refresh
    const expired = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    assert.equal(expired.status, 403);
    assert.equal((expired.body.error as { code: string }).code, 'TokenExpired');
    assert.equal((await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: refreshed.body.token as string })).status, 200);
  });

  it('a page left alone for hours resumes its conversation by refreshing its expired token, but not after 12 hours', async () => {
    const c = await startConversation(t.base);
    now += 3 * 60 * 60_000;
    const resumed = await call(`${t.base}/tokens/refresh`, { method: 'POST', token: c.token });
    assert.equal(resumed.status, 200);
    assert.equal(resumed.body.conversationId, c.conversationId);
    assert.equal((await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: resumed.body.token as string })).status, 200);
    now += 13 * 60 * 60_000;
    const tooLate = await call(`${t.base}/tokens/refresh`, { method: 'POST', token: resumed.body.token as string });
    assert.equal(tooLate.status, 403);
    assert.equal((tooLate.body.error as { code: string }).code, 'TokenExpired');
  });

  it('404 JSON once the conversation is deleted, even with a valid token', async () => {
    const c = await startConversation(t.base);
    await t.dl.deleteConversation(c.conversationId);
    const res = await call(`${t.base}/conversations/${c.conversationId}/activities`, { token: c.token });
    assert.equal(res.status, 404);
    assert.equal((await call(`${t.base}/tokens/refresh`, { method: 'POST', token: c.token })).status, 404);
  });

  it('413 JSON for a body over 64 kB', async () => {
    const c = await startConversation(t.base);
    const res = await call(`${t.base}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'message', text: 'x'.repeat(70_000) } });
    assert.equal(res.status, 413);
    assert.equal((res.body.error as { code: string }).code, 'MessageSizeTooBig');
  });

  it('400 JSON for malformed JSON, a bad activity and a bad locale, with no stack trace', async () => {
    const c = await startConversation(t.base);
    const url = `${t.base}/conversations/${c.conversationId}/activities`;
    const malformed = await call(url, { method: 'POST', token: c.token, rawBody: '{"type": "message", "text": ' });
    assert.equal(malformed.status, 400);
    assert.doesNotMatch(JSON.stringify(malformed.body), /at \w+ \(|node_modules|SyntaxError/);
    assert.equal((await call(url, { method: 'POST', token: c.token, body: { type: 'invoke' } })).status, 400);
    assert.equal((await call(url, { method: 'POST', token: c.token, body: { type: 'message', text: 42 } })).status, 400);
    assert.equal((await call(url, { method: 'POST', token: c.token, body: ['message'] })).status, 400);
    const badLocale = await call(`${t.base}/tokens/generate`, { method: 'POST', body: { locale: '<script>' } });
    assert.equal(badLocale.status, 400);
  });

  it('429 JSON with Retry-After when one address creates too many conversations, and lets it in again later', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await call(`${t.base}/tokens/generate`, { method: 'POST' })).status, 200);
    const limited = await call(`${t.base}/tokens/generate`, { method: 'POST' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '10');
    assert.equal((limited.body.error as { code: string }).code, 'TooManyRequests');
    now += 10_000;
    assert.equal((await call(`${t.base}/tokens/generate`, { method: 'POST' })).status, 200);
  });

  it('404 JSON for an unknown Direct Line path', async () => {
    const res = await call(`${t.base}/nothing-here`);
    assert.equal(res.status, 404);
    assert.equal((res.body.error as { code: string }).code, 'NotFound');
  });
});

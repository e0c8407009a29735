import assert from 'node:assert/strict';
import { t } from '../../dialogs/i18n.js';
import { call, startConversation, type ActivityJson } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

async function botTextsAfter(base: string, conversationId: string, token: string, watermark?: string): Promise<{ texts: string[]; watermark: string }> {
  const url = `${base}/conversations/${conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`;
  const reply = await call(url, { token });
  assert.equal(reply.status, 200);
  const activities = reply.body.activities as ActivityJson[];
  return { texts: activities.filter((a) => a.type === 'message' && a.from.role === 'bot').map((a) => a.text ?? ''), watermark: String(reply.body.watermark) };
}

/** Sends a message and returns the bot's answers to it (POST returns when the turn is done). */
async function send(server: RealServer, conversationId: string, token: string, text: string, watermark: string) {
  const posted = await call(`${server.directLineBase}/conversations/${conversationId}/activities`, {
    method: 'POST',
    token,
    body: { type: 'message', text, from: { id: 'someone-else' }, locale: 'nb-NO' },
  });
  assert.equal(posted.status, 200);
  return botTextsAfter(server.directLineBase, conversationId, token, watermark);
}

describe('the whole bot over the local Direct Line', () => {
  let server: RealServer;
  before(async () => {
    server = await startRealServer();
  });
  after(async () => {
    await server.close();
  });

  it('answers /healthz', async () => {
    assert.deepEqual((await call(`${server.url}/healthz`)).body, { status: 'ok' });
  });

  it('greets a new conversation in the language the page asked for', async () => {
    const started = await startConversation(server.directLineBase, 'nn-NO');
    const { texts } = await botTextsAfter(server.directLineBase, started.conversationId, started.token);
    assert.ok(texts.includes(t('nn', 'welcome.hello')), 'nynorsk greeting');
  });

  it('answers a typed message, and an over-long one kindly without losing the conversation', async () => {
    const started = await startConversation(server.directLineBase, 'nb-NO');
    let { watermark } = await botTextsAfter(server.directLineBase, started.conversationId, started.token);
    const help = await send(server, started.conversationId, started.token, 'hjelp', watermark);
    assert.deepEqual(help.texts, [t('nb', 'help.text')]);
    watermark = help.watermark;
    const long = await send(server, started.conversationId, started.token, 'x'.repeat(3000), watermark);
    assert.deepEqual(long.texts, [t('nb', 'errors.tooLong', { max: 2000 })]);
    const again = await send(server, started.conversationId, started.token, 'hjelp', long.watermark);
    assert.deepEqual(again.texts, [t('nb', 'help.text')]);
  });

  it('refuses a message without a token bound to that conversation', async () => {
    const a = await startConversation(server.directLineBase, 'nb-NO');
    const b = await startConversation(server.directLineBase, 'nb-NO');
    const wrong = await call(`${server.directLineBase}/conversations/${a.conversationId}/activities`, {
      method: 'POST',
      token: b.token,
      body: { type: 'message', text: 'hei' },
    });
    assert.equal(wrong.status, 403);
    const none = await call(`${server.directLineBase}/conversations/${a.conversationId}/activities`, { method: 'POST', body: { type: 'message', text: 'hei' } });
    assert.equal(none.status, 403);
  });

  it('removes an identity number before the bot or the activity log sees it', async () => {
    const started = await startConversation(server.directLineBase, 'nb-NO');
    const { watermark } = await botTextsAfter(server.directLineBase, started.conversationId, started.token);
    await send(server, started.conversationId, started.token, 'fødselsnummeret mitt er 13097248022', watermark);
    const log = await call(`${server.directLineBase}/conversations/${started.conversationId}/activities`, { token: started.token });
    assert.ok(!JSON.stringify(log.body).includes('13097248022'));
  });

  it('answers unknown paths with JSON 404 and security headers, never a stack trace', async () => {
    const res = await fetch(`${server.url}/no/such/page`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('content-security-policy'));
    assert.ok(!(await res.text()).includes('at '));
  });
});

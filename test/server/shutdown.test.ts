import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { composeParts } from '../../bot/compose.js';
import { loadConfig } from '../../bot/config.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { call, startConversation } from '../directline/harness.js';

async function start(env: Record<string, string>, turnLogic?: (ctx: TurnContext) => Promise<void>): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'veiviser-shutdown-')), VEILEDER_TOKEN: 'shutdown-test-token-0000', ...env });
  const log = pino({ level: 'silent' });
  return startServer(config, { ...(await composeParts(config, { log })), log, turnLogic });
}

describe('server life cycle', () => {
  it('finishes a turn in flight before it stops, and then refuses new connections', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const server = await start({}, async (ctx) => {
      if (ctx.activity.type !== 'message') return;
      await slow;
      await ctx.sendActivity('done after all');
    });
    const base = `${server.url}/v3/directline`;
    const { conversationId, token } = await startConversation(base);
    const posting = call(`${base}/conversations/${conversationId}/activities`, { method: 'POST', token, body: { type: 'message', text: 'hei' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(server.directLine.inFlight(), 1);
    const closing = server.close(5000);
    setTimeout(release, 200);
    assert.equal((await posting).status, 200, 'the user\'s message was answered, not dropped');
    await closing;
    assert.equal(server.directLine.inFlight(), 0);
    await assert.rejects(fetch(`${server.url}/healthz`));
  });

  it('has no /api/messages without Bot Framework credentials', async () => {
    const server = await start({});
    try {
      assert.equal((await call(`${server.url}/api/messages`, { method: 'POST', body: { type: 'message' } })).status, 404);
    } finally {
      await server.close();
    }
  });

  it('with credentials, /api/messages refuses a request that Bot Framework did not sign', async () => {
    const server = await start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', PUBLIC_BASE_URL: 'https://veiviser.example' });
    try {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hei', channelId: 'msteams', serviceUrl: 'https://example.invalid/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }),
      });
      assert.ok(!(await res.text()).includes(' at '), 'no stack trace');
      assert.equal(res.status, 401);
    } finally {
      await server.close();
    }
  });

  it('stops with a one-line reason on a bad setting', () => {
    assert.throws(() => loadConfig({ OPENING_HOURS: 'sometimes' }), /OPENING_HOURS must be "data" or "always"/);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a whole number/);
    assert.throws(() => loadConfig({ RETENTION_DAYS: '0' }), /RETENTION_DAYS must be between 1 and 3650/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres/);
    assert.throws(() => loadConfig({ MicrosoftAppId: 'abc' }), /MicrosoftAppPassword is not/);
    assert.throws(() => loadConfig({ VEILEDER_TOKEN: 'short' }), /at least 16 characters/);
  });
});

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { call, openStream, startConversation, type ActivityJson } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { dropSchema, PG_URL, requirePostgres } from './backends.js';

/**
 * Two instances of the whole bot on one PostgreSQL database: a conversation started on one can be
 * continued on the other, and replies reach a web page connected to either.
 */
describe('two instances of the bot on one PostgreSQL database', function () {
  this.timeout(60000);
  const schema = uniqueSchemaName();
  let a: RealServer | undefined;
  let b: RealServer | undefined;

  before(async function () {
    await requirePostgres(this);
    const env = { DATABASE_URL: `${PG_URL}?schema=${schema}` };
    a = await startRealServer(env);
    b = await startRealServer(env);
  });
  after(async () => {
    for (const server of [a, b]) {
      if (!server) continue;
      await server.close();
      await rm(server.dataDir, { recursive: true, force: true });
    }
    await dropSchema(schema).catch(() => undefined);
  });

  it('serves one conversation from either instance, live on the other instance\'s stream', async () => {
    const { conversationId, token, streamUrl } = await startConversation(a!.directLineBase, 'nb-NO');
    const stream = await openStream(streamUrl);
    try {
      await stream.waitFor((x) => x.text === t('nb', 'welcome.hello'), 10000);
      const posted = await call(`${b!.directLineBase}/conversations/${conversationId}/activities`, {
        method: 'POST',
        token,
        body: { type: 'message', text: 'hjelp', from: { id: 'x' }, locale: 'nb-NO' },
      });
      assert.equal(posted.status, 200, 'instance B accepts a token instance A gave out');
      await stream.waitFor((x) => x.from.role === 'bot' && x.text === t('nb', 'help.text'), 10000);

      const onA = await call(`${a!.directLineBase}/conversations/${conversationId}/activities`, { token });
      const texts = (onA.body.activities as ActivityJson[]).map((x) => x.text);
      assert.ok(texts.includes('hjelp') && texts.includes(t('nb', 'help.text')), 'instance A has the whole log');
    } finally {
      stream.close();
    }
  });
});

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { dropSchema, PG_URL, requirePostgres } from '../storage/backends.js';
import { call, startConversation, type ActivityJson } from '../directline/harness.js';
import { everythingStored as storedBy } from '../helpers/everythingStored.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const FNR = '15038512363';
const PHONE = '912 34 567';
const STORY = 'Husleia mi er ikke betalt';

function nothingLeaked(backend: 'lowdb' | 'postgres') {
  let server: RealServer;
  const schema = uniqueSchemaName();
  const everythingStored = () => storedBy(server.dataDir, backend === 'postgres' ? schema : undefined);
  before(async function () {
    if (backend === 'postgres') await requirePostgres(this);
    server = await startRealServer(backend === 'postgres' ? { DATABASE_URL: `${PG_URL}?schema=${schema}` } : {});
  });
  after(async () => {
    if (!server) return;
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
    if (backend === 'postgres') await dropSchema(schema).catch(() => undefined);
  });

  async function activities(conversationId: string, token: string, watermark?: string) {
    const reply = await call(`${server.directLineBase}/conversations/${conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`, { token });
    assert.equal(
      reply.status,
      200,
      'the chat must go on after "slett samtalen": the Direct Line session has to survive the deletion ' +
        '(records.deleteConversation empties its log and keeps the session; an alsoErase that deletes the session ends the chat)',
    );
    return { list: reply.body.activities as ActivityJson[], watermark: String(reply.body.watermark) };
  }

  async function send(conversationId: string, token: string, text: string, watermark: string) {
    const posted = await call(`${server.directLineBase}/conversations/${conversationId}/activities`, {
      method: 'POST',
      token,
      body: { type: 'message', text, from: { id: 'x' }, locale: 'nb-NO' },
    });
    assert.equal(posted.status, 200);
    const after = await activities(conversationId, token, watermark);
    return { texts: after.list.filter((a) => a.from.role === 'bot').map((a) => a.text ?? ''), watermark: after.watermark };
  }

  it('never stores an identity number or phone number, and deletes the story on request', async () => {
    const { conversationId, token } = await startConversation(server.directLineBase, 'nb-NO');
    let { watermark } = await activities(conversationId, token);
    const first = await send(conversationId, token, `${STORY}. Fødselsnummeret mitt er ${FNR}, ring meg på ${PHONE}`, watermark);
    watermark = first.watermark;
    assert.ok(first.texts.includes(t('nb', 'privacy:notice.redacted')), 'the user is told why, once');

    const disk = await everythingStored();
    assert.ok(disk.includes('Husleia'), 'the conversation itself is kept (so the test can see where it is stored)');
    assert.ok(!disk.includes(FNR) && !disk.includes(PHONE), 'no identity or phone number stored');

    const question = await send(conversationId, token, 'slett samtalen', watermark);
    assert.ok(question.texts.some((x) => x.startsWith(t('nb', 'privacy:delete.confirm'))), `asked first, got ${JSON.stringify(question.texts)}`);
    const done = await send(conversationId, token, 'ja', question.watermark);
    assert.ok(done.texts.includes(t('nb', 'privacy:delete.done')), `confirmed, got ${JSON.stringify(done.texts)}`);

    const afterwards = await everythingStored();
    assert.ok(!afterwards.includes('Husleia'), 'the story is gone from everything stored');
    const log = await activities(conversationId, token);
    assert.ok(!log.list.some((a) => (a.text ?? '').includes('Husleia')), 'and from the chat log the page reloads');

    // The chat goes on in the same window.
    const again = await send(conversationId, token, 'hjelp', done.watermark);
    assert.deepEqual(again.texts, [t('nb', 'help.text')]);
  });
}

describe('nothing leaked, nothing kept after deletion (the whole bot over HTTP)', function () {
  this.timeout(30000);
  describe('lowdb', () => nothingLeaked('lowdb'));
  describe('PostgreSQL', () => nothingLeaked('postgres'));
});

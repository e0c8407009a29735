import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../dialogs/i18n.js';
import { call, startConversation, type ActivityJson } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const FNR = '15038512363';
const PHONE = '912 34 567';
const STORY = 'Husleia mi er ikke betalt';

/** Every byte the bot has written to disk, as text. */
async function everythingOnDisk(dir: string): Promise<string> {
  let all = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) all += await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return all;
}

describe('nothing leaked, nothing kept after deletion (the whole bot over HTTP, lowdb)', function () {
  this.timeout(30000);
  let server: RealServer;
  before(async () => {
    server = await startRealServer();
  });
  after(async () => {
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
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

  it('never writes an identity number or phone number to disk, and deletes the story on request', async () => {
    const { conversationId, token } = await startConversation(server.directLineBase, 'nb-NO');
    let { watermark } = await activities(conversationId, token);
    const first = await send(conversationId, token, `${STORY}. Fødselsnummeret mitt er ${FNR}, ring meg på ${PHONE}`, watermark);
    watermark = first.watermark;
    assert.ok(first.texts.includes(t('nb', 'privacy:notice.redacted')), 'the user is told why, once');

    const disk = await everythingOnDisk(server.dataDir);
    assert.ok(disk.includes('Husleia'), 'the conversation itself is kept (so the test can see the files)');
    assert.ok(!disk.includes(FNR) && !disk.includes(PHONE), 'no identity or phone number on disk');

    const question = await send(conversationId, token, 'slett samtalen', watermark);
    assert.ok(question.texts.some((x) => x.startsWith(t('nb', 'privacy:delete.confirm'))), `asked first, got ${JSON.stringify(question.texts)}`);
    const done = await send(conversationId, token, 'ja', question.watermark);
    assert.ok(done.texts.includes(t('nb', 'privacy:delete.done')), `confirmed, got ${JSON.stringify(done.texts)}`);

    const afterwards = await everythingOnDisk(server.dataDir);
    assert.ok(!afterwards.includes('Husleia'), 'the story is gone from every file');
    const log = await activities(conversationId, token);
    assert.ok(!log.list.some((a) => (a.text ?? '').includes('Husleia')), 'and from the chat log the page reloads');

    // The chat goes on in the same window.
    const again = await send(conversationId, token, 'hjelp', done.watermark);
    assert.deepEqual(again.texts, [t('nb', 'help.text')]);
  });
});

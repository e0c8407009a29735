import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { MAX_MESSAGE_CHARS } from '../../dialogs/root/types.js';
import { dropSchema, PG_URL, requirePostgres } from '../storage/backends.js';
import { everythingStored } from '../helpers/everythingStored.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { Citizen, texts, type HandoffServer } from '../handoff/harness.js';

/** A message of `length` characters that starts with `marker`, made of words a search can find. */
function message(marker: string, length: number): string {
  return `${marker} ${'husleie og strøm '.repeat(Math.ceil(length / 17))}`.slice(0, length);
}

function overLong(backend: 'lowdb' | 'postgres') {
  let server: RealServer;
  const schema = uniqueSchemaName();
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

  it('keeps nothing of a message over the limit (2 001 and 10 000 characters), as the bot says, and keeps one at the limit', async () => {
    const citizen = await Citizen.start({ running: server } as unknown as HandoffServer, 'nb-NO');
    const atLimit = await citizen.say(message('Tekstpaagrensen', MAX_MESSAGE_CHARS));
    assert.ok(!texts(atLimit).includes(t('nb', 'errors.tooLong', { max: MAX_MESSAGE_CHARS })));
    for (const [marker, length] of [['Forlangtekst', MAX_MESSAGE_CHARS + 1], ['Megetlangtekst', 10_000]] as const) {
      const replies = await citizen.say(message(marker, length));
      assert.deepEqual(texts(replies), [t('nb', 'errors.tooLong', { max: MAX_MESSAGE_CHARS })], 'the bot says it was not stored');
    }
    const stored = await everythingStored(server.dataDir, backend === 'postgres' ? schema : undefined);
    assert.ok(stored.includes('Tekstpaagrensen'), 'a message at the limit is kept (the search sees what is stored)');
    assert.ok(!stored.includes('Forlangtekst') && !stored.includes('Megetlangtekst'), 'nothing of the over-long messages is stored');
    assert.ok(stored.includes(t('nb', 'privacy:placeholder.tooLong')), 'the chat log shows where the message was');
  });
}

describe('over-long messages are not stored (real server)', function () {
  this.timeout(30_000);
  describe('lowdb', () => overLong('lowdb'));
  describe('PostgreSQL', () => overLong('postgres'));
});

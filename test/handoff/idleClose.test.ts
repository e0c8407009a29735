import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { dropSchema, PG_URL, requirePostgres } from '../storage/backends.js';
import { everythingStored } from '../helpers/everythingStored.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { Citizen, http, type HandoffServer } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;
const REQUEST = 'Jeg trenger hjelp med husleia denne måneden';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      assert.ok(done(value), `${what}: ${JSON.stringify(value).slice(0, 300)}`);
      return value;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function idleClose(backend: 'lowdb' | 'postgres') {
  const schema = uniqueSchemaName();
  let dataDir = '';
  let now = new Date('2026-03-02T10:00:00Z').getTime();
  let server: RealServer | undefined;
  const clock = () => new Date(now);
  /** The server as it starts after a restart at the moved clock (sweeps run at start-up). */
  const restart = async () => {
    await server?.close();
    server = await startRealServer({ DATA_DIR: dataDir, HANDOFF_IDLE_DAYS: '7', RETENTION_DAYS: '30', ...(backend === 'postgres' ? { DATABASE_URL: `${PG_URL}?schema=${schema}` } : {}) }, {}, { clock });
    return server;
  };

  before(async function () {
    if (backend === 'postgres') await requirePostgres(this);
    dataDir = await mkdtemp(join(tmpdir(), 'veiviser-idle-'));
  });
  after(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
    if (backend === 'postgres') await dropSchema(schema).catch(() => undefined);
  });

  it('closes an accepted handoff after 7 days without a message, tells both sides, and deletes it 30 days later', async () => {
    let s = await restart();
    const auth = { token: s.veilederToken, headers: { 'X-Veileder-Ident': 'Z990001' } };
    await http(`${s.url}/api/handoffs?state=queued`, auth);
    const citizen = await Citizen.start({ running: s } as unknown as HandoffServer, 'nn-NO');
    await citizen.say('snakk med ein rettleiar');
    await citizen.say(REQUEST);
    await citizen.say('ja');
    const id = ((await http(`${s.url}/api/handoffs?state=queued`, auth)).body.handoffs as Array<{ id: string }>)[0]!.id;
    assert.equal((await http(`${s.url}/api/handoffs/${id}/accept`, { ...auth, method: 'POST' })).status, 200);
    now += 2 * DAY;
    assert.equal((await http(`${s.url}/api/handoffs/${id}/messages`, { ...auth, method: 'POST', body: { text: 'Hei, eg ser på saka.' } })).status, 201);

    // Six days after the last message: still open.
    now += 6 * DAY;
    s = await restart();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await http(`${s.url}/api/handoffs/${id}`, auth)).body.state, 'accepted');

    // Seven days and a minute: closed by the system, both sides told.
    now += DAY + 60_000;
    s = await restart();
    const closed = await until(() => http(`${s.url}/api/handoffs/${id}`, auth), (r) => r.body.state === 'closed', 'closed');
    const history = closed.body.history as Array<{ state: string; by: string }>;
    assert.deepEqual(history.at(-1), { ...history.at(-1), state: 'closed', by: 'system' });
    const log = (await http(`${s.url}/api/handoffs/${id}/messages?after=0`, auth)).body.messages as Array<{ from: string; text: string }>;
    assert.equal(log.at(-1)?.text, t('nb', 'handoff:relay.idleClosedVeileder', { days: 7 }), 'the veileder sees why');
    const chat = await s.directLine.store.activitiesAfter(citizen.conversationId);
    assert.equal(chat.activities.at(-1)?.activity.text, t('nn', 'handoff:relay.idleClosed', { days: 7 }), 'the citizen is told, in their language');
    assert.ok((await everythingStored(dataDir, backend === 'postgres' ? schema : undefined)).includes(REQUEST), 'kept until it expires');

    // RETENTION_DAYS after the close: gone, like any closed handoff.
    now += 31 * DAY;
    s = await restart();
    await until(() => http(`${s.url}/api/handoffs/${id}`, auth), (r) => r.status === 404, 'deleted');
    await until(() => everythingStored(dataDir, backend === 'postgres' ? schema : undefined), (all) => !all.includes(REQUEST), 'nothing of it is left');
  });
}

describe('retention of a handoff a veileder took and nobody closed (real server, moved clock)', function () {
  this.timeout(60_000);
  describe('lowdb', () => idleClose('lowdb'));
  describe('PostgreSQL', () => idleClose('postgres'));
});

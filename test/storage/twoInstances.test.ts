import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { call, openStream, startConversation, type ActivityJson } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import pg from 'pg';
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

  it('a reply published while the LISTEN connections were down still reaches the open page', async () => {
    const { conversationId, token, streamUrl } = await startConversation(a!.directLineBase, 'nb-NO');
    const stream = await openStream(streamUrl);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await stream.waitFor((x) => x.text === t('nb', 'welcome.hello'), 10000);
      // Both instances' notification connections drop; they come back after about a second.
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${schema}_events"`]);
      assert.equal(killed.rowCount, 2, 'one LISTEN connection per instance');
      const posted = await call(`${b!.directLineBase}/conversations/${conversationId}/activities`, {
        method: 'POST',
        token,
        body: { type: 'message', text: 'hjelp', from: { id: 'x' }, locale: 'nb-NO' },
      });
      assert.equal(posted.status, 200);
      const reply = await stream.waitFor((x) => x.from.role === 'bot' && x.text === t('nb', 'help.text'), 10000);
      assert.ok(reply, 'the reply came, from the log, once the connection was back');
      assert.equal(stream.texts().filter((text) => text === t('nb', 'help.text')).length, 1, 'and only once');
    } finally {
      stream.close();
      await admin.end();
    }
  });

  async function veileder(server: RealServer, path: string, init: { method?: string; body?: unknown } = {}) {
    return call(`${server.url}/api/handoffs${path}`, { ...init, token: server.veilederToken });
  }

  /** A citizen on `server` who has sent a handoff with this request; returns its id and stream. */
  async function queuedCitizen(server: RealServer, request: string) {
    const { conversationId, token, streamUrl } = await startConversation(server.directLineBase, 'nb-NO');
    const say = (text: string) =>
      call(`${server.directLineBase}/conversations/${conversationId}/activities`, { method: 'POST', token, body: { type: 'message', text, locale: 'nb-NO' } });
    for (const text of [t('nb', 'menu.human'), request, t('nb', 'handoff:consent.buttons.send')]) assert.equal((await say(text)).status, 200);
    const listed = await veileder(server, '?state=queued');
    const found = (listed.body.handoffs as Array<{ id: string; request: string }>).find((h) => h.request === request);
    assert.ok(found, 'the handoff is in the queue');
    return { id: found.id, streamUrl, say };
  }

  it('a citizen on one instance and a veileder on the other talk live, both ways', async () => {
    // The veileder is signed in on B only; A must still queue the citizen for a veileder.
    await veileder(b!, '');
    // The schema is fresh per run, so the request needs no run marker; a random hex marker could
    // hold eight digits in a row, which redaction rightly takes for a phone number.
    const request = 'Jeg trenger hjelp med husleia';
    const citizen = await queuedCitizen(a!, request);
    const stream = await openStream(citizen.streamUrl);
    try {
      assert.equal((await veileder(b!, `/${citizen.id}/accept`, { method: 'POST' })).status, 200);
      assert.equal((await veileder(b!, `/${citizen.id}/messages`, { method: 'POST', body: { text: 'Hei, jeg heter Kari og er veileder.' } })).status, 201);
      await stream.waitFor((x) => (x.text ?? '').includes('Hei, jeg heter Kari og er veileder.'), 10000);

      assert.equal((await citizen.say('Takk, jeg er her')).status, 200);
      const log = await veileder(b!, `/${citizen.id}/messages?after=0`);
      const fromUser = (log.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
      assert.ok(fromUser.includes('Takk, jeg er her'), 'the veileder on the other instance reads the citizen\'s message');
    } finally {
      stream.close();
      await veileder(b!, `/${citizen.id}/close`, { method: 'POST' });
    }
  });

  it('two veiledere on two instances take the same handoff at once: exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const { id } = await queuedCitizen(a!, `Hjelp til å finne jobb, runde ${round}`);
      const [first, second] = await Promise.all([veileder(a!, `/${id}/accept`, { method: 'POST' }), veileder(b!, `/${id}/accept`, { method: 'POST' })]);
      assert.deepEqual([first.status, second.status].sort(), [200, 409], `round ${round}`);
      await veileder(a!, `/${id}/close`, { method: 'POST' });
    }
  });
});

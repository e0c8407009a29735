import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { cutText, wellFormed } from '../../core/wellFormed.js';
import { t } from '../../dialogs/i18n.js';
import { dropSchema, PG_URL, requirePostgres } from '../storage/backends.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { Citizen, http, texts, type HandoffServer } from '../handoff/harness.js';

const HALF_EMOJI = '\uD83D';
const EMOJI = '\uD83D\uDE00';

describe('text with half an emoji in it', () => {
  it('a lone surrogate becomes the replacement character; whole emoji stay', () => {
    assert.equal(wellFormed(`hei ${HALF_EMOJI} du`), 'hei \uFFFD du');
    assert.equal(wellFormed('\uDE00 først'), '\uFFFD først');
    assert.equal(wellFormed(`takk ${EMOJI}`), `takk ${EMOJI}`);
  });

  it('is cut between code points: an emoji at the limit goes whole, never in half', () => {
    const name = `${'a'.repeat(59)}${EMOJI}`;
    assert.equal(cutText(name, 60), 'a'.repeat(59));
    assert.equal(cutText(name, 61), name);
    assert.equal(cutText('kort', 60), 'kort');
  });

  function onBackend(backend: 'lowdb' | 'postgres') {
    const schema = uniqueSchemaName();
    let dataDir = '';
    let server: RealServer;
    before(async function () {
      if (backend === 'postgres') await requirePostgres(this);
      dataDir = await mkdtemp(join(tmpdir(), 'veiviser-wellformed-'));
      server = await startRealServer({ DATA_DIR: dataDir, ...(backend === 'postgres' ? { DATABASE_URL: `${PG_URL}?schema=${schema}` } : {}) });
    });
    after(async () => {
      await server?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (backend === 'postgres') await dropSchema(schema).catch(() => undefined);
    });

    it('a citizen message and a veileder name with a broken emoji are kept, answered and accepted', async () => {
      const auth = { token: server.veilederToken, headers: { 'X-Veileder-Ident': 'Z990001', 'X-Veileder-Name': encodeURIComponent(`${'V'.repeat(59)}${EMOJI}`) } };
      await http(`${server.url}/api/handoffs?state=queued`, auth); // a veileder is on duty
      const citizen = await Citizen.start({ running: server } as unknown as HandoffServer, 'nb-NO');
      assert.ok((await citizen.say(`hei ${HALF_EMOJI}`)).length > 0, 'the bot answers');
      await citizen.say(t('nb', 'menu.human'));
      await citizen.say(`Jeg trenger hjelp med husleia ${HALF_EMOJI}`);
      await citizen.say('ja');
      const queued = (await http(`${server.url}/api/handoffs?state=queued`, auth)).body.handoffs as Array<{ id: string; request?: string }>;
      assert.equal(queued.length, 1, 'the handoff is in the queue');
      const id = queued[0]!.id;
      const accepted = await http(`${server.url}/api/handoffs/${id}/accept`, { ...auth, method: 'POST' });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const sent = await http(`${server.url}/api/handoffs/${id}/messages`, { ...auth, method: 'POST', body: { text: `Hei ${HALF_EMOJI}` } });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      const handoff = (await http(`${server.url}/api/handoffs/${id}`, auth)).body;
      assert.ok(!JSON.stringify(handoff).includes('\\ud83d"'), 'no half emoji is stored');
      const seen = texts(await citizen.read()).join('\n');
      assert.ok(seen.includes('Hei \uFFFD'), 'the citizen gets the veileder message');
    });
  }

  describe('lowdb', () => onBackend('lowdb'));
  describe('PostgreSQL', () => onBackend('postgres'));
});

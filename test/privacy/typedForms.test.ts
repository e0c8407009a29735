import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { uniqueSchemaName } from '../../bot/storage/index.js';
import { dropSchema, PG_URL, requirePostgres } from '../storage/backends.js';
import { everythingStored } from '../helpers/everythingStored.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { Citizen, http, type HandoffServer } from '../handoff/harness.js';
import { searchable, secretOf, SENTENCES, TYPED_FORMS } from './typedForms.js';

const LOCALES = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;

function typedForms(backend: 'lowdb' | 'postgres') {
  let server: RealServer;
  const schema = uniqueSchemaName();
  before(async function () {
    if (backend === 'postgres') await requirePostgres(this);
    // Some 70 activities in one conversation at once: above the limit for a person (test/server/limits.test.ts).
    server = await startRealServer(backend === 'postgres' ? { DATABASE_URL: `${PG_URL}?schema=${schema}` } : {}, { conversationLimits: { burst: 500 } });
  });
  after(async () => {
    if (!server) return;
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
    if (backend === 'postgres') await dropSchema(schema).catch(() => undefined);
  });

  it('stores none of them, whether typed as a message, a card value or an event name, or sent by a veileder', async () => {
    const asServer = { running: server } as unknown as HandoffServer;
    const post = (citizen: Citizen, body: Record<string, unknown>) =>
      http(`${server.directLineBase}/conversations/${encodeURIComponent(citizen.conversationId)}/activities`, { method: 'POST', token: (citizen as unknown as { token: string }).token, body });
    for (const [lang, locale] of Object.entries(LOCALES) as Array<[keyof typeof LOCALES, string]>) {
      const citizen = await Citizen.start(asServer, locale);
      for (const form of TYPED_FORMS) {
        const sentence = SENTENCES[lang][form.kind](form.written);
        await citizen.say(sentence);
        assert.equal((await post(citizen, { type: 'message', value: { request: sentence, nested: [{ note: form.written }] }, locale })).status, 200);
        assert.equal((await post(citizen, { type: 'event', name: `veiviser/${form.written}`, value: form.written, locale })).status, 200);
      }
    }

    // A handoff: the citizen's request, the veileder's name and messages, the citizen's replies.
    const auth = { token: server.veilederToken, headers: { 'X-Veileder-Ident': 'Z990001', 'X-Veileder-Name': encodeURIComponent('Kari 45019012410') } };
    // The veileder has the page open, so the citizen is offered a live queue.
    await http(`${server.url}/api/handoffs?state=queued`, auth);
    const citizen = await Citizen.start(asServer, 'nb-NO');
    await citizen.say('snakk med et menneske');
    await citizen.say('Jeg trenger hjelp med husleia, ring 912-34-567');
    await citizen.say('ja');
    const queued = await http(`${server.url}/api/handoffs?state=queued`, auth);
    const id = (queued.body.handoffs as Array<{ id: string }>)[0]?.id;
    assert.ok(id, 'the handoff is queued');
    assert.equal((await http(`${server.url}/api/handoffs/${id}/accept`, { ...auth, method: 'POST' })).status, 200);
    for (const form of TYPED_FORMS) {
      assert.equal((await http(`${server.url}/api/handoffs/${id}/messages`, { ...auth, method: 'POST', body: { text: `Er dette ditt: ${form.written}?` } })).status, 201);
      await citizen.say(SENTENCES.nb[form.kind](form.written));
    }
    const seenByCitizen = JSON.stringify(await citizen.read());
    const log = await http(`${server.url}/api/handoffs/${id}/messages?after=0`, auth);
    assert.ok((log.body.messages as unknown[]).length >= TYPED_FORMS.length * 2, 'the messages went through');

    const stored = searchable(await everythingStored(server.dataDir, backend === 'postgres' ? schema : undefined));
    assert.ok(stored.includes('søknaden') && stored.includes('husleia'), 'the search sees what was stored');
    const found = TYPED_FORMS.filter((form) => stored.includes(secretOf(form))).map((f) => f.name);
    assert.deepEqual(found, [], 'stored somewhere');
    const shown = searchable(seenByCitizen + JSON.stringify(log.body));
    assert.deepEqual(TYPED_FORMS.filter((form) => shown.includes(secretOf(form))).map((f) => f.name), [], 'shown to the other side');
  });
}

describe('identity numbers, phone numbers and e-mail addresses however they are typed (real server)', function () {
  this.timeout(60_000);
  describe('lowdb', () => typedForms('lowdb'));
  describe('PostgreSQL', () => typedForms('postgres'));
});

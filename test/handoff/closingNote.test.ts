import assert from 'node:assert/strict';
import { Citizen, http, startHandoffServer, texts, VEILEDER_TOKEN, type HandoffServer } from './harness.js';

describe('closing a handoff with a note to the citizen (veileder API)', function () {
  this.timeout(30_000);
  let server: HandoffServer;
  let api: string;
  const auth = { token: VEILEDER_TOKEN };

  before(async () => {
    server = await startHandoffServer();
    api = `${server.running.url}/api/handoffs`;
  });
  after(async () => server?.close());

  async function accepted(request: string): Promise<{ citizen: Citizen; id: string }> {
    await http(api, auth); // a veileder is online
    const citizen = await Citizen.start(server);
    await citizen.say('snakk med et menneske');
    await citizen.say(request);
    await citizen.say('ja');
    const items = (await http(`${api}?state=queued`, auth)).body.handoffs as Array<{ id: string; request: string }>;
    const id = items.find((i) => i.request === request)!.id;
    assert.equal((await http(`${api}/${id}/accept`, { ...auth, method: 'POST' })).status, 200);
    await citizen.read();
    return { citizen, id };
  }

  it('sends the note as the veileder\'s last message, before the closed text, the copy and the menu', async () => {
    const { citizen, id } = await accepted('Trenger hjelp med søknaden');
    const closed = await http(`${api}/${id}/close`, { ...auth, method: 'POST', body: { note: '  Ring oss i morgen kl. 10.  ' } });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.state, 'closed');
    const seen = await citizen.read();
    assert.deepEqual(texts(seen).slice(0, 2), ['Veileder: Ring oss i morgen kl. 10.', 'Veilederen har avsluttet samtalen. Nå svarer chatroboten igjen. Du kan få en kopi av oppsummeringen og samtalen.']);
    assert.match(texts(seen)[2] ?? '', /\[Åpne kopien\]\(\/kopi\//);
    assert.ok(seen.at(-1)?.suggestedActions?.actions.length, 'then the menu');
    const log = (await http(`${api}/${id}/messages?after=0`, auth)).body.messages as Array<{ from: string; text: string }>;
    assert.ok(log.some((m) => m.from === 'veileder' && m.text === 'Ring oss i morgen kl. 10.'), 'the note is kept with the handoff');
  });

  it('closes without a note as before, and refuses a note that is not text', async () => {
    const { citizen, id } = await accepted('Lurer på KVP');
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST', body: { note: 42 } })).status, 400);
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST', body: { note: 'x'.repeat(5001) } })).status, 400);
    assert.equal((await http(`${api}/${id}`, auth)).body.state, 'accepted', 'nothing closed by a bad request');
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST' })).status, 200);
    assert.match(texts(await citizen.read())[0] ?? '', /^Veilederen har avsluttet samtalen/);
  });

  it('lists closed handoffs from a given time on, for the page\'s "closed today"', async () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    const { id } = await accepted('Lurer på dagpenger');
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST' })).status, 200);
    const since = async (at: string) =>
      ((await http(`${api}?state=queued,closed&closedSince=${encodeURIComponent(at)}`, auth)).body.handoffs as Array<{ id: string; updatedAt: string }>).map((h) => h.id);
    assert.ok((await since(before)).includes(id));
    assert.ok(!(await since(new Date(Date.now() + 60_000).toISOString())).includes(id));
    assert.equal((await http(`${api}?state=closed&closedSince=yesterday-ish`, auth)).status, 400);
  });

  it('does not send a note for a handoff that is already closed', async () => {
    const { citizen, id } = await accepted('Lurer på sosialhjelp');
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST' })).status, 200);
    await citizen.read();
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST', body: { note: 'En gang til' } })).status, 409);
    assert.deepEqual(texts(await citizen.read()), []);
  });
});

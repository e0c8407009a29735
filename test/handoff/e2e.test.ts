import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Citizen, http, startHandoffServer, texts, VEILEDER_TOKEN, type HandoffServer } from './harness.js';

describe('handoff end to end over real HTTP (web chat citizen ↔ veileder API)', function () {
  this.timeout(30_000);
  let server: HandoffServer;
  let api: string;
  const auth = { token: VEILEDER_TOKEN, headers: { 'X-Veileder-Ident': 'Z990001' } };

  before(async () => {
    server = await startHandoffServer();
    api = `${server.running.url}/api/handoffs`;
  });
  after(async () => server?.close());

  it('asks for the request, shows the exact summary, queues only after yes, relays both ways and closes', async () => {
    // A veileder has the page open (this also counts them as online).
    assert.deepEqual((await http(`${api}?state=queued`, auth)).body, { handoffs: [] });

    const citizen = await Citizen.start(server);
    const asked = texts(await citizen.say('snakk med et menneske'));
    assert.deepEqual(asked, ['Hva vil du ha hjelp til? Skriv med dine egne ord. Veilederen får teksten slik du skriver den.']);

    let replies = await citizen.say('Jeg har mistet jobben og trenger hjelp med husleia');
    assert.equal(replies[0]?.text, 'Dette er teksten veilederen får. Les den før du velger.');
    assert.ok(replies[1]?.text?.includes('«Jeg har mistet jobben og trenger hjelp med husleia»'));
    assert.deepEqual(replies[2]?.suggestedActions?.actions.map((a) => a.title), ['Send', 'Endre det jeg vil ha hjelp til', 'Ikke send']);
    assert.deepEqual((await http(`${api}?state=queued,accepted,offered,consented`, auth)).body, { handoffs: [] }, 'nothing queued before the yes');

    assert.deepEqual(texts(await citizen.say('Endre det jeg vil ha hjelp til')), ['Skriv det du vil ha hjelp til, med dine egne ord. Det du skriver nå, erstatter det du skrev før.']);
    replies = await citizen.say('Jeg trenger hjelp til å finne en jobb');
    const shown = replies[1]?.text ?? '';
    assert.equal(replies[1]?.textFormat, 'plain');
    assert.ok(shown.includes('«Jeg trenger hjelp til å finne en jobb»'));
    assert.ok(!shown.includes('husleia'), 'the changed request replaces the old one');

    replies = await citizen.say('ja');
    assert.match(replies[0]?.text ?? '', /^Takk\. Oppsummeringen er sendt til en veileder\. Du er nummer 1 i køen\. Det tar trolig rundt \d+ minutter/);
    const copyLink = /\[Åpne kopien\]\((\/kopi\/[^)\s]+)\)$/.exec(replies[1]?.text ?? '')?.[1];
    assert.ok(copyLink, `the user gets a link to their copy: ${replies[1]?.text}`);
    assert.deepEqual(replies[2]?.suggestedActions?.actions.map((a) => a.title), ['Gå ut av køen']);

    const list = await http(`${api}?state=queued`, auth);
    const items = list.body.handoffs as Array<Record<string, unknown>>;
    assert.equal(items.length, 1);
    assert.equal(items[0]?.request, 'Jeg trenger hjelp til å finne en jobb');
    const id = items[0]?.id as string;

    const detail = (await http(`${api}/${id}`, auth)).body as { consent: { heading: string; text: string; sha256: string }; text: { heading: string; text: string }; summary: { userConfirmed: boolean } };
    const delivered = `${detail.consent.heading}\n\n${detail.consent.text}`;
    assert.equal(Buffer.compare(Buffer.from(delivered, 'utf8'), Buffer.from(shown, 'utf8')), 0, 'the veileder gets the bytes the user saw');
    assert.equal(detail.consent.sha256, createHash('sha256').update(shown, 'utf8').digest('hex'), 'the stored fingerprint is of those bytes');
    assert.equal(`${detail.text.heading}\n\n${detail.text.text}`, shown, 'bokmål user: the veileder copy is the same text');
    assert.equal(detail.summary.userConfirmed, true);

    // While queued the bot is silent except the place in the queue.
    assert.deepEqual(texts(await citizen.say('hallo? er det noen der')), ['Du venter fortsatt på en veileder. Du er nummer 1 i køen.']);

    assert.equal((await http(`${api}/${id}/accept`, { ...auth, method: 'POST' })).status, 200);
    assert.deepEqual(texts(await citizen.read()), ['Nå snakker du med en veileder i Nav. Det du skriver, går rett til veilederen.']);
    const again = await http(`${api}/${id}/accept`, { ...auth, method: 'POST' });
    assert.equal(again.status, 409);
    assert.equal((again.body.error as { state?: string }).state, 'accepted');

    assert.equal((await http(`${api}/${id}/messages`, { ...auth, method: 'POST', body: { text: 'Hei! Jeg heter Kari. Hva slags jobb ser du etter?' } })).status, 201);
    const fromVeileder = await citizen.read();
    assert.equal(fromVeileder[0]?.text, 'Veileder: Hei! Jeg heter Kari. Hva slags jobb ser du etter?');
    assert.equal(fromVeileder[0]?.from.name, 'Veileder');

    assert.deepEqual(await citizen.say('Noe på lager, tror jeg'), [], 'after accept the bot stays silent');
    const log = await http(`${api}/${id}/messages?after=0`, auth);
    const userLines = (log.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
    assert.deepEqual(userLines, ['hallo? er det noen der', 'Noe på lager, tror jeg']);

    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST' })).status, 200);
    const closing = texts(await citizen.read());
    assert.equal(closing[0], 'Veilederen har avsluttet samtalen. Nå svarer chatroboten igjen. Du kan få en kopi av oppsummeringen og samtalen.');
    const link = /\[Åpne kopien\]\((\/kopi\/[^)\s]+)\)$/.exec(closing[1] ?? '')?.[1];
    assert.equal(link, copyLink, 'the same copy, now with the conversation');
    assert.ok(link, 'a link to the printable copy');
    const copy = await fetch(`${server.running.url}${link}`);
    assert.equal(copy.status, 200);
    const html = await copy.text();
    assert.ok(html.includes('Kopi av oppsummeringen') && html.includes('Jeg trenger hjelp til å finne en jobb') && html.includes('Noe på lager, tror jeg'));
    assert.equal((await fetch(`${server.running.url}/kopi/${id}?k=wrong`)).status, 404);

    assert.equal((await http(`${api}/${id}/messages`, { ...auth, method: 'POST', body: { text: 'for sent' } })).status, 409);
    assert.ok((await citizen.say('hjelp')).length > 0, 'after close the bot answers again');

    const listAudits = async () => (await server.records.readAudit()).filter((a) => a.action === 'handoff.list').length;
    const listed = await listAudits();
    for (let poll = 0; poll < 5; poll += 1) await http(`${api}?state=queued`, auth);
    assert.equal(await listAudits(), listed + 1, 'polling the same queue view is audited once, not per poll');

    const audit = await server.records.readAudit();
    const actions = audit.filter((a) => a.target === id).map((a) => a.action);
    for (const action of ['handoff.view', 'handoff.accept', 'handoff.message', 'handoff.messages.read', 'handoff.close']) assert.ok(actions.includes(action), action);
    assert.ok(audit.every((a) => a.actor === 'veileder:Z990001' || !a.actor.startsWith('veileder:')));
    assert.ok(!JSON.stringify(audit).includes('Kari'), 'no message text in the audit log');
  });

  it('the user can leave the queue with "avbryt", and the veileder then gets 409', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Jeg vil snakke om gjeld');
    await citizen.say('send');
    const [item] = ((await http(`${api}?state=queued`, auth)).body.handoffs as Array<{ id: string }>).slice(-1);
    assert.deepEqual(texts(await citizen.say('avbryt')), ['Du er ute av køen. Veilederne ser ikke oppsummeringen lenger. Du kan be om en veileder igjen når du vil.']);
    const accept = await http(`${api}/${item?.id}/accept`, { ...auth, method: 'POST' });
    assert.equal(accept.status, 409);
    assert.equal((accept.body.error as { state?: string }).state, 'cancelled');
  });

  it('"Gi tilbake til chatten": the user is told, and the bot answers again', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Jeg lurer på noe om meldekort');
    await citizen.say('ja');
    const queued = (await http(`${api}?state=queued`, auth)).body.handoffs as Array<{ id: string; request: string }>;
    const id = queued.find((h) => h.request === 'Jeg lurer på noe om meldekort')!.id;
    assert.equal((await http(`${api}/${id}/accept`, { ...auth, method: 'POST' })).status, 200);
    await citizen.read();
    const back = await http(`${api}/${id}/return`, { ...auth, method: 'POST' });
    assert.equal(back.status, 200);
    assert.equal(back.body.state, 'returned');
    assert.deepEqual(texts(await citizen.read()), ['Veilederen har gitt samtalen tilbake til chatroboten. Du kan spørre meg om noe, eller be om en veileder igjen.']);
    assert.ok(texts(await citizen.say('hjelp')).length > 0, 'the bot answers again');
    assert.equal((await http(`${api}/${id}/close`, { ...auth, method: 'POST' })).status, 409, 'a returned handoff cannot be closed');
  });

  it('"ikke send" stores nothing and says so', async () => {
    const before = ((await http(`${api}?state=queued,accepted,cancelled,closed`, auth)).body.handoffs as unknown[]).length;
    const citizen = await Citizen.start(server);
    await citizen.say('menneske');
    await citizen.say('Hjelp med søknad');
    assert.match(texts(await citizen.say('ikke send'))[0] ?? '', /^Greit\. Ingenting er sendt\./);
    const after = ((await http(`${api}?state=queued,accepted,cancelled,closed`, auth)).body.handoffs as unknown[]).length;
    assert.equal(after, before);
  });

  it('answers 401 without a valid token, 404 for an unknown id, 400 for garbage JSON or a bad body', async () => {
    assert.equal((await http(api)).status, 401);
    assert.equal((await http(api, { token: 'wrong-token-wrong-token' })).status, 401);
    assert.equal((await http(`${api}/00000000-0000-4000-8000-000000000000`, auth)).status, 404);
    assert.equal((await http(`${api}/00000000-0000-4000-8000-000000000000/accept`, { ...auth, method: 'POST' })).status, 404);
    assert.equal((await http(`${api}/x/messages`, { ...auth, method: 'POST', raw: '{"text": "hei"' })).status, 400);
    assert.equal((await http(`${api}/x/messages`, { ...auth, method: 'POST', body: { txt: 'hei' } })).status, 400);
    assert.equal((await http(`${api}?state=nonsense`, auth)).status, 400);
    assert.equal((await http(`${api}/x/messages?after=abc`, auth)).status, 400);
  });
});

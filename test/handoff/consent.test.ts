import assert from 'node:assert/strict';
import { Citizen, http, startHandoffServer, texts, VEILEDER_TOKEN, type HandoffServer } from './harness.js';

const auth = { token: VEILEDER_TOKEN };

describe('handoff consent in nynorsk and English, by buttons and free text', function () {
  this.timeout(30_000);
  let server: HandoffServer;
  before(async () => {
    server = await startHandoffServer();
    await http(`${server.running.url}/api/handoffs`, auth); // a veileder is online
  });
  after(async () => server?.close());

  it('nynorsk: the summary is in nynorsk, "ja" sends it, the veileder gets bokmål plus the exact nynorsk text', async () => {
    const citizen = await Citizen.start(server, 'nn-NO');
    assert.deepEqual(texts(await citizen.say('snakk med eit menneske')), ['Kva vil du ha hjelp til? Skriv med dine eigne ord. Rettleiaren får teksten slik du skriv han.']);
    const replies = await citizen.say('Eg treng hjelp med bustad');
    const shown = replies[1]?.text ?? '';
    assert.ok(shown.startsWith('Frå chatten: ønskjer å snakke med ein rettleiar\n\nOppsummering frå chatten Veiviser'));
    assert.ok(shown.includes('Språk i chatten: nynorsk'));
    assert.ok(/Automatisk laga av chatten frå svara dine, \d/.test(shown));
    const sent = texts(await citizen.say('ja'));
    assert.match(sent[0] ?? '', /^Takk\. Oppsummeringa er sendt til ein rettleiar\. Du er nummer \d+ i køen\./);
    const copyLink = /\[Opne kopien\]\((\/kopi\/[^)\s]+)\)$/.exec(sent[1] ?? '')?.[1];
    const copy = await (await fetch(`${server.running.url}${copyLink}`)).text();
    assert.ok(copy.includes('<html lang="nn">') && copy.includes('<h1>Kopi av oppsummeringa</h1>'), 'the printable copy is in nynorsk');
    assert.ok(copy.includes('Eg treng hjelp med bustad'));

    const list = (await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as Array<{ id: string; language: string }>;
    const id = list.find((h) => h.language === 'nn')?.id;
    const detail = (await http(`${server.running.url}/api/handoffs/${id}`, auth)).body as { consent: { heading: string; text: string; lang: string }; text: { text: string } };
    assert.equal(`${detail.consent.heading}\n\n${detail.consent.text}`, shown, 'the exact nynorsk bytes the user approved');
    assert.equal(detail.consent.lang, 'nn');
    assert.ok(detail.text.text.includes('Språk i chatten: nynorsk') && detail.text.text.includes('Med mine egne ord:\n«Eg treng hjelp med bustad»'), 'bokmål for the veileder, their words verbatim');
  });

  it('English: "yes" sends it, and the text is in English', async () => {
    const citizen = await Citizen.start(server, 'en-US');
    assert.deepEqual(texts(await citizen.say('talk to a human')), ['What would you like help with? Write it in your own words. The adviser gets the text as you write it.']);
    const replies = await citizen.say('I need help with money for rent');
    assert.ok(replies[1]?.text?.includes('In my own words:\n«I need help with money for rent»'));
    assert.deepEqual(replies[2]?.suggestedActions?.actions.map((a) => a.title), ['Send', 'Change what I want help with', 'Do not send']);
    assert.match(texts(await citizen.say('Yes!'))[0] ?? '', /^Thank you\. The summary has been sent to an adviser\. You are number \d+ in the queue\./);
  });

  it('switching language at the consent step shows the summary again in the new language, and that text is what is stored', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Jeg trenger hjelp med CV');
    const switched = await citizen.say('nynorsk');
    const shown = switched.find((a) => a.textFormat === 'plain')?.text ?? '';
    assert.ok(shown.startsWith('Frå chatten:'), shown.slice(0, 40));
    assert.match(texts(await citizen.say('ja'))[0] ?? '', /^Takk\. Oppsummeringa er send/);
    const list = (await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as Array<{ id: string; request: string }>;
    const id = list.find((h) => h.request === 'Jeg trenger hjelp med CV')?.id;
    const detail = (await http(`${server.running.url}/api/handoffs/${id}`, auth)).body as { consent: { heading: string; text: string; lang: string } };
    assert.equal(`${detail.consent.heading}\n\n${detail.consent.text}`, shown);
    assert.equal(detail.consent.lang, 'nn');
  });

  it('a question in the middle of the consent step is left to the root, and nothing is sent', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Hjelp med AAP');
    const before = ((await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as unknown[]).length;
    const replies = texts(await citizen.say('blablabla qwerty'));
    assert.ok(replies.length > 0, 'the bot answers (not understood / menu), it does not send');
    assert.equal(((await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as unknown[]).length, before);
    // The consent step is still waiting: "send" sends.
    assert.match(texts(await citizen.say('send'))[0] ?? '', /^Takk\. Oppsummeringen er sendt/);
  });
});

describe('handoff outside opening hours', function () {
  this.timeout(30_000);
  let server: HandoffServer;
  const saturday = new Date('2026-03-14T11:00:00+01:00');
  before(async () => {
    server = await startHandoffServer({ openingHours: 'data', clock: () => saturday });
  });
  after(async () => server?.close());

  it('says the veiledere are not at work, names the next opening, and offers callback, phone and office', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Jeg trenger hjelp med søknad om sosialhjelp');
    const replies = await citizen.say('ja');
    assert.equal(
      replies[0]?.text,
      'Veilederne er ikke på jobb nå. De svarer i chatten på hverdager kl. 09:00–15:00. Neste gang en veileder er på jobb: mandag 16. mars kl. 09:00. Du kan legge igjen oppsummeringen. Veilederne får den mandag 16. mars kl. 09:00 og svarer her i chatten så snart de kan.',
    );
    assert.deepEqual(replies[1]?.suggestedActions?.actions.map((a) => a.title), ['Legg igjen oppsummeringen', 'Ring Nav', 'Nav-kontoret']);
    assert.deepEqual(((await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as unknown[]), [], 'nothing stored before the callback choice');

    assert.match(texts(await citizen.say('Legg igjen oppsummeringen'))[0] ?? '', /^Oppsummeringen er lagret\. Veilederne får den mandag 16\. mars kl\. 09:00/);
    const list = (await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as Array<{ callback: boolean; expiresAt: string }>;
    assert.equal(list.length, 1);
    assert.equal(list[0]?.callback, true);
    assert.equal(list[0]?.expiresAt, new Date('2026-03-16T15:00:00+01:00').toISOString(), 'kept until the end of the next working day');
  });

  it('"ring" says the phone is closed now, what is open, keeps the choices, and stores nothing', async () => {
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Spørsmål om AAP');
    await citizen.say('ja');
    const before = ((await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as unknown[]).length;
    // Closed now: the phone is closed too, what is open instead, and the summary can still be left.
    const phone = await citizen.say('ring');
    assert.match(texts(phone)[0] ?? '', /^Telefonen til Nav \(55\u00a055\u00a033\u00a033\) er stengt nå\. Den åpner igjen .+ 116\u00a0117/);
    assert.ok(phone.at(-1)?.suggestedActions?.actions.some((a) => a.title === 'Legg igjen oppsummeringen'));
    assert.equal(((await http(`${server.running.url}/api/handoffs`, auth)).body.handoffs as unknown[]).length, before);
  });
});

import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { Citizen, FlowBot, joined, LANGS, type Seen } from '../helpers/flowHarness.js';

/** Tuesday 24 November 2026 at 15:25 in Oslo: Nav closed at 15, so the summary is left for tomorrow. */
const AFTER_CLOSING = new Date('2026-11-24T14:25:00Z');
const REQUEST: Record<Lang, string> = { nb: 'Jeg lurer på om jeg kan få AAP', nn: 'Eg lurer på om eg kan få AAP', en: 'I wonder if I can get AAP' };
const VEILEDER_REPLY = 'Hei! Jeg har lest oppsummeringen din og ser på saken i morgen tidlig.';
const CARRY_ON: Record<Lang, string> = { nb: 'Takk, da venter jeg', nn: 'Takk, då ventar eg', en: 'Thanks, I will wait' };
const DELETE: Record<Lang, string> = { nb: 'slett samtalen', nn: 'slett samtalen', en: 'delete conversation' };
const CODE = /\*\*([2-9A-Z]{4}-[2-9A-Z]{3}-[2-9A-Z]{3})\*\*/;

interface WireActivity {
  type: string;
  text?: string;
  from: { role?: string };
}

async function resume(bot: FlowBot, code: string, lang: Lang): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${bot.server.url}/api/resume`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, lang }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every message of the conversation, the person's own too, as a page opening it would get them. */
async function wholeLog(bot: FlowBot, conversationId: string, token: string): Promise<Array<{ from: string; text: string }>> {
  const res = await fetch(`${bot.directLineBase}/conversations/${encodeURIComponent(conversationId)}/activities`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const { activities } = (await res.json()) as { activities: WireActivity[] };
  return activities.filter((a) => a.type === 'message').map((a) => ({ from: a.from.role ?? '', text: a.text ?? '' }));
}

/** Leaves the summary for the next working day and returns the replies (with the code). */
async function leaveSummary(citizen: Citizen, request: string): Promise<Seen[]> {
  const lang = citizen.lang;
  await citizen.sayAll([t(lang, 'menu.human'), request]);
  const closed = await citizen.say(t(lang, 'handoff:consent.buttons.send'));
  assert.ok(closed.at(-1)?.buttons.includes(t(lang, 'handoff:availability.buttons.callback')), joined(closed));
  return citizen.say(t(lang, 'handoff:availability.buttons.callback'));
}

describe('come back tomorrow: the resume code for a summary left after hours', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start(undefined, { clock: () => AFTER_CLOSING, openingHours: 'data' });
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    it(`${lang}: the code and link come with the saved summary; with them another device gets the conversation, the veileder's reply, and can write on`, async () => {
      const citizen = await bot.citizen(lang);
      const request = `${REQUEST[lang]} (${lang} resume)`;
      const saved = await leaveSummary(citizen, request);
      const given = saved.find((r) => CODE.test(r.text));
      assert.ok(given, `a code in the replies: ${joined(saved)}`);
      const code = CODE.exec(given.text)![1]!;
      // Without PUBLIC_BASE_URL the link is relative; the page makes it whole with its own address.
      assert.equal(given.text, t(lang, 'handoff:resume.given', { code, url: `/#kode=${code}`, days: 30 }));
      assert.ok(saved.indexOf(given) < saved.length - 1, 'before the last message with the "leave the queue" button');

      const handoff = await bot.handoffWithRequest(request);
      assert.ok(handoff);
      assert.equal((await bot.veileder(`/${handoff.id}/accept`, { method: 'POST' })).status, 200);
      assert.equal((await bot.veileder(`/${handoff.id}/messages`, { method: 'POST', body: { text: VEILEDER_REPLY } })).status, 201);

      // Typed as a person reads it off a phone: small letters, spaces instead of dashes.
      const opened = await resume(bot, code.toLowerCase().replace(/-/g, ' '), lang);
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      assert.equal(opened.body.conversationId, citizen.conversationId, 'the same conversation');
      assert.equal(opened.body.lang, lang);
      const token = opened.body.token as string;
      assert.notEqual(token, '', 'a token of its own');

      const log = await wholeLog(bot, citizen.conversationId, token);
      assert.ok(log.some((m) => m.from === 'user' && m.text === request), 'the request the person wrote');
      assert.ok(log.some((m) => m.text === given.text), 'the message with the code');
      assert.ok(log.some((m) => m.text.includes(VEILEDER_REPLY)), "the veileder's reply, written after the person left");

      const elsewhere = Citizen.open(bot.directLineBase, citizen.conversationId, token, lang);
      await elsewhere.read();
      await elsewhere.say(CARRY_ON[lang]);
      const relayed = await bot.veileder(`/${handoff.id}/messages?after=0`);
      const fromUser = (relayed.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
      assert.ok(fromUser.includes(CARRY_ON[lang]), `the veileder gets what was written on the other device: ${fromUser.join(' | ')}`);
    });

    it(`${lang}: "slett samtalen" makes the code stop working, with a kind answer in the page's language`, async () => {
      const citizen = await bot.citizen(lang);
      const saved = await leaveSummary(citizen, `${REQUEST[lang]} (${lang} delete)`);
      const code = CODE.exec(saved.map((r) => r.text).join('\n'))?.[1];
      assert.ok(code, joined(saved));
      assert.equal((await resume(bot, code, lang)).status, 200);
      await citizen.say(DELETE[lang]);
      const done = await citizen.say(t(lang, 'privacy:delete.yesButton'));
      assert.ok(done.some((r) => r.text === t(lang, 'privacy:delete.done')), joined(done));
      const refused = await resume(bot, code, lang);
      assert.equal(refused.status, 404);
      assert.equal((refused.body.error as { message: string }).message, t(lang, 'web:resume.unknown'));
    });
  }

  it('is offered only for conversations on this server\'s web chat (Teams: see teamsPersonalChat.test.ts), with PUBLIC_BASE_URL in the link', async () => {
    const { createResumeParts } = await import('../../bot/resume/index.js');
    const offers: string[] = [];
    const parts = createResumeParts({
      records: { list: async () => [], delete: async () => true, put: async () => (offers.push('put'), {}) } as never,
      secret: 'resume-test-secret-0123456789',
      retentionDays: 30,
      publicBaseUrl: () => 'https://veiviser.example/',
    });
    const conversations = new Set(['conv']);
    const directLine = { store: { getConversation: async (id: string) => (conversations.has(id) ? { id } : undefined) } };
    assert.equal(await parts.offer('conv', 'directline'), undefined, 'not before the local Direct Line is there');
    parts.mount({ use: () => undefined } as never, directLine as never);
    assert.equal(await parts.offer('conv', 'msteams'), undefined);
    assert.equal(await parts.offer('azure-conv', 'directline'), undefined, 'a conversation on Azure Direct Line (not this server\'s)');
    assert.deepEqual(offers, [], 'nothing stored for Teams or Azure');
    const web = await parts.offer('conv', 'directline');
    assert.ok(web);
    assert.equal(web.url, `https://veiviser.example/#kode=${web.code}`, 'absolute with PUBLIC_BASE_URL');
  });
});

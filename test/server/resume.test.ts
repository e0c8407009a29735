import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { Citizen, joined } from '../helpers/flowHarness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const DAY = 24 * 3600_000;
const CODE = /\*\*([2-9A-Z]{4}-[2-9A-Z]{3}-[2-9A-Z]{3})\*\*/;
const ACCEPT_LANGUAGE: Record<Lang, string> = { nb: 'nb-NO,nb;q=0.9', nn: 'nn-NO,nn;q=0.9', en: 'en-GB,en;q=0.9' };

interface Answer {
  status: number;
  headers: Headers;
  body: { conversationId?: string; token?: string; expires_in?: number; lang?: string; error?: { code: string; message: string } };
  raw: string;
}

describe('POST /api/resume', function () {
  this.timeout(60_000);
  let server: RealServer;
  let now = Date.now();

  before(async () => {
    // A small limit so the test reaches it; the clock moves only when the test moves it.
    server = await startRealServer({ RETENTION_DAYS: '30' }, {}, { clock: () => new Date(now), resumeRateLimit: { capacity: 3, refillPerSecond: 1 / 60 } });
  });
  after(async () => {
    if (!server) return;
    await server.close(1000);
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${server.url}/api/resume`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const raw = await res.text();
    return { status: res.status, headers: res.headers, body: JSON.parse(raw) as Answer['body'], raw };
  }
  const ask = (code: unknown, lang: Lang = 'nb') => post(JSON.stringify({ code, lang }));

  /** A summary sent to a signed-in veileder: it waits in the queue, and the code comes with it. */
  async function waitingConversation(lang: Lang): Promise<{ citizen: Citizen; code: string }> {
    await fetch(`${server.url}/api/handoffs`, { headers: { Authorization: `Bearer ${server.veilederToken}` } });
    const citizen = await Citizen.start(server.directLineBase, lang);
    await citizen.sayAll([t(lang, 'menu.human'), `Spørsmål om AAP (${lang}, ${Math.random()})`]);
    const sent = await citizen.say(t(lang, 'handoff:consent.buttons.send'));
    assert.ok(sent.some((r) => r.text.startsWith(t(lang, 'handoff:queue.sent'))), joined(sent));
    const code = CODE.exec(joined(sent))?.[1];
    assert.ok(code, `a code with the queued summary: ${joined(sent)}`);
    return { citizen, code };
  }

  it('gives a token for the same conversation for a good code, in any case and spacing', async () => {
    const { citizen, code } = await waitingConversation('nn');
    const answer = await ask(` ${code.toLowerCase().replace(/-/g, ' ')} `, 'en');
    assert.equal(answer.status, 200, answer.raw);
    assert.equal(answer.body.conversationId, citizen.conversationId);
    assert.equal(answer.body.lang, 'nn', "the conversation's language, for the page to follow");
    assert.ok((answer.body.expires_in ?? 0) > 60);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const res = await fetch(`${server.directLineBase}/conversations/${encodeURIComponent(citizen.conversationId)}/activities`, {
      headers: { Authorization: `Bearer ${answer.body.token}` },
    });
    assert.equal(res.status, 200, 'the token reads the conversation');
    // Another conversation's activities stay closed to it.
    const other = await Citizen.start(server.directLineBase, 'nb');
    const denied = await fetch(`${server.directLineBase}/conversations/${encodeURIComponent(other.conversationId)}/activities`, {
      headers: { Authorization: `Bearer ${answer.body.token}` },
    });
    assert.equal(denied.status, 403);
  });

  for (const lang of ['nb', 'nn', 'en'] as const) {
    it(`${lang}: a wrong code and something that is no code get a kind answer in the page's language`, async () => {
      const wrong = await ask('ZZZZ-ZZZ-ZZZ', lang);
      assert.equal(wrong.status, 404);
      assert.deepEqual(wrong.body.error, { code: 'NotFound', message: t(lang, 'web:resume.unknown') });
      for (const junk of ['hei', 'K0QM-2XP-D9H', 42, null, '']) {
        const malformed = await ask(junk, lang);
        assert.equal(malformed.status, 400, String(junk));
        assert.deepEqual(malformed.body.error, { code: 'BadArgument', message: t(lang, 'web:resume.malformed') });
      }
      now += 10 * 60_000; // the wrong code above is forgiven before the next test
    });
  }

  it('answers a body that is not JSON, or not an object, kindly in the browser\'s language, with no stack trace', async () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const garbage = await post('{"code": "K7QM', { 'Accept-Language': ACCEPT_LANGUAGE[lang] });
      assert.equal(garbage.status, 400);
      assert.equal(garbage.body.error?.message, t(lang, 'web:resume.malformed'));
      assert.ok(!/\sat\s\S+ \(|SyntaxError|stack|JSON\.parse/.test(garbage.raw), garbage.raw);
    }
    for (const body of ['[]', '"K7QM-2XP-D9H"', 'null']) {
      const answer = await post(body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.body.error?.message, t('nb', 'web:resume.malformed'));
    }
    const huge = await post(JSON.stringify({ code: 'x'.repeat(10_000) }));
    assert.equal(huge.status, 413);
  });

  it('refuses a code once its conversation is past the retention time', async () => {
    const { code } = await waitingConversation('nb');
    assert.equal((await ask(code)).status, 200);
    now += 31 * DAY;
    const expired = await ask(code, 'en');
    assert.equal(expired.status, 404);
    assert.equal(expired.body.error?.message, t('en', 'web:resume.unknown'), 'the same answer as a wrong code');
    now += 10 * 60_000;
  });

  it('counts wrong codes per address: after the limit even a good code waits, and the person is told kindly', async () => {
    const { code } = await waitingConversation('en');
    // Good codes and things that are no code at all do not count.
    for (let i = 0; i < 5; i++) assert.equal((await ask(code)).status, 200);
    for (let i = 0; i < 5; i++) assert.equal((await ask('nope')).status, 400);
    for (let i = 0; i < 3; i++) assert.equal((await ask('ZZZZ-ZZZ-ZZZ')).status, 404, `wrong code ${i + 1}`);
    const limited = await ask(code, 'nn');
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body.error, { code: 'TooManyRequests', message: t('nn', 'web:resume.tooMany') });
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    now += 61_000; // one more try a minute later
    assert.equal((await ask(code)).status, 200);
    assert.equal((await ask('ZZZZ-ZZZ-ZZZ')).status, 404);
    assert.equal((await ask(code)).status, 429, 'and that one was used by the wrong code');
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { http } from '../handoff/harness.js';
import { launchBrowser, requireChromium, runAxe, type Browser } from '../helpers/browser.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BROWSER_LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const REQUEST = 'Jeg lurer på om jeg kan få AAP mens jeg venter på behandling';
const VEILEDER_REPLY = 'Hei, dette er Kari i Nav. Jeg ringer deg i morgen formiddag.';
const CODE = /[2-9A-Z]{4}-[2-9A-Z]{3}-[2-9A-Z]{3}/;

function bubbles(page: Page): Locator {
  return page.locator('#webchat .webchat__bubble__content').filter({ visible: true });
}

function says(page: Page, text: string): Locator {
  return bubbles(page).filter({ hasText: text.split('\n')[0]! }).last();
}

function ownMessage(page: Page, text: string): Locator {
  return page.locator('#webchat .webchat__bubble--from-user .webchat__bubble__content').filter({ hasText: text }).filter({ visible: true });
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
}

/** The element is on screen, inside the chat's scrolling transcript (not scrolled away). */
async function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const scroller = element.closest('.webchat__basic-transcript__scrollable')?.getBoundingClientRect();
    const top = Math.max(0, scroller?.top ?? 0);
    const bottom = Math.min(window.innerHeight, scroller?.bottom ?? window.innerHeight);
    return box.height > 0 && box.top >= top - 1 && box.bottom <= bottom + 1;
  });
}

/** A new device: its own Chromium profile, so nothing is shared with the first one. */
async function device(lang: Lang): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser({ locale: BROWSER_LOCALE[lang], viewport: PHONE });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return { browser, page };
}

describe('come back tomorrow on the web page: the resume code and link (Chromium, 390 × 844)', function () {
  this.timeout(120_000);
  let server: RealServer;
  let first: { browser: Browser; page: Page };
  const devices: Browser[] = [];
  const api = () => `${server.url}/api/handoffs`;
  const auth = () => ({ token: server.veilederToken });
  let link = '';
  let code = '';
  let handoffId = '';

  before(async function () {
    requireChromium(this);
    mkdirSync(OUTPUT, { recursive: true });
    server = await startRealServer();
    first = await device('nb');
    devices.push(first.browser);
  });

  after(async () => {
    for (const browser of devices) await browser.close().catch(() => undefined);
    if (!server) return;
    try {
      await server.close(2000);
    } finally {
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });

  it('gives the code and a whole link to this site when the summary is sent', async () => {
    const { page } = first;
    await http(api(), auth()); // a veileder is signed in: the summary waits in the queue
    await page.goto(`${server.url}/?lang=nb`);
    await says(page, t('nb', 'welcome.choose')).waitFor({ timeout: 15_000 });
    await say(page, t('nb', 'menu.human'));
    await says(page, t('nb', 'handoff:consent.askRequest')).waitFor();
    await say(page, REQUEST);
    await page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: t('nb', 'handoff:consent.buttons.send'), exact: true }).click();
    const message = says(page, t('nb', 'handoff:resume.given', { code: 'X', url: 'X', days: 30 }).split('**')[0]!);
    await message.waitFor({ timeout: 10_000 });
    code = CODE.exec((await message.textContent()) ?? '')?.[0] ?? '';
    assert.ok(code, 'the code is written in the message');
    link = (await message.locator('a').filter({ hasText: 'lenken til samtalen' }).getAttribute('href')) ?? '';
    assert.equal(link, `${server.url}/#kode=${code}`);
    await page.screenshot({ path: `${OUTPUT}phone-nb-resume-code.png` });

    const [item] = (await http(`${api()}?state=queued`, auth())).body.handoffs as Array<{ id: string }>;
    assert.ok(item);
    handoffId = item.id;
    // The person has gone; the veileder takes the case and answers.
    await first.browser.close();
    assert.equal((await http(`${api()}/${handoffId}/accept`, { ...auth(), method: 'POST' })).status, 200);
    assert.equal((await http(`${api()}/${handoffId}/messages`, { ...auth(), method: 'POST', body: { text: VEILEDER_REPLY } })).status, 201);
  });

  it('the link, opened on another device, shows the earlier messages and the veileder\'s reply, and the person can write on', async () => {
    assert.ok(link, 'the first test gave a link');
    const other = await device('nb');
    devices.push(other.browser);
    const { page } = other;
    await page.goto(link);
    await ownMessage(page, REQUEST).first().waitFor({ timeout: 15_000 });
    await says(page, VEILEDER_REPLY).waitFor({ timeout: 10_000 });
    assert.equal(new URL(page.url()).hash, '', 'the code is taken out of the address');
    assert.ok((await bubbles(page).allTextContents()).some((text) => text.startsWith(t('nb', 'welcome.hello').slice(0, 20))), 'the conversation from its start');
    // The replay settles, then the page scrolls to its end; on a loaded machine that takes longer
    // than any fixed wait, so the check is made until it holds or 10 s have passed.
    let replyInView = false;
    for (const until = Date.now() + 10_000; !replyInView && Date.now() < until; ) {
      await page.waitForTimeout(250);
      replyInView = await inView(says(page, VEILEDER_REPLY));
    }
    await page.screenshot({ path: `${OUTPUT}phone-nb-resumed-by-link.png` });
    assert.equal(replyInView, true, "the veileder's reply is in view, not below the fold");

    await say(page, 'Takk, det passer fint');
    await ownMessage(page, 'Takk, det passer fint').waitFor();
    for (let i = 0; i < 50; i++) {
      const log = await http(`${api()}/${handoffId}/messages?after=0`, auth());
      if ((log.body.messages as Array<{ from: string; text: string }>).some((m) => m.from === 'user' && m.text === 'Takk, det passer fint')) break;
      assert.ok(i < 49, 'the veileder gets the message written on the other device');
      await page.waitForTimeout(100);
    }
    // Item 5 on the resumed page too: when the veileder closes, the person is told and gets the menu.
    assert.equal((await http(`${api()}/${handoffId}/close`, { ...auth(), method: 'POST' })).status, 200);
    await says(page, t('nb', 'handoff:relay.closed')).waitFor({ timeout: 10_000 });
    await page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: t('nb', 'menu.triage'), exact: true }).waitFor({ timeout: 10_000 });
  });

  // The case is closed by now; the conversation and its code stay until deleted or expired.
  it('"Har du en kode?": a wrong code is answered kindly in the page\'s language, the right one opens the conversation', async () => {
    assert.ok(code, 'the first test gave a code');
    const other = await device('en');
    devices.push(other.browser);
    const { page } = other;
    await page.goto(`${server.url}/?lang=en`);
    await says(page, t('en', 'welcome.choose')).waitFor({ timeout: 15_000 });
    await page.getByText(t('en', 'web:resume.question'), { exact: true }).click();
    const field = page.getByLabel(t('en', 'web:resume.label'), { exact: true });
    await field.fill('ZZZZ-ZZZ-ZZZ');
    await page.getByRole('button', { name: t('en', 'web:resume.submit'), exact: true }).click();
    await page.getByText(t('en', 'web:resume.unknown')).waitFor({ timeout: 10_000 });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const violations = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(violations, [], 'the open form has no serious accessibility problems');
    await page.screenshot({ path: `${OUTPUT}phone-en-resume-wrong-code.png` });

    await field.fill(code.toLowerCase().replace(/-/g, ' '));
    await field.press('Enter');
    await ownMessage(page, REQUEST).first().waitFor({ timeout: 15_000 });
    await says(page, VEILEDER_REPLY).waitFor({ timeout: 10_000 });
    // The page follows the conversation's language (bokmål), as it follows the bot's.
    await page.waitForFunction(() => document.documentElement.lang === 'nb', undefined, { timeout: 10_000 });
    await page.getByText(t('nb', 'web:resume.resumed')).waitFor();
    assert.equal(await page.locator('#resume').evaluate((details) => (details as HTMLDetailsElement).open), false, 'the form folds away');
    assert.ok(!(await bubbles(page).allTextContents()).some((text) => text.includes(t('en', 'welcome.choose'))), "this tab's own new conversation is gone from the screen");
  });
});

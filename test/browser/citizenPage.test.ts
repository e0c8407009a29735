import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { loadPageTexts } from '../../bot/pageTexts.js';
import { launchBrowser, requireChromium, runAxe, type Browser } from '../helpers/browser.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${root}test-output/`;
interface WebText {
  title: string;
  heading: string;
  robotNotice: string;
  languageLabel: string;
  skipLink: string;
  connectError: string;
  webchat: Record<string, string>;
}
const pageText = loadPageTexts(`${root}locales`) as unknown as Record<Lang, WebText>;

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const TRANSCRIPT = '#webchat';

/** A bot text as Web Chat shows it (the first line; Web Chat renders the rest as markdown). */
function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/[*_]/g, '').trim();
}

async function seeInChat(page: Page, text: string, timeout = 10_000): Promise<void> {
  // Web Chat repeats message text in hidden labels for screen readers, hence first().
  await page.locator(TRANSCRIPT).getByText(firstLine(text), { exact: false }).first().waitFor({ state: 'visible', timeout });
}

async function countInChat(page: Page, text: string): Promise<number> {
  return page.locator(`${TRANSCRIPT} .webchat__bubble__content`).filter({ hasText: firstLine(text) }).count();
}

async function send(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
}

describe('the citizen page in Chromium', function () {
  this.timeout(90_000);
  let server: RealServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const sockets: string[] = [];
  let navigationStarted = 0;

  before(async function () {
    requireChromium(this);
    mkdirSync(OUTPUT, { recursive: true });
    server = await startRealServer();
    browser = await launchBrowser({ locale: 'nb-NO' });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname));
    page.on('response', (res) => {
      if (res.status() >= 400) consoleErrors.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
  });

  after(async () => {
    await browser?.close();
    if (!server) return;
    try {
      await server.close(2000);
    } finally {
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });

  it('loads in bokmål with its heading, the robot notice, the footer help and the language choice', async () => {
    navigationStarted = Date.now();
    const response = await page.goto(`${server.url}/`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    assert.equal(await page.title(), pageText.nb.title);
    assert.equal((await page.locator('h1').textContent())?.trim(), pageText.nb.heading);
    await page.getByText(pageText.nb.robotNotice).waitFor();
    assert.equal(await page.locator('footer a[href^="tel:"]').getAttribute('href'), 'tel:+4755553333');
    assert.equal(await page.getByRole('group', { name: pageText.nb.languageLabel }).getByRole('button').count(), 3);
    assert.equal(await page.locator('.language-option[data-lang="nb"]').getAttribute('aria-pressed'), 'true');
  });

  it('shows the bot greeting, and a typed message gets the reply', async () => {
    await seeInChat(page, t('nb', 'welcome.hello'));
    const greetingMs = Date.now() - navigationStarted;
    const sent = Date.now();
    await send(page, 'hjelp');
    await seeInChat(page, t('nb', 'help.text'));
    console.log(`      greeting visible ${greetingMs} ms after navigation started; reply to "hjelp" visible ${Date.now() - sent} ms after Enter`);
    assert.ok(sockets.some((path) => /^\/v3\/directline\/conversations\/[^/]+\/stream$/.test(path)), 'Web Chat uses the WebSocket stream');
  });

  it('switches to nynorsk: page text and lang change, the bot is told and answers in nynorsk', async () => {
    await page.locator('.language-option[data-lang="nn"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nn');
    assert.equal((await page.locator('h1').textContent())?.trim(), pageText.nn.heading);
    assert.equal(await page.title(), pageText.nn.title);
    assert.equal(await page.locator('.language-option[data-lang="nn"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.language-option[data-lang="nb"]').getAttribute('aria-pressed'), 'false');
    await seeInChat(page, t('nn', 'language.switched'));
    assert.equal(await page.locator(SEND_BOX).getAttribute('placeholder'), pageText.nn.webchat.TEXT_INPUT_PLACEHOLDER);
    await send(page, 'hjelp');
    await seeInChat(page, t('nn', 'help.text'));
  });

  it('keeps the language and the same conversation after a reload', async () => {
    const before = await page.evaluate(() => JSON.parse(window.sessionStorage.getItem('veiviser.chat') ?? 'null') as { conversationId?: string } | null);
    assert.ok(before?.conversationId, 'the conversation is remembered in this tab');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'nn');
    assert.equal((await page.locator('h1').textContent())?.trim(), pageText.nn.heading);
    await seeInChat(page, t('nn', 'language.switched'));
    assert.equal(await countInChat(page, t('nb', 'welcome.hello')), 1, 'the history is back and the bot did not greet again');
    const after = await page.evaluate(() => JSON.parse(window.sessionStorage.getItem('veiviser.chat') ?? 'null') as { conversationId?: string } | null);
    assert.equal(after?.conversationId, before.conversationId);
  });

  it('takes keyboard users from the skip link to the message box', async () => {
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
    assert.equal((await skip.textContent())?.trim(), pageText.nn.skipLink);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(SEND_BOX).evaluate((el) => el === document.activeElement), true);
  });

  it('has no serious or critical accessibility violations, on a desktop and on a 360 px phone, and saves screenshots', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      await page.setViewportSize(viewport);
      await page.locator(SEND_BOX).waitFor();
      const violations = await runAxe(page);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (violations.length > 0) console.log(`      axe at ${viewport.width}px: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
      assert.deepEqual(blocking, [], `serious or critical at ${viewport.width}px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `no sideways scrolling at ${viewport.width}px`);
      await page.screenshot({ path: `${OUTPUT}citizen-page-${viewport.width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('ran without console errors or blocked resources (the real Content-Security-Policy applies)', () => {
    assert.deepEqual(consoleErrors, []);
  });

  it('shows the error text in the chosen language when the chat cannot connect', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.route('**/v3/directline/**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"ServiceError"}}' }));
      await fresh.goto(`${server.url}/?lang=en`);
      await fresh.evaluate(() => {
        window.sessionStorage.clear();
        localStorage.setItem('veiviser.lang', 'en');
      });
      await fresh.reload();
      const alert = fresh.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      assert.ok((await alert.textContent())?.includes(pageText.en.connectError));
      assert.equal(await fresh.getAttribute('html', 'lang'), 'en');
    } finally {
      await fresh.close();
    }
  });
});

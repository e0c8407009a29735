import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { http } from '../handoff/harness.js';
import { launchBrowser, requireChromium, type Browser } from '../helpers/browser.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${root}test-output/`;
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const webText = (lang: Lang) =>
  JSON.parse(readFileSync(`${root}locales/${lang}/web.json`, 'utf8')) as { title: string; heading: string; webchat: Record<string, string> };

/** The bot's messages as the person sees them (Web Chat repeats them hidden for screen readers). */
function bubbles(page: Page): Locator {
  return page.locator('#webchat .webchat__bubble__content').filter({ visible: true });
}

function botSays(page: Page, text: string): Locator {
  return bubbles(page).filter({ hasText: text.split('\n')[0]! }).last();
}

function choices(page: Page): Locator {
  return page.locator('#webchat .webchat__suggested-action');
}

/** The choice with exactly this label. */
function choice(page: Page, label: string): Locator {
  return page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: label, exact: true });
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
}

/** Marks the page, so a test can tell that something happened without a reload. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
}
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

describe('the citizen page through a whole conversation (Chromium, real server, 390 × 844)', function () {
  this.timeout(120_000);
  let server: RealServer;
  let browser: Browser;
  let page: Page;
  const api = () => `${server.url}/api/handoffs`;
  const auth = () => ({ token: server.veilederToken });

  before(async function () {
    requireChromium(this);
    mkdirSync(OUTPUT, { recursive: true });
    server = await startRealServer();
    browser = await launchBrowser({ locale: 'nb-NO', viewport: { width: 390, height: 844 } });
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

  beforeEach(async () => {
    page = await browser.context.newPage();
    // Each test is a new visitor: no language kept from the test before, a new conversation.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('test.fresh')) return;
      localStorage.clear();
      sessionStorage.setItem('test.fresh', '1');
    });
    await page.goto(`${server.url}/?lang=nb`);
    await botSays(page, t('nb', 'welcome.choose')).waitFor({ timeout: 15_000 });
  });

  afterEach(async () => page?.close());

  it('"Åpne kopien" is a whole link to this site that opens the copy', async () => {
    await http(api(), auth()); // a veileder is signed in
    await say(page, t('nb', 'menu.human'));
    await botSays(page, t('nb', 'handoff:consent.askRequest')).waitFor();
    await say(page, 'Jeg lurer på AAP');
    await choice(page, t('nb', 'handoff:consent.buttons.send')).click();
    const link = page.locator('#webchat a').filter({ hasText: 'Åpne kopien' }).filter({ visible: true }).first();
    await link.waitFor({ timeout: 10_000 });
    const href = (await link.getAttribute('href')) ?? '';
    assert.ok(href.startsWith(`${server.url}/kopi/`), `an absolute link to this server: ${href}`);
    const [copy] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await copy.waitForLoadState();
    assert.equal(new URL(copy.url()).pathname.startsWith('/kopi/'), true);
    await copy.getByText('Jeg lurer på AAP').first().waitFor();
    await copy.close();

    // The veileder closes: the person is told, gets the copy again, and the menu's choices.
    const [item] = (await http(`${api()}?state=queued`, auth())).body.handoffs as Array<{ id: string }>;
    assert.equal((await http(`${api()}/${item!.id}/accept`, { ...auth(), method: 'POST' })).status, 200);
    assert.equal((await http(`${api()}/${item!.id}/close`, { ...auth(), method: 'POST' })).status, 200);
    await botSays(page, t('nb', 'handoff:relay.closed')).waitFor({ timeout: 10_000 });
    await choice(page, t('nb', 'menu.triage')).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${OUTPUT}phone-nb-after-close.png` });
    // The bot answers again: a choice from the menu leads somewhere, not back to the veileder.
    const botBubbles = '#webchat .webchat__bubble:not(.webchat__bubble--from-user)';
    const count = await page.locator(botBubbles).count();
    await choice(page, t('nb', 'menu.aap')).click();
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length > n, [botBubbles, count] as const, { timeout: 10_000 });
    assert.equal((await http(`${api()}/${item!.id}/messages?after=0`, auth())).body.state, 'closed');
  });

  it('"slett samtalen" takes what was deleted off the screen, without a reload', async () => {
    await markPage(page);
    await say(page, 'hjelp');
    await botSays(page, t('nb', 'help.text')).waitFor();
    await say(page, 'slett samtalen');
    await choice(page, t('nb', 'privacy:delete.yesButton')).click();
    await botSays(page, t('nb', 'privacy:delete.done')).waitFor({ timeout: 10_000 });
    await choice(page, t('nb', 'menu.triage')).waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => !document.querySelector('#webchat')?.textContent?.includes('slett samtalen»: slette alt'), undefined, { timeout: 10_000 });
    const texts = await bubbles(page).allTextContents();
    assert.ok(!texts.some((text) => text.includes('hjelp') && text.length < 10), 'the person\'s own "hjelp" is gone');
    assert.ok(!texts.some((text) => text.startsWith(t('nb', 'welcome.hello'))), 'the greeting is gone');
    assert.ok(texts[0]?.startsWith(t('nb', 'privacy:delete.done')), `the screen starts with the deletion: ${texts[0]}`);
    assert.equal(await stillSamePage(page), true, 'no reload');
    await page.screenshot({ path: `${OUTPUT}phone-nb-deleted.png` });

    // The conversation goes on, and a reload does not bring anything back.
    await say(page, 'hjelp');
    await botSays(page, t('nb', 'help.text')).waitFor();
    await page.reload();
    await botSays(page, t('nb', 'help.text')).waitFor();
    assert.ok((await bubbles(page).allTextContents())[0]?.startsWith(t('nb', 'privacy:delete.done')));
  });

  it('follows the bot when the person writes "English": lang, title, heading and placeholder', async () => {
    await say(page, 'English');
    await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 10_000 });
    assert.equal(await page.title(), webText('en').title);
    assert.equal((await page.locator('h1').textContent())?.trim(), webText('en').heading);
    assert.equal(await page.locator(SEND_BOX).getAttribute('placeholder'), webText('en').webchat.TEXT_INPUT_PLACEHOLDER);
    assert.equal(await page.locator('.language-option[data-lang="en"]').getAttribute('aria-pressed'), 'true');
    await choice(page, t('en', 'menu.triage')).waitFor();
    assert.equal(await bubbles(page).filter({ hasText: t('en', 'language.switched') }).count(), 1, 'the bot was not told again');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForTimeout(1000);
    assert.equal(await bubbles(page).filter({ hasText: t('en', 'language.switched') }).count(), 1, 'nor after a reload');
  });

  it("the page's language buttons switch the bot and ask the current question again with its choices", async () => {
    await choice(page, t('nb', 'menu.triage')).click();
    await botSays(page, t('nb', 'triage:intro.askGoal')).waitFor({ timeout: 10_000 });
    await say(page, 'Jeg vil ha jobb');
    await choice(page, t('nb', 'triage:buttons.skip')).waitFor({ timeout: 10_000 }); // the age
    await say(page, t('nb', 'triage:buttons.skip'));
    await botSays(page, t('nb', 'triage:questions.situation.text')).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    const before = await choices(page).allTextContents();
    assert.ok(before.length > 5, `the situation question has its choices (${before.length})`);

    await page.locator('.language-option[data-lang="nn"]').click();
    await botSays(page, t('nn', 'language.switched')).waitFor({ timeout: 10_000 });
    await botSays(page, t('nn', 'triage:questions.situation.text')).waitFor({ timeout: 10_000 });
    await choice(page, t('nn', 'triage:buttons.skip')).waitFor({ timeout: 10_000 });
    const after = await choices(page).allTextContents();
    assert.equal(after.length, before.length, 'the same question, with as many choices');
    assert.notDeepEqual(after, before, 'the choices are in nynorsk now');
    await page.screenshot({ path: `${OUTPUT}phone-nn-switched-mid-question.png` });
  });
});

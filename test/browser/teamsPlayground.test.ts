import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { t } from '../../dialogs/i18n.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { launchBrowser, requireChromium, type Browser } from '../helpers/browser.js';
import { PLAYGROUND_IDS, startPlayground, type Playground } from '../helpers/playground.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const tr = handoffTexts('nb');
const WAIT = 15_000;

/**
 * Veiviser in Microsoft's own local Teams simulator, Microsoft 365 Agents Playground, driven in
 * Chromium as a person would: Veiviser in local Teams mode and the Playground on free ports, the
 * citizen in the Teams personal chat, the veileder (the same Playground user) in a team channel
 * and in a group chat, both configured in VEILEDER_TEAMS_CONVERSATION. The page's requests to
 * anything but this machine (it asks Microsoft's CDN for the Segoe UI font) are refused and
 * counted, so nothing from outside this machine is needed.
 */
describe('Teams in Microsoft 365 Agents Playground (Chromium)', function () {
  this.timeout(180_000);
  let server: RealServer;
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];

  before(async function () {
    requireChromium(this);
    server = await startRealServer({ TEAMS_LOCAL: '1', VEILEDER_TEAMS_CONVERSATION: `${PLAYGROUND_IDS.team},${PLAYGROUND_IDS.groupChat}` });
    playground = await startPlayground(`http://127.0.0.1:${server.port}/api/messages`);
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    page = await browser.context.newPage();
    await page.route(
      (url) => !['localhost', '127.0.0.1'].includes(url.hostname),
      (route) => {
        refused.push(new URL(route.request().url()).hostname);
        return route.abort();
      },
    );
    await page.goto(playground.url);
    // The log panel repeats every message's text; hidden, the page shows only the conversation.
    await page.getByTitle('Toggle Log Panel').click();
    await page.getByText('Log Panel').waitFor({ state: 'hidden', timeout: WAIT });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/playground-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}.png` }).catch(() => undefined);
    }
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await server?.close(1000);
    if (refused.length > 0) console.log(`      (the Playground page asked for ${refused.length} outside resources, refused: ${[...new Set(refused)].join(', ')})`);
  });

  const open = (name: string) => page.getByRole('treeitem', { name }).click();
  const seen = (text: string) => page.getByText(text, { exact: false }).last().waitFor({ timeout: WAIT });
  /** How many messages show this text in the open conversation (the side list's previews not counted). */
  const countOf = (text: string) =>
    page.evaluate((wanted) => {
      const side = document.querySelector('[aria-label="Chat and Teams Channel"]');
      const all = [...document.querySelectorAll('body *')].filter((e) => !side?.contains(e) && (e.textContent ?? '').includes(wanted));
      return all.filter((e) => ![...e.children].some((c) => (c.textContent ?? '').includes(wanted))).length;
    }, text);
  /** @Veiviser in the box being written in (picked from the Playground's mention list). */
  const mentionBot = async () => {
    await page.keyboard.type('@Veivi');
    await page.getByRole('menuitem', { name: 'Veiviser' }).click();
    await page.keyboard.type(' ');
  };
  /**
   * Writes in the open chat's own box (a personal or group chat has one). In a group chat the
   * Playground, like Teams without the app's RSC permission, gives the bot only messages that
   * @mention it.
   */
  const write = async (text: string, options: { mention?: boolean } = {}) => {
    await page.locator('[data-lexical-editor="true"]').last().click();
    if (options.mention) await mentionBot();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  /** Replies in the thread of the channel post that shows this text, @mentioning Veiviser (as in a group chat). */
  const replyInThread = async (postText: string, text: string) => {
    const post = page.locator('div').filter({ hasText: postText }).filter({ has: page.locator('[data-lexical-editor="true"]') }).last();
    await post.locator('[data-lexical-editor="true"]').last().click();
    await mentionBot();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const press = (name: string) => page.getByRole('button', { name, exact: true }).last().click();
  const settle = () => page.waitForTimeout(1000);

  it('installed in the configured team channel and group chat, Veiviser says so once in each', async () => {
    await open('General');
    await seen(tr('veileder.installed'));
    await settle();
    assert.equal(await countOf(tr('veileder.installed')), 1);
    await open(PLAYGROUND_IDS.groupChatName);
    await seen(tr('veileder.installedChat'));
    await settle();
    assert.equal(await countOf(tr('veileder.installedChat')), 1);
  });

  it('the citizen in the personal chat: the menu card, "Snakk med et menneske", the summary, Send, the queue', async () => {
    await open('Personal Chat');
    await seen(t('nb', 'welcome.choose'));
    await press(t('nb', 'menu.human'));
    await seen(tr('consent.askRequest'));
    await write('Jeg har mistet jobben og har ikke penger til husleia');
    await seen(tr('consent.intro'));
    await page.getByText(t('nb', 'handoff:render.ownWords'), { exact: true }).last().waitFor({ timeout: WAIT });
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/playground-citizen-summary.png' });
    await press(tr('consent.buttons.send'));
    await seen('Du er nummer 1 i køen');
    // The copy link is absolute: Teams has no page to resolve a relative one against.
    await page.locator(`a[href^="http://localhost:${server.port}/kopi/"]`).last().waitFor({ timeout: WAIT });
  });

  it('the veileder in the team channel: the card, Ta saken, the thread both ways, Avslutt', async () => {
    await open('General');
    await seen('«Jeg har mistet jobben og har ikke penger til husleia»');
    await press(t('nb', 'handoff:veileder.actions.accept'));
    await seen(tr('veileder.threadStart'));
    await seen('Kari Nordmann har tatt denne');
    await replyInThread('Jeg har mistet jobben og har ikke penger til husleia', 'Hei, jeg heter Kari. Vi ser på husleia sammen.');

    await open('Personal Chat');
    await seen('Kari Nordmann (veileder): Hei, jeg heter Kari. Vi ser på husleia sammen.');
    await write('Takk! Husleia er 9000 kroner');

    await open('General');
    await seen('Brukeren skriver: Takk! Husleia er 9000 kroner');
    await press(t('nb', 'handoff:veileder.actions.close'));
    await seen(tr('veileder.cardClosed'));

    await open('Personal Chat');
    await seen(tr('relay.closed'));
  });

  it('the veileder in the group chat: the citizen asks again, Ta saken answers at once, messages both ways in the chat', async () => {
    await write(t('nb', 'menu.human'));
    await seen('Vil du sende den til en veileder?');
    await press(tr('consent.buttons.send'));
    await page.getByText('Du er nummer 1 i køen').nth(1).waitFor({ timeout: WAIT });

    await open(PLAYGROUND_IDS.groupChatName);
    await page.getByRole('button', { name: t('nb', 'handoff:veileder.actions.accept'), exact: true }).waitFor({ timeout: WAIT });
    const pressed = Date.now();
    await press(t('nb', 'handoff:veileder.actions.accept'));
    await seen(tr('veileder.chatStart'));
    const took = Date.now() - pressed;
    assert.ok(took < 5000, `Ta saken answered after ${took} ms`);
    await write('Hei igjen, det er Kari. Hva trenger du nå?', { mention: true });

    await open('Personal Chat');
    await seen('Kari Nordmann (veileder): Hei igjen, det er Kari. Hva trenger du nå?');
    await write('Hjelp til å søke sosialhjelp');

    await open(PLAYGROUND_IDS.groupChatName);
    await seen('Brukeren skriver: Hjelp til å søke sosialhjelp');
    await press(t('nb', 'handoff:veileder.actions.close'));
    await page.getByText(tr('veileder.cardClosed'), { exact: true }).last().waitFor({ timeout: WAIT });
    assert.equal(await countOf('tråden'), 0, 'the group chat never speaks of a thread');
  });
});

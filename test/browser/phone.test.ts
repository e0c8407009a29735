import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { MENU_ACTIONS } from '../../dialogs/root/menu.js';
import { knownPhoneNumbers } from '../../bot/phoneNumbers.js';
import { helplineValues } from '../../core/safety/index.js';
import { launchBrowser, requireChromium, transcriptSettled, type Browser } from '../helpers/browser.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BROWSER_LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const DECLINE: Record<Lang, string> = { nb: 'nei takk', nn: 'nei takk', en: 'no thanks' };
const CRISIS: Record<Lang, string> = { nb: 'jeg vil ta livet mitt', nn: 'eg vil ikkje leve lenger', en: 'I want to kill myself' };

interface Seen {
  /** The element's top edge is on screen and not scrolled away inside the chat. */
  top: boolean;
  /** All of the element is on screen and not cut off by the chat's scrolling areas. */
  whole: boolean;
}

/** What of the element a person sees: the viewport and every scrolling box around it clip it. */
async function seen(locator: Locator): Promise<Seen> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowY;
      if (overflow === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
    }
    const slack = 1;
    return {
      top: box.top >= top - slack && box.top < bottom - 20,
      whole: box.top >= top - slack && box.bottom <= bottom + slack && box.height > 0,
    };
  });
}

/** The latest bot message whose text contains this. */
function botMessage(page: Page, text: string): Locator {
  return page.locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').filter({ hasText: text }).last();
}

function choice(page: Page, label: string): Locator {
  return page.locator('#webchat .webchat__suggested-action').filter({ hasText: label }).first();
}

/** The label of a choice is shown whole: wrapped onto more lines if need be, never cut off. */
async function labelWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate((button) => {
    const text = button.querySelector('.webchat__suggested-action__text') ?? button;
    return text.scrollWidth <= text.clientWidth + 1 && text.scrollHeight <= text.clientHeight + 1 && button.scrollWidth <= button.clientWidth + 1;
  });
}

describe('the citizen page on a phone (390 × 844)', function () {
  this.timeout(120_000);
  let server: RealServer;

  before(async function () {
    requireChromium(this);
    mkdirSync(OUTPUT, { recursive: true });
    server = await startRealServer();
  });

  after(async () => {
    if (!server) return;
    try {
      await server.close(2000);
    } finally {
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });

  for (const lang of LANGUAGES) {
    describe(lang, () => {
      let browser: Browser;
      let page: Page;

      before(async () => {
        browser = await launchBrowser({ locale: BROWSER_LOCALE[lang], viewport: PHONE });
        page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await page.goto(`${server.url}/?lang=${lang}`);
      });

      after(async () => browser?.close());

      it('writes when each message was sent as a 24-hour clock time, with the day when it was not today', async () => {
        const times = page.locator('#webchat .sent-at').filter({ visible: true });
        await times.first().waitFor();
        const today = await times.allTextContents();
        const clock = lang === 'en' ? /^\d{2}:\d{2}$/ : /^kl\. \d{2}:\d{2}$/;
        for (const text of today) assert.match(text, clock);
        // Two days on, the same messages carry their day: "2. desember kl. 15:19", "2 December, 15:19".
        const later = await browser.context.newPage();
        try {
          await later.clock.setFixedTime(new Date(Date.now() + 2 * 24 * 3600_000));
          await later.goto(`${server.url}/?lang=${lang}`);
          await later.locator('#webchat .sent-at').first().waitFor({ timeout: 15_000 });
          const earlier = await later.locator('#webchat .sent-at').filter({ visible: true }).allTextContents();
          assert.ok(earlier.length > 0);
          const dated = lang === 'en' ? /^\d{1,2} [A-Z][a-z]+, \d{2}:\d{2}$/ : /^\d{1,2}\. [a-zæøå]+ kl\. \d{2}:\d{2}$/;
          for (const text of earlier) assert.match(text, dated);
        } finally {
          await later.close();
        }
      });

      it('on first load shows the question, its first choices and the message box without scrolling the page', async () => {
        const question = botMessage(page, t(lang, 'welcome.choose'));
        await question.waitFor({ state: 'visible', timeout: 15_000 });
        await choice(page, t(lang, 'menu.triage')).waitFor({ state: 'visible' });
        await transcriptSettled(page);
        await page.screenshot({ path: `${OUTPUT}phone-${lang}-first-load.png` });
        assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page itself is not scrolled');
        assert.deepEqual(await seen(page.locator(SEND_BOX)), { top: true, whole: true }, 'the message box');
        assert.equal((await seen(question)).whole, true, 'the question');
        assert.equal((await seen(choice(page, t(lang, 'menu.triage')))).whole, true, 'the first choice');
      });

      it('shows more than five choices as one list that scrolls, every label whole', async () => {
        const labels = MENU_ACTIONS.map((action) => t(lang, `menu.${action}`));
        assert.ok(labels.length > 5);
        const list = page.locator('#webchat .webchat__suggested-actions__stack');
        await list.waitFor({ state: 'visible' });
        const { scrolls, height } = await list.evaluate((el) => ({ scrolls: el.scrollHeight > el.clientHeight, height: el.clientHeight }));
        assert.ok(scrolls, 'the list scrolls instead of pushing the question away');
        assert.ok(height <= PHONE.height * 0.4, `the list takes at most 40 % of the screen (${height} px)`);
        for (const label of labels) {
          const button = choice(page, label);
          assert.equal(await labelWhole(button), true, `"${label}" is shown whole`);
          await button.scrollIntoViewIfNeeded();
          assert.equal((await seen(button)).whole, true, `"${label}" can be scrolled into view`);
        }
        assert.deepEqual(await seen(page.locator(SEND_BOX)), { top: true, whole: true }, 'the message box stays in view');
      });

      it('scrolls a long answer to its top, and keeps its choices and the message box in view', async () => {
        await choice(page, t(lang, 'menu.aap')).click();
        const amount = t(lang, 'rights:topics.AAP.parts.amount.label');
        await choice(page, amount).waitFor({ state: 'visible' });
        await choice(page, amount).click();
        // The answer is the bot message right after the person's own.
        const answer = page.locator('#webchat .webchat__basic-transcript__activity').filter({ has: page.locator('.webchat__bubble--from-user', { hasText: amount }) }).last().locator('xpath=following-sibling::*[1]');
        await answer.waitFor({ state: 'visible', timeout: 10_000 });
        await choice(page, t(lang, 'menu.human')).waitFor({ state: 'visible' });
        await transcriptSettled(page);
        await page.screenshot({ path: `${OUTPUT}phone-${lang}-long-answer.png` });
        assert.equal((await seen(answer.locator('.webchat__bubble__content').first())).top, true, 'the top of the answer is in view');
        assert.equal((await seen(page.locator('#webchat .webchat__suggested-action').first())).whole, true, 'its first choice is in view');
        assert.deepEqual(await seen(page.locator(SEND_BOX)), { top: true, whole: true }, 'the message box');
      });

      it('makes every help-line number in the crisis answer a tel: link, and shows the answer from its top', async () => {
        await page.locator(SEND_BOX).fill(CRISIS[lang]);
        await page.locator(SEND_BOX).press('Enter');
        const first = t(lang, 'safety:self_harm', { ...helplineValues() }).split('\n')[0]!;
        const answer = botMessage(page, first);
        await answer.waitFor({ state: 'visible', timeout: 10_000 });
        await transcriptSettled(page);
        await page.screenshot({ path: `${OUTPUT}phone-${lang}-crisis.png` });
        const links = await answer.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href'), target: a.getAttribute('target') })));
        const expected = knownPhoneNumbers().filter((p) => ['medical_emergency', 'mental_helse', 'kirkens_sos', 'legevakt', 'children_and_young', 'police'].some((id) => helplineValues()[id] === p.text));
        assert.equal(expected.length, 6);
        for (const number of expected) {
          const link = links.find((l) => l.text.replace(/\s/g, '') === number.text.replace(/\s/g, ''));
          assert.ok(link, `${number.text} is a link`);
          assert.equal(link.href, number.tel);
          assert.equal(link.target, null, 'a call does not open a new tab');
        }
        assert.equal((await seen(answer)).top, true, 'the top of the crisis answer is in view');
        assert.equal((await seen(answer.locator('a[href^="tel:"]').first())).whole, true, 'the first number is in view');
      });

      it("makes NAV's number a tel: link where the bot writes it", async () => {
        const say = async (text: string) => {
          await page.locator(SEND_BOX).fill(text);
          await page.locator(SEND_BOX).press('Enter');
        };
        await say(t(lang, 'menu.human'));
        await botMessage(page, t(lang, 'handoff:consent.askRequest')).waitFor({ state: 'visible', timeout: 10_000 });
        await say('AAP');
        // Typed, not the button: in English the classifier now reads "Do not send" as a reason to
        // ask the crisis check-in question (reported; the training data is not this test's subject).
        await say(DECLINE[lang]);
        const nav = knownPhoneNumbers().find((p) => p.text === '55 55 33 33');
        assert.ok(nav);
        await page.locator(`#webchat a[href="${nav.tel}"]`).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
      });
    });
  }
});

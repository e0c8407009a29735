import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { Citizen } from '../helpers/flowHarness.js';
import { launchBrowser, requireChromium, runAxe, type Browser } from '../helpers/browser.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${root}test-output/`;
const veileder = (lang: Lang) => (JSON.parse(readFileSync(`${root}locales/${lang}/handoff.json`, 'utf8')) as { veileder: Record<string, unknown> }).veileder;
const fill = (template: unknown, vars: Record<string, string | number>) =>
  Object.entries(vars).reduce((text, [k, v]) => text.split(`{{${k}}}`).join(String(v)), String(template));

/** A citizen on the web chat who asks for a veileder with this request and sends the summary. */
async function askForVeileder(base: string, request: string, first?: string): Promise<Citizen> {
  const citizen = await Citizen.start(base, 'nb');
  if (first) await citizen.say(first);
  await citizen.say(t('nb', 'menu.human'));
  await citizen.say(request);
  await citizen.say(t('nb', 'handoff:consent.buttons.send'));
  return citizen;
}

describe('the veileder page: new and urgent cases, closed today, language, closing with a note', function () {
  this.timeout(90_000);
  let server: RealServer;
  let browser: Browser;
  let page: Page;

  before(async function () {
    requireChromium(this);
    mkdirSync(OUTPUT, { recursive: true });
    server = await startRealServer();
    browser = await launchBrowser({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}/veileder`);
    await page.getByLabel('Tilgangsnøkkel').fill(server.veilederToken);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Ingen venter nå.').waitFor();
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

  let urgent: Citizen;

  it('counts new and urgent cases in the badge and the tab title', async () => {
    urgent = await askForVeileder(server.directLineBase, 'Trenger mat i dag', t('nb', 'menu.emergency'));
    await askForVeileder(server.directLineBase, 'Lurer på AAP');
    const v = veileder('nb');
    const badge = `${fill(v.badgeNew_other, { count: 2 })} · ${fill(v.badgeUrgent, { count: 1 })}`;
    await page.locator('#queue-count').getByText(badge).waitFor({ timeout: 10_000 });
    assert.equal(await page.title(), fill(v.titleUrgent, { count: 2, urgent: 1, title: v.title as string }));
    assert.match((await page.locator('#queue li').first().textContent()) ?? '', /Trenger mat i dag/, 'the urgent one first');
  });

  it('counts a taken case no longer as new', async () => {
    await page.locator('#queue li').first().getByRole('button', { name: /^Åpne/ }).click();
    await page.getByRole('button', { name: 'Ta saken' }).click();
    await page.getByLabel('Melding til brukeren').waitFor();
    const v = veileder('nb');
    await page.waitForFunction((title) => document.title === title, fill(v.titleNew, { count: 1, title: v.title as string }), { timeout: 10_000 });
    assert.equal((await page.locator('#queue-count').textContent())?.trim(), fill(v.badgeNew_one, { count: 1 }));
  });

  it('draws the open case again in the new language, its messages too', async () => {
    await page.locator('#messages li').first().waitFor();
    await page.selectOption('#lang', 'nn');
    const nn = veileder('nn') as { states: Record<string, string>; from: Record<string, string>; actions: Record<string, string> };
    await page.locator('#state').getByText(nn.states.accepted!).waitFor();
    assert.ok(((await page.locator('#messages li .who').first().textContent()) ?? '').startsWith(nn.from.system!), 'the message says who wrote it in nynorsk');
    await page.getByRole('button', { name: nn.actions.close, exact: true }).waitFor();
    await page.selectOption('#lang', 'en');
    const en = veileder('en') as { states: Record<string, string>; from: Record<string, string> };
    await page.locator('#state').getByText(en.states.accepted!).waitFor();
    assert.ok(((await page.locator('#messages li .who').first().textContent()) ?? '').startsWith(en.from.system!));
    assert.equal(await page.locator('#messages li').count(), 1, 'each message once');
    await page.selectOption('#lang', 'nb');
    await page.locator('#state').getByText('tatt').waitFor();
  });

  it('asks before closing; cancelling keeps the case open', async () => {
    await page.getByRole('button', { name: 'Avslutt', exact: true }).click();
    const form = page.locator('#close-form');
    await form.waitFor();
    assert.equal(await page.getByLabel('Siste beskjed til brukeren (valgfritt)').evaluate((el) => el === document.activeElement), true, 'the note is in focus');
    const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`), []);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await form.waitFor({ state: 'hidden' });
    assert.equal((await page.locator('#state').textContent())?.trim(), 'tatt');
  });

  it('closes with a note that reaches the citizen first, then the menu; the case stays listed as closed today', async () => {
    await urgent.read();
    await page.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await page.getByLabel('Siste beskjed til brukeren (valgfritt)').fill('Ring oss i morgen, så finner vi en tid.');
    await page.screenshot({ path: `${OUTPUT}veileder-close-confirm.png`, fullPage: true });
    await page.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await page.locator('#state').getByText('avsluttet').waitFor();
    const closed = page.locator('#closed li');
    await closed.first().getByText('Trenger mat i dag').waitFor();
    assert.match((await closed.first().textContent()) ?? '', /Avsluttet \d{2}:\d{2}/);
    assert.equal(await page.locator('#queue li').count(), 1);

    let seen = await urgent.read();
    for (let i = 0; i < 20 && !seen.some((s) => s.buttons.length > 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = [...seen, ...(await urgent.read())];
    }
    assert.match(seen[0]?.text ?? '', /Ring oss i morgen, så finner vi en tid\./, 'the note first');
    assert.match(seen[1]?.text ?? '', /^Veilederen har avsluttet samtalen/);
    const menu = seen.at(-1);
    assert.equal(menu?.text, t('nb', 'welcome.choose'));
    assert.ok(menu?.buttons.includes(t('nb', 'menu.triage')), 'then the menu, with its choices');
    await page.screenshot({ path: `${OUTPUT}veileder-closed-today.png`, fullPage: true });
  });
});

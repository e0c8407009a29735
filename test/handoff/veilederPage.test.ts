import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser, requireChromium, runAxe, type Browser } from '../helpers/browser.js';
import { Citizen, startHandoffServer, texts, VEILEDER_TOKEN, type HandoffServer } from './harness.js';

describe('the veileder page in Chromium', function () {
  this.timeout(60_000);
  let server: HandoffServer;
  let browser: Browser;

  before(async function () {
    requireChromium(this);
    server = await startHandoffServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, shows the queue and the summary, takes it, talks both ways and closes; axe finds nothing serious', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.running.url}/veileder`);
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    const serious = (violations: Awaited<ReturnType<typeof runAxe>>) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious(await runAxe(page)).map((v) => v.id), [], 'sign-in page');

    await page.getByLabel('Tilgangsnøkkel').fill('wrong-token-wrong-token');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Nøkkelen ble ikke godtatt').waitFor();

    await page.getByLabel('Tilgangsnøkkel').fill(VEILEDER_TOKEN);
    await page.getByLabel('Nav-ident (valgfritt)').fill('Z990002');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Køen' }).waitFor();
    await page.getByText('Ingen venter nå.').waitFor();

    // A citizen asks for a veileder while the page is open (so a veileder counts as online).
    const citizen = await Citizen.start(server);
    await citizen.say('veileder');
    await citizen.say('Jeg har mistet jobben og vet ikke hva jeg skal søke om');
    assert.match(texts(await citizen.say('ja'))[0] ?? '', /Du er nummer 1 i køen/);
    const item = page.locator('#queue li').first();
    await item.getByText('Jeg har mistet jobben').waitFor();
    assert.match((await item.textContent()) ?? '', /vanlig/);

    await item.getByRole('button', { name: /^Åpne/ }).click();
    const summary = page.locator('#summary');
    await summary.getByText('Fra chatten: ønsker å snakke med en veileder').waitFor();
    assert.match((await summary.textContent()) ?? '', /«Jeg har mistet jobben og vet ikke hva jeg skal søke om»/);

    await page.getByRole('button', { name: 'Ta saken' }).click();
    await page.getByLabel('Melding til brukeren').waitFor();
    assert.deepEqual(texts(await citizen.read()), ['Nå snakker du med en veileder i Nav. Det du skriver, går rett til veilederen.']);

    await page.getByLabel('Melding til brukeren').fill('Hei, jeg ser på saken din nå.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('#messages').getByText('Hei, jeg ser på saken din nå.').waitFor();
    assert.deepEqual(texts(await citizen.read()), ['Veileder: Hei, jeg ser på saken din nå.']);

    assert.deepEqual(await citizen.say('Tusen takk'), []);
    await page.locator('#messages').getByText('Tusen takk').waitFor({ timeout: 10_000 });
    // What the citizen writes is shown as text: a markdown link or an address is not a link.
    const tricky = 'Se [klikk her](https://evil.example/login) eller www.evil.example';
    await citizen.say(tricky);
    await page.locator('#messages').getByText(tricky).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('#messages a, #summary a, #queue a').count(), 0, 'no link in anything the citizen wrote');

    assert.deepEqual(serious(await runAxe(page)).map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`), [], 'work view');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/veileder-page.png', fullPage: true });

    await page.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await page.getByRole('button', { name: 'Avslutt samtalen' }).click();
    await page.locator('#state').getByText('avsluttet').waitFor();
    assert.match(texts(await citizen.read())[0] ?? '', /^Veilederen har avsluttet samtalen/);

    const audit = await server.records.readAudit();
    assert.ok(audit.some((a) => a.actor === 'veileder:Z990002' && a.action === 'handoff.view'));
  });
});

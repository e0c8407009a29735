import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser, requireChromium, runAxe, type Browser } from '../helpers/browser.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';
import { http } from './harness.js';

const SEND_BOX = '[data-id="webchat-sendbox-input"]';

/** The whole bot as `npm start` composes it, the citizen in Web Chat, the veileder through the API. */
describe('handoff in the citizen web chat (Chromium, real server)', function () {
  this.timeout(90_000);
  let server: RealServer;
  let browser: Browser;

  before(async function () {
    requireChromium(this);
    server = await startRealServer();
    browser = await launchBrowser({ viewport: { width: 400, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the summary line by line, sends it with the button, and shows the veileder\'s message', async () => {
    const api = `${server.url}/api/handoffs`;
    const auth = { token: server.veilederToken };
    await http(api, auth); // a veileder is signed in

    const page = await browser.context.newPage();
    await page.goto(server.url);
    const chat = page.locator('#webchat');
    const send = async (text: string) => {
      await page.locator(SEND_BOX).fill(text);
      await page.locator(SEND_BOX).press('Enter');
    };
    await page.locator(SEND_BOX).waitFor();
    // Wait for the greeting, so the chat is connected before we write.
    await chat.locator('.webchat__bubble__content').first().waitFor();
    await send('snakk med et menneske');
    await chat.getByText('Hva vil du ha hjelp til?').first().waitFor();
    await send('Jeg har fått brev om at AAP stopper, og vet ikke hva jeg skal gjøre');
    await chat.getByText('Med mine egne ord:').first().waitFor();

    // Plain text keeps the line breaks: the heading and the first section are on separate lines.
    const bubble = chat.locator('.webchat__bubble__content').filter({ hasText: 'Med mine egne ord:' }).first();
    const box = await bubble.boundingBox();
    assert.ok(box && box.height > 200, `the summary is shown as several lines (height ${box?.height})`);

    await chat.getByRole('button', { name: 'Send', exact: true }).first().click();
    await chat.getByText('Du er nummer 1 i køen').first().waitFor();

    const [item] = (await http(`${api}?state=queued`, auth)).body.handoffs as Array<{ id: string; request: string }>;
    assert.equal(item?.request, 'Jeg har fått brev om at AAP stopper, og vet ikke hva jeg skal gjøre');
    assert.equal((await http(`${api}/${item!.id}/accept`, { ...auth, method: 'POST' })).status, 200);
    await chat.getByText('Nå snakker du med en veileder i Nav.').first().waitFor();
    await http(`${api}/${item!.id}/messages`, { ...auth, method: 'POST', body: { text: 'Hei, dette er Nora fra Nav. Jeg hjelper deg.' } });
    await chat.getByText('Hei, dette er Nora fra Nav. Jeg hjelper deg.').first().waitFor();

    const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`), []);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/handoff-citizen.png', fullPage: true });
  });
});

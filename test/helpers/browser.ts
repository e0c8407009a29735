import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags measured to work headless in containers (tech-notes §3.4). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Call first in a browser suite's before(). Without Chromium the suite fails on CI (CI=true)
 * and is skipped elsewhere, saying so plainly.
 */
export function requireChromium(ctx: Mocha.Context): void {
  if (chromiumAvailable()) return;
  const how = 'install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)';
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run on CI; ${how}`);
  console.log(`\n    SKIPPED browser tests: Chromium not found at ${CHROMIUM_PATH}; ${how}\n`);
  ctx.skip();
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface BrowserOptions {
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A fresh headless Chromium with its own throw-away profile. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'veiviser-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'nb-NO',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Runs axe-core in the page. It is evaluated over the DevTools protocol, which the page's own
 * Content-Security-Policy does not apply to, so the page is tested with its real CSP.
 */
export async function runAxe(page: Page, tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']): Promise<AxeViolation[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  }, tags);
}

/**
 * Waits until Web Chat's transcript has stopped moving: its scroll position and height unchanged
 * for `quietMs` (it scrolls smoothly, and a loaded machine renders late), or `maxMs` has passed.
 */
export async function transcriptSettled(page: Page, quietMs = 600, maxMs = 10_000): Promise<void> {
  const where = () =>
    page.evaluate(() => {
      const t = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
      return t ? `${t.scrollTop}/${t.scrollHeight}` : '';
    });
  let last = await where();
  let quietSince = Date.now();
  for (const until = Date.now() + maxMs; Date.now() < until; ) {
    await page.waitForTimeout(100);
    const now = await where();
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeParts } from '../../bot/compose.js';
import { loadConfig } from '../../bot/config.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { mountStatic } from '../../bot/static.js';

export interface PageServer extends RunningServer {
  stop(): Promise<void>;
}

/** The whole bot as `npm start` runs it, plus the citizen page, on a free port. */
export async function startPageServer(): Promise<PageServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-page-'));
  const config = loadConfig({ PORT: '0', OPENING_HOURS: 'always', DATA_DIR: dataDir, VEILEDER_TOKEN: 'browser-test-veileder-token' });
  const log = pino({ level: 'silent' });
  const parts = await composeParts(config, { log });
  const running = await startServer(config, { ...parts, log, mount: (web) => mountStatic(web) });
  return {
    ...running,
    async stop() {
      await running.close(2000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

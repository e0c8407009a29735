import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeParts, type ComposeOptions } from '../../bot/compose.js';
import { loadConfig } from '../../bot/config.js';
import { startServer, type RunningServer, type ServerParts } from '../../bot/server.js';

export interface RealServer extends RunningServer {
  dataDir: string;
  veilederToken: string;
  directLineBase: string;
}

/** The whole bot as `npm start` runs it, on a free port with its own data folder. */
export async function startRealServer(env: Record<string, string> = {}, extra: Partial<ServerParts> = {}, compose: ComposeOptions = {}): Promise<RealServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'veiviser-test-'));
  const veilederToken = env.VEILEDER_TOKEN ?? 'test-veileder-token-0123456789';
  const config = loadConfig({ PORT: '0', OPENING_HOURS: 'always', ...env, DATA_DIR: dataDir, VEILEDER_TOKEN: veilederToken });
  const log = compose.log ?? pino({ level: 'silent' });
  const parts = await composeParts(config, { ...compose, log });
  const running = await startServer(config, { ...parts, ...extra, log });
  return { ...running, dataDir, veilederToken, directLineBase: `${running.url}/v3/directline` };
}

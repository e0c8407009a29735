import { ConfigError, loadConfig } from './config.js';
import { composeParts } from './compose.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';
import { DataDirInUseError, UnreadableConfigError } from './storage/index.js';

const log = createLogger();

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.teamsLocal) {
    log.warn({ teamsLocal: true }, 'TEAMS_LOCAL=1: /api/messages has no Bot Framework authentication and answers this machine only');
  }
  const started = Date.now();
  const parts = await composeParts(config, { log });
  const running = await startServer(config, { ...parts, log });
  const base = `http://localhost:${running.port}`;
  log.info({ port: running.port, store: config.databaseUrl ? 'postgres' : 'lowdb', startupMs: Date.now() - started }, 'Veiviser is running');
  // Printed to the terminal for the person who started it; never written to the structured log.
  process.stdout.write(`\n  Veiviser:      ${base}/\n  Veileder page: ${base}/veileder\n`);
  if (config.teamsLocal) {
    process.stdout.write(
      `\n  WARNING: local Teams mode (TEAMS_LOCAL=1). ${base}/api/messages has no Bot Framework authentication;\n` +
        '  it answers only requests from this machine whose serviceUrl is on this machine. For testing with\n' +
        `  Microsoft 365 Agents Playground: npx agentsplayground -e ${base}/api/messages -c msteams\n`,
    );
  }
  if (config.veilederTokenGenerated) process.stdout.write(`  Veileder token (generated for this run): ${config.veilederToken}\n`);
  process.stdout.write('\n');

  const stop = (signal: string) => {
    log.info({ signal, inFlight: running.directLine.inFlight() }, 'shutting down; finishing turns in flight');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirInUseError || err instanceof UnreadableConfigError) {
    process.stderr.write(`veiviser: ${err.message}\n`);
  } else {
    log.fatal({ err }, 'start-up failed');
  }
  process.exit(1);
});

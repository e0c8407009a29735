/**
 * One server for `npm run bench`, in its own process (forked by scripts/bench.ts with an IPC
 * channel), so the benchmark's client does not share the server's event loop, and two instances
 * on PostgreSQL do not share one either, as in a real deployment.
 * Environment: DATA_DIR, DATABASE_URL (optional), BENCH_ECHO=1 for the echo baseline,
 * BENCH_STORED=N conversations written to storage before it says it is ready.
 * Messages to the parent: { ready: url }, then { rssMb } whenever it receives 'rssMb', and
 * { majorGcs } (every major garbage collection since it started) whenever it receives 'majorGcs'.
 */
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';
import type { TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { composeParts } from '../bot/compose.js';
import { loadConfig } from '../bot/config.js';
import { startServer } from '../bot/server.js';

const echo = async (ctx: TurnContext) => {
  if (ctx.activity.type === 'message') await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
};

/** Conversation state as the bot stores it, so the store holds `count` realistic conversations. */
async function prefill(storage: { write(changes: Record<string, unknown>): Promise<void> }, count: number): Promise<void> {
  const batch = 200;
  for (let from = 0; from < count; from += batch) {
    const changes: Record<string, unknown> = {};
    for (let i = from; i < Math.min(count, from + batch); i++) {
      changes[`directline/veiviser/conversations/bench-stored-${i}`] = {
        veiviser: { lang: 'nb', topicsExplained: ['AAP'], misses: 0, welcomed: true, request: 'Jeg trenger hjelp til å finne jobb' },
        dialogState: { dialogStack: [] },
        eTag: '*',
      };
    }
    await storage.write(changes);
  }
}

/** Every major collection from now on, as [start in ms since the epoch, pause in ms]. */
function watchMajorGcs(): Array<[number, number]> {
  const seen: Array<[number, number]> = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind } = (entry as PerformanceEntry & { detail: { kind: number } }).detail;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) seen.push([performance.timeOrigin + entry.startTime, entry.duration]);
    }
  }).observe({ entryTypes: ['gc'] });
  return seen;
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('benchServer runs only when forked by scripts/bench.ts');
  const majorGcs = watchMajorGcs();
  const config = loadConfig({ ...process.env, PORT: '0', OPENING_HOURS: 'always', VEILEDER_TOKEN: 'bench-veileder-token-000000' });
  const log = pino({ level: 'silent' });
  const parts = await composeParts(config, { log, rateLimit: { capacity: 100_000, refillPerSecond: 100_000 } });
  const server = await startServer(config, { ...parts, log, turnLogic: process.env.BENCH_ECHO === '1' ? echo : undefined });
  await prefill(server.storage, Number(process.env.BENCH_STORED ?? 0));
  process.on('message', (message) => {
    if (message === 'rssMb') send({ rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) });
    if (message === 'majorGcs') send({ majorGcs });
  });
  process.once('SIGTERM', () => {
    void server.close(1000).finally(() => process.exit(0));
  });
  send({ ready: server.url });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

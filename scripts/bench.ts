/**
 * npm run --silent bench -- [--json] [--conversations N] [--turns N] [--stored N] [--store lowdb|postgres] [--think-ms N]
 *
 * The citizens behave like people: each reads the answer before writing again (--think-ms, 1 s on
 * average). With --think-ms 0 every citizen fires its next message the moment the last one is
 * answered, which measures saturation throughput rather than the latency a person sees.
 * Drives simulated citizens over the local Direct Line HTTP endpoint of a real Veiviser server,
 * then does the same against a trivial echo bot on the same server code and adapter, and prints
 * latency per turn (a POST returns when the bot's turn is done), throughput and memory.
 * The client runs in this same process, on the server's event loop (its CPU counts against both
 * bots alike). startupMs is a restart on a DATA_DIR that has been started once; firstStartupMs is
 * the very first start, which also trains and caches the intent classifier.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { composeParts } from '../bot/compose.js';
import { loadConfig } from '../bot/config.js';
import { startServer, type RunningServer } from '../bot/server.js';

const MESSAGES = [
  'hei',
  'hva er arbeidsavklaringspenger',
  'avbryt',
  'hjelp',
  'jeg er uenig i vedtaket mitt',
  'avbryt',
  'kan jeg få hjelp til husleia',
  'avbryt',
  'takk for hjelpa',
];

interface Figures {
  conversations: number;
  turns: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  turnsPerSecond: number;
  rssMb: number;
  storedConversations: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}

async function json(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One citizen: a conversation, then `turns` messages, each after reading the answer for a while
 * (thinkMs on average, spread ±50 %, and staggered at the start so citizens don't march in step).
 * Returns each turn's latency.
 */
async function citizen(base: string, turns: number, offset: number, thinkMs: number): Promise<number[]> {
  if (thinkMs > 0) await sleep(Math.random() * thinkMs);
  const { token: generated } = (await json(`${base}/tokens/generate`, { method: 'POST', body: { locale: 'nb-NO' } })) as { token: string };
  const { conversationId, token } = (await json(`${base}/conversations`, { method: 'POST', token: generated })) as { conversationId: string; token: string };
  const latencies: number[] = [];
  for (let i = 0; i < turns; i++) {
    if (i > 0 && thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
    const text = MESSAGES[(offset + i) % MESSAGES.length]!;
    const started = performance.now();
    await json(`${base}/conversations/${conversationId}/activities`, { method: 'POST', token, body: { type: 'message', text, locale: 'nb-NO' } });
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function drive(servers: RunningServer[], conversations: number, turns: number, stored: number, thinkMs: number): Promise<Figures> {
  // Warm-up: JIT, classifier caches, first file writes; not measured.
  await Promise.all(Array.from({ length: 10 }, (_, i) => citizen(`${servers[i % servers.length]!.url}/v3/directline`, MESSAGES.length, i, 0)));
  const started = performance.now();
  const all = await Promise.all(
    Array.from({ length: conversations }, (_, i) => citizen(`${servers[i % servers.length]!.url}/v3/directline`, turns, i, thinkMs)),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = all.flat().sort((a, b) => a - b);
  return {
    conversations,
    turns: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    turnsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    storedConversations: stored,
  };
}

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

/**
 * Time from starting the server process that `npm start` runs (node dist/bot/main.js, built by
 * prebench) to the first 200 from /healthz, as an operator sees it: the first start on an empty
 * DATA_DIR (the classifier comes from the model trained at install, or is trained if that is
 * missing), then a restart on the same DATA_DIR.
 */
async function measureStartups(store: string): Promise<{ firstStartupMs: number; startupMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-bench-start-'));
  try {
    const firstStartupMs = await measureStartup(store, dataDir);
    return { firstStartupMs, startupMs: await measureStartup(store, dataDir) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureStartup(store: string, dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, VEILEDER_TOKEN: 'bench-veileder-token-000000', LOG_LEVEL: 'warn' };
  if (store === 'postgres') env.DATABASE_URL = process.env.PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/bot/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /localhost:(\d+)\//.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
    });
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (res?.ok) return Math.round(performance.now() - started);
      await sleep(10);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const echo = async (ctx: TurnContext) => {
  if (ctx.activity.type === 'message') await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
};

async function startInstances(store: string, dataDir: string, echoOnly: boolean, instances: number): Promise<RunningServer[]> {
  const env: Record<string, string> = { PORT: '0', DATA_DIR: dataDir, OPENING_HOURS: 'always', VEILEDER_TOKEN: 'bench-veileder-token-000000' };
  if (store === 'postgres') env.DATABASE_URL = process.env.PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const config = loadConfig(env);
  const log = pino({ level: 'silent' });
  const servers: RunningServer[] = [];
  for (let i = 0; i < instances; i++) {
    const parts = await composeParts(config, { log, rateLimit: { capacity: 100_000, refillPerSecond: 100_000 } });
    servers.push(await startServer(config, { ...parts, log, turnLogic: echoOnly ? echo : undefined }));
  }
  return servers;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      conversations: { type: 'string', default: '50' },
      turns: { type: 'string', default: '10' },
      stored: { type: 'string', default: '0' },
      store: { type: 'string', default: 'lowdb' },
      'think-ms': { type: 'string', default: '1000' },
    },
  });
  const conversations = Number(values.conversations);
  const turns = Number(values.turns);
  const stored = Number(values.stored);
  const store = values.store!;
  const thinkMs = Number(values['think-ms']);
  if (![conversations, turns, stored, thinkMs].every((n) => Number.isInteger(n) && n >= 0) || conversations < 1 || turns < 1) {
    throw new Error('--conversations and --turns must be whole numbers above 0, --stored 0 or more');
  }
  if (store !== 'lowdb' && store !== 'postgres') throw new Error('--store must be lowdb or postgres');
  const instances = store === 'postgres' ? 2 : 1;

  const run = async (echoOnly: boolean): Promise<Figures> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-bench-'));
    const servers = await startInstances(store, dataDir, echoOnly, instances);
    try {
      await prefill(servers[0]!.storage, stored);
      return await drive(servers, conversations, turns, stored, thinkMs);
    } finally {
      for (const s of servers) await s.close(1000);
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  const { firstStartupMs, startupMs } = await measureStartups(store);
  const baseline = await run(true);
  const veiviser = await run(false);
  const result = { store, instances, thinkMs, startupMs, firstStartupMs, ...veiviser, baseline, ratioP50: Math.round((veiviser.p50Ms / Math.max(baseline.p50Ms, 0.01)) * 100) / 100 };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(
      `store ${store} (${instances} instance${instances > 1 ? 's' : ''}), ${result.conversations} conversations, ${result.turns} turns, ${result.storedConversations} stored\n` +
        `veiviser: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, ${result.turnsPerSecond} turns/s, rss ${result.rssMb} MB\n` +
        `echo:     p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms, p99 ${baseline.p99Ms} ms, ${baseline.turnsPerSecond} turns/s\n` +
        `ratioP50 ${result.ratioP50}; start-up to /healthz ${result.startupMs} ms (first start on an empty DATA_DIR ${result.firstStartupMs} ms)\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

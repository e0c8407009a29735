/**
 * npm run --silent bench -- [--json] [--conversations N] [--turns N] [--stored N] [--store lowdb|postgres|both] [--think-ms N] [--warmup N] [--rounds N]
 *
 * The citizens behave like people: each reads the bot's welcome before writing, and each answer
 * before writing again (--think-ms, 1 s on average). Without the reading before the first message,
 * every round would begin with all citizens opening their conversations and writing in the same
 * second, a burst that made most of a round's slowest turns. openP50Ms/openP99Ms time the opening
 * itself (token, start, welcome). Each citizen sends 30 messages by default, so a run's p99 is the
 * 15th slowest of 1500 turns: with 500, a single garbage collection that stalled five turns at once
 * set it. With --think-ms 0 every citizen fires its next message the moment the last one is
 * answered, which measures saturation throughput rather than the latency a person sees.
 * Drives simulated citizens over the local Direct Line HTTP endpoint of a real Veiviser server and
 * of a trivial echo bot on the same server code and adapter, and prints latency per turn (a POST
 * returns when the bot's turn is done), throughput and memory. Both are warmed up alike (--warmup
 * turns each), then measured in alternating rounds (--rounds; each round has its share of --turns).
 * Each server runs the compiled code (built by prebench) in a process of its own
 * (scripts/benchServer.ts), as `npm start` does; the client runs here. rssMb is the largest server
 * process's. startupMs is a restart on a DATA_DIR that has been started once; firstStartupMs is
 * the very first start, which also trains and caches the intent classifier.
 * majorGcs/majorGcMaxMs count a side's own major garbage collections during its measured rounds,
 * othersMajorGcs those of the idle servers meanwhile: at this load the slowest turns come in
 * clusters at a major collection, in either store, so these say why a run's p99 is what it is.
 * --store both measures lowdb and PostgreSQL side by side, in the same alternating rounds, and
 * adds p99PostgresToLowdb: the two p99s come from the same minutes of the same machine.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { uniqueSchemaName } from '../bot/storage/createStores.js';

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

interface Figures extends GcFigures {
  conversations: number;
  turns: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Opening a conversation (token, start, the bot's welcome), which the turn figures leave out. */
  openP50Ms: number;
  openP99Ms: number;
  turnsPerSecond: number;
  rssMb: number;
  storedConversations: number;
}

/** A major collection in a server: when it began (ms since the epoch) and how long it took. */
type MajorGc = [at: number, ms: number];

/**
 * Major garbage collections during the measured rounds: in this side's own servers (count and
 * longest pause), and in the servers of the other sides, which sit idle meanwhile (count).
 */
interface GcFigures {
  majorGcs: number;
  majorGcMaxMs: number;
  othersMajorGcs: number;
}

function gcFigures(phases: Phase[], own: MajorGc[], others: MajorGc[]): GcFigures {
  const during = (gcs: MajorGc[]) => gcs.filter(([at]) => phases.some((p) => at >= p.from && at <= p.to));
  const mine = during(own);
  return {
    majorGcs: mine.length,
    majorGcMaxMs: Math.round(Math.max(0, ...mine.map(([, ms]) => ms)) * 10) / 10,
    othersMajorGcs: during(others).length,
  };
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
 * One citizen: opens a conversation (the page gets a token and starts it, and the bot's welcome
 * comes back), then sends `turns` messages, each after reading the bot's last answer (the welcome
 * first) for a while: thinkMs on average, spread ±50 %, and staggered at the start so citizens
 * don't march in step. Returns how long the opening took and each message's latency.
 */
async function citizen(base: string, turns: number, offset: number, thinkMs: number): Promise<{ openMs: number; latencies: number[] }> {
  if (thinkMs > 0) await sleep(Math.random() * thinkMs);
  const opening = performance.now();
  const { token: generated } = (await json(`${base}/tokens/generate`, { method: 'POST', body: { locale: 'nb-NO' } })) as { token: string };
  const { conversationId, token } = (await json(`${base}/conversations`, { method: 'POST', token: generated })) as { conversationId: string; token: string };
  const openMs = performance.now() - opening;
  const latencies: number[] = [];
  for (let i = 0; i < turns; i++) {
    if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
    const text = MESSAGES[(offset + i) % MESSAGES.length]!;
    const started = performance.now();
    await json(`${base}/conversations/${conversationId}/activities`, { method: 'POST', token, body: { type: 'message', text, locale: 'nb-NO' } });
    latencies.push(performance.now() - started);
  }
  return { openMs, latencies };
}

/**
 * Warm-up, not measured: `turns` messages for each instance (it is each process's V8 that warms),
 * from 10 citizens at a time, no reading pauses. A server runs for days; until V8 has optimised its hot code (a few thousand
 * turns for the bot, a few hundred for the echo, which has little code) a turn costs up to twice
 * the CPU it costs later, so a short warm-up measures a server just started, not the one citizens meet.
 */
async function warmUp(servers: BenchServer[], turns: number): Promise<void> {
  const perCitizen = MESSAGES.length;
  const citizens = Math.ceil((turns * servers.length) / perCitizen);
  let next = 0;
  const worker = async () => {
    while (next < citizens) {
      const i = next++;
      await citizen(`${servers[i % servers.length]!.url}/v3/directline`, perCitizen, i, 0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(10, citizens) }, worker));
}

interface Phase {
  latencies: number[];
  openings: number[];
  /** The round's start and end, ms since the epoch (the servers' collections are timed so). */
  from: number;
  to: number;
}

/** `conversations` citizens at once, `turns` messages each, spread over the instances. */
async function measure(servers: BenchServer[], conversations: number, turns: number, thinkMs: number): Promise<Phase> {
  const from = performance.timeOrigin + performance.now();
  const all = await Promise.all(
    Array.from({ length: conversations }, (_, i) => citizen(`${servers[i % servers.length]!.url}/v3/directline`, turns, i, thinkMs)),
  );
  return { latencies: all.flatMap((c) => c.latencies), openings: all.map((c) => c.openMs), from, to: performance.timeOrigin + performance.now() };
}

function figures(phases: Phase[], conversations: number, rssMb: number, stored: number, gc: GcFigures): Figures {
  const latencies = phases.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const openings = phases.flatMap((p) => p.openings).sort((a, b) => a - b);
  const seconds = phases.reduce((sum, p) => sum + (p.to - p.from) / 1000, 0);
  return {
    conversations,
    turns: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    openP50Ms: percentile(openings, 50),
    openP99Ms: percentile(openings, 99),
    turnsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    rssMb,
    storedConversations: stored,
    ...gc,
  };
}

/**
 * Time from starting the server process that `npm start` runs (node dist/bot/main.js, built by
 * prebench) to the first 200 from /healthz, as an operator sees it: the first start on an empty
 * DATA_DIR (the classifier comes from the model trained at install, or is trained if that is
 * missing), then a restart on the same DATA_DIR.
 */
async function measureStartups(store: StoreName): Promise<{ firstStartupMs: number; startupMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-bench-start-'));
  try {
    const pgUrl = store === 'postgres' ? freshDatabaseUrl() : undefined;
    const firstStartupMs = await measureStartup(dataDir, pgUrl);
    return { firstStartupMs, startupMs: await measureStartup(dataDir, pgUrl) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureStartup(dataDir: string, pgUrl: string | undefined): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...serverEnv(dataDir, pgUrl), PORT: '0', VEILEDER_TOKEN: 'bench-veileder-token-000000', LOG_LEVEL: 'warn' };
  const started = performance.now();
  const child = spawn(process.execPath, [...START_FLAGS, 'dist/bot/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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

interface BenchServer {
  url: string;
  rssMb(): Promise<number>;
  majorGcs(): Promise<MajorGc[]>;
  stop(): Promise<void>;
}

function databaseUrl(): string {
  return process.env.PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/**
 * Each run on PostgreSQL gets schemas of its own, dropped at the end: like lowdb's fresh DATA_DIR,
 * so a run does not inherit the rows (and dead rows) of earlier runs, and --stored means what it says.
 */
const schemas: string[] = [];

function freshDatabaseUrl(): string {
  const schema = uniqueSchemaName('veiviser_bench');
  schemas.push(schema);
  const url = new URL(databaseUrl());
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** A server's environment: lowdb in dataDir, or PostgreSQL at pgUrl (never a DATABASE_URL the shell happens to have). */
function serverEnv(dataDir: string, pgUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  if (pgUrl) env.DATABASE_URL = pgUrl;
  else delete env.DATABASE_URL;
  return env;
}

async function dropSchemas(): Promise<void> {
  if (!schemas.length) return;
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The flags `npm start` gives node (package.json's start:prod), so bench servers run as it does. */
const START_FLAGS = startFlags();

function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const command = /^node((?: --\S+)*) dist\/bot\/main\.js$/.exec(scripts['start:prod'] ?? '');
  if (!command) throw new Error('package.json\'s start:prod is not "node [--flags] dist/bot/main.js"; the bench cannot run its servers as it does');
  return command[1]!.trim().split(' ').filter(Boolean);
}

/**
 * The bench keeps every side's servers running while it measures one side, so each server sits idle
 * for a round or more at a time, which a deployed one serving citizens does not. After about 8 s idle,
 * V8's memory reducer runs up to three major garbage collections to shrink the heap, with marking
 * threads on every core; on a two-core machine that stalls the side being measured. Traced on
 * 2026-11-27: an idle echo server's 18–43 ms collections fell on the slowest turns that set
 * lowdb's p99. The reducer acts only on an idle process, so turning it off leaves a busy server's
 * own collections, which are measured, as they are. Beside that, the servers get the flags `npm start`
 * gives node.
 */
const SERVER_NODE_FLAGS = ['--no-memory-reducer', ...START_FLAGS];

/** What a bench server answers when asked, by the key asked for. */
interface ServerReport {
  rssMb: number;
  majorGcs: MajorGc[];
}

/** Forks one server (scripts/benchServer.ts, compiled) and waits until it listens and is filled. */
async function startBenchServer(dataDir: string, pgUrl: string | undefined, echoOnly: boolean, stored: number): Promise<BenchServer> {
  const env: NodeJS.ProcessEnv = { ...serverEnv(dataDir, pgUrl), BENCH_ECHO: echoOnly ? '1' : '0', BENCH_STORED: String(stored) };
  const child: ChildProcess = fork('dist/scripts/benchServer.js', [], { env, execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { ready?: string }) => {
      if (message.ready) resolve(message.ready);
    });
    child.once('exit', (code) => reject(new Error(`a bench server exited with ${code} before it was ready`)));
  });
  const ask = <K extends 'rssMb' | 'majorGcs'>(key: K) =>
    new Promise<ServerReport[K]>((resolve) => {
      const onMessage = (message: Partial<ServerReport>) => {
        if (message[key] === undefined) return;
        child.off('message', onMessage);
        resolve(message[key]);
      };
      child.on('message', onMessage);
      child.send(key);
    });
  return {
    url,
    rssMb: () => ask('rssMb'),
    majorGcs: () => ask('majorGcs'),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

type StoreName = 'lowdb' | 'postgres';

interface Side {
  servers: BenchServer[];
  dataDir: string;
  phases: Phase[];
}

/** One store's echo and bot servers, measured alike. */
interface StoreRun {
  store: StoreName;
  echo: Side;
  bot: Side;
}

interface StoreResult extends Figures {
  store: StoreName;
  instances: number;
  thinkMs: number;
  warmupTurns: number;
  rounds: number;
  startupMs: number;
  firstStartupMs: number;
  baseline: Figures;
  ratioP50: number;
}

function asText(result: StoreResult): string {
  const { baseline } = result;
  return (
    `store ${result.store} (${result.instances} instance${result.instances > 1 ? 's' : ''}), ${result.conversations} conversations, ${result.turns} turns, ${result.storedConversations} stored\n` +
    `veiviser: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, ${result.turnsPerSecond} turns/s, rss ${result.rssMb} MB\n` +
    `echo:     p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms, p99 ${baseline.p99Ms} ms, ${baseline.turnsPerSecond} turns/s\n` +
    `opening a conversation: veiviser p50 ${result.openP50Ms} ms, p99 ${result.openP99Ms} ms; echo p50 ${baseline.openP50Ms} ms, p99 ${baseline.openP99Ms} ms\n` +
    `major garbage collections while measured: veiviser ${result.majorGcs} (longest ${result.majorGcMaxMs} ms), echo ${baseline.majorGcs}; ` +
    `in the idle servers meanwhile ${result.othersMajorGcs} and ${baseline.othersMajorGcs}\n` +
    `ratioP50 ${result.ratioP50}; start-up to /healthz ${result.startupMs} ms (first start on an empty DATA_DIR ${result.firstStartupMs} ms)\n`
  );
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;

/** PostgreSQL runs as two instances behind the benchmark's round-robin, as a deployment of several would. */
function instancesOf(store: StoreName): number {
  return store === 'postgres' ? 2 : 1;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      conversations: { type: 'string', default: '50' },
      turns: { type: 'string', default: '30' },
      stored: { type: 'string', default: '0' },
      store: { type: 'string', default: 'lowdb' },
      'think-ms': { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '3000' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const conversations = Number(values.conversations);
  const turns = Number(values.turns);
  const stored = Number(values.stored);
  const thinkMs = Number(values['think-ms']);
  const warmupTurns = Number(values.warmup);
  const rounds = Math.min(Number(values.rounds), turns);
  if (![conversations, turns, stored, thinkMs, warmupTurns, rounds].every((n) => Number.isInteger(n) && n >= 0) || conversations < 1 || turns < 1 || rounds < 1) {
    throw new Error('--conversations, --turns and --rounds must be whole numbers above 0, --stored, --think-ms and --warmup 0 or more');
  }
  if (!['lowdb', 'postgres', 'both'].includes(values.store!)) throw new Error('--store must be lowdb, postgres or both');
  const stores: StoreName[] = values.store === 'both' ? ['lowdb', 'postgres'] : [values.store as StoreName];

  const startSide = async (store: StoreName, echoOnly: boolean): Promise<Side> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-bench-'));
    // The first instance fills the store before the second starts, so it is filled once.
    const pgUrl = store === 'postgres' ? freshDatabaseUrl() : undefined;
    const servers = [await startBenchServer(dataDir, pgUrl, echoOnly, stored)];
    while (servers.length < instancesOf(store)) servers.push(await startBenchServer(dataDir, pgUrl, echoOnly, 0));
    return { servers, dataDir, phases: [] };
  };
  const stopSide = async (side: Side) => {
    for (const s of side.servers) await s.stop();
    rmSync(side.dataDir, { recursive: true, force: true });
  };

  const startups = new Map<StoreName, { firstStartupMs: number; startupMs: number }>();
  for (const store of stores) startups.set(store, await measureStartups(store));
  // Every side runs from the start, warmed alike, and they are measured in turns (echo, bot, and
  // with --store both lowdb then PostgreSQL, round after round), never at the same time: a machine
  // that slows down for a while slows them all, not only one.
  const runs: StoreRun[] = [];
  const started: Side[] = [];
  const results: StoreResult[] = [];
  try {
    for (const store of stores) {
      const echo = await startSide(store, true);
      started.push(echo);
      const bot = await startSide(store, false);
      started.push(bot);
      runs.push({ store, echo, bot });
    }
    for (const side of started) await warmUp(side.servers, warmupTurns);
    for (let round = 0; round < rounds; round++) {
      const turnsThisRound = Math.floor(turns / rounds) + (round < turns % rounds ? 1 : 0);
      for (const side of started) side.phases.push(await measure(side.servers, conversations, turnsThisRound, thinkMs));
    }
    const rss = async (servers: BenchServer[]) => Math.max(...(await Promise.all(servers.map((s) => s.rssMb()))));
    const collections = new Map<Side, MajorGc[]>();
    for (const side of started) collections.set(side, (await Promise.all(side.servers.map((s) => s.majorGcs()))).flat());
    const gcOf = (side: Side) =>
      gcFigures(side.phases, collections.get(side)!, started.filter((other) => other !== side).flatMap((other) => collections.get(other)!));
    for (const run of runs) {
      const baseline = figures(run.echo.phases, conversations, await rss(run.echo.servers), stored, gcOf(run.echo));
      const veiviser = figures(run.bot.phases, conversations, await rss(run.bot.servers), stored, gcOf(run.bot));
      const { startupMs, firstStartupMs } = startups.get(run.store)!;
      results.push({ store: run.store, instances: instancesOf(run.store), thinkMs, warmupTurns, rounds, startupMs, firstStartupMs, ...veiviser, baseline, ratioP50: ratio(veiviser.p50Ms, baseline.p50Ms) });
    }
  } finally {
    for (const side of started) await stopSide(side);
  }
  if (results.length === 1) {
    const [result] = results as [StoreResult];
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : asText(result));
    return;
  }
  const [lowdb, postgres] = results as [StoreResult, StoreResult];
  // The target for several instances: PostgreSQL's p99 within 1.5 × lowdb's.
  const p99PostgresToLowdb = ratio(postgres.p99Ms, lowdb.p99Ms);
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ lowdb, postgres, p99PostgresToLowdb })}\n`
      : `${asText(lowdb)}\n${asText(postgres)}\np99 PostgreSQL / lowdb ${p99PostgresToLowdb}\n`,
  );
}

main()
  .finally(() => dropSchemas())
  .then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

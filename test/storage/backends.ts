import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createStores, uniqueSchemaName, type Stores } from '../../bot/storage/index.js';

/**
 * The two store backends the contract tests run against. PostgreSQL comes from DATABASE_URL or
 * PG_URL (else the local test database). When it cannot be reached: with CI=true the suite fails;
 * on a developer machine it is skipped with a message saying so.
 */
export const PG_URL = process.env.DATABASE_URL || process.env.PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const IN_CI = process.env.CI === 'true';

export async function pgReachable(url = PG_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropSchema(schema: string, url = PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface Backend {
  name: 'lowdb' | 'postgres';
  /** Opens stores on this run's place (a temp dir or a fresh schema); the same place on every call. */
  open(options: { clock: () => Date; retentionDays?: number }): Promise<Stores>;
  /** Removes the run's place. */
  cleanup(): Promise<void>;
}

export async function lowdbBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'veiviser-store-'));
  return {
    name: 'lowdb',
    open: ({ clock, retentionDays = 30 }) => createStores({ dataDir: dir, retentionDays, clock }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export function postgresBackend(): Backend {
  const schema = uniqueSchemaName();
  return {
    name: 'postgres',
    open: ({ clock, retentionDays = 30 }) => createStores({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema, retentionDays, clock, poolSize: 20 }),
    cleanup: () => dropSchema(schema),
  };
}

/**
 * Mocha hook body for PostgreSQL suites: fails in CI when PG is down, skips (loudly) elsewhere.
 */
export async function requirePostgres(ctx: Mocha.Context): Promise<void> {
  const problem = await pgReachable();
  if (!problem) return;
  if (IN_CI) throw new Error(`PostgreSQL is required in CI but unreachable at ${redactUrl(PG_URL)}: ${problem}`);
  console.warn(`\n  ⚠ SKIPPED: PostgreSQL store tests — cannot reach ${redactUrl(PG_URL)} (${problem}). Set PG_URL or DATABASE_URL.\n`);
  ctx.skip();
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

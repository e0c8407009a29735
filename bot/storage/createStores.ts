import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { ConversationStorage } from './conversationStorage.js';
import { LowdbRecordStore } from './lowdbRecordStore.js';
import { LowdbStorage } from './lowdbStorage.js';
import { PG_CONNECTION } from './pgConnection.js';
import { migrate } from './pgSchema.js';
import { PgRecordStore } from './pgRecordStore.js';
import { PgStorage } from './pgStorage.js';
import { lockDataDir } from './processLock.js';
import { TurnSafeStorage } from './turnSafeStorage.js';
import type { RecordStore } from './recordStore.js';

export interface StoresConfig {
  /** lowdb files go to <dataDir>/state and <dataDir>/records. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of lowdb (several instances can share it). */
  databaseUrl?: string;
  retentionDays: number;
  /** Audit entries are kept this long; default retentionDays. */
  auditRetentionDays?: number;
  /**
   * PostgreSQL schema; default the URL's `?schema=` parameter, else "veiviser". Tests pass a fresh
   * one per run (also possible through DATABASE_URL=postgres://…/db?schema=veiviser_test_x).
   */
  schema?: string;
  /** Connections in the PostgreSQL pool; default 10. */
  poolSize?: number;
  clock?: () => Date;
  /** Called with errors that have no caller to throw to (a lost LISTEN connection, a listener that threw). */
  onError?: (error: unknown) => void;
}

export interface Stores {
  /** botbuilder Storage; BotState's "*" writes are turned back into eTag compare-and-set (TurnSafeStorage). */
  storage: ConversationStorage;
  records: RecordStore;
  backend: 'lowdb' | 'postgres';
  close(): Promise<void>;
}

/** How long an unused PostgreSQL connection is kept open. */
const POOL_IDLE_MS = 5 * 60_000;

/** Opens the configured stores: lowdb by default, PostgreSQL (schema migrated) with databaseUrl. */
export async function createStores(config: StoresConfig): Promise<Stores> {
  const common = { retentionDays: config.retentionDays, clock: config.clock };
  if (!config.databaseUrl) {
    const unlock = await lockDataDir(config.dataDir);
    const records = await LowdbRecordStore.open({
      dir: join(config.dataDir, 'records'),
      auditRetentionDays: config.auditRetentionDays,
      onError: config.onError,
      ...common,
    }).catch(async (error: unknown) => {
      await unlock();
      throw error;
    });
    const state = new LowdbStorage({ dir: join(config.dataDir, 'state'), keepExpired: (c) => records.hasOpenHandoff(c), ...common });
    const storage = new TurnSafeStorage(state);
    return {
      storage,
      records,
      backend: 'lowdb',
      close: async () => {
        await state.close();
        await records.close();
        await unlock();
      },
    };
  }
  const { url, schema: urlSchema } = splitSchema(config.databaseUrl);
  const schema = config.schema ?? urlSchema ?? 'veiviser';
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize ?? 10,
    ...PG_CONNECTION,
    // pg closes a connection after 10 s unused. A new one costs a PostgreSQL backend process, its
    // catalog caches and the parsing of every prepared statement again; when many citizens wrote
    // after a quiet spell, every one of their turns paid that (p99 up to 0.5 s in `npm run bench`).
    idleTimeoutMillis: POOL_IDLE_MS,
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', (error) => config.onError?.(error));
  try {
    await migrate(pool, schema);
    const records = await PgRecordStore.open({
      pool,
      connectionString: url,
      schema,
      auditRetentionDays: config.auditRetentionDays,
      onError: config.onError,
      ...common,
    });
    const state = new PgStorage({ pool, schema, keepExpired: (c) => records.hasOpenHandoff(c), ...common });
    return {
      storage: new TurnSafeStorage(state),
      records,
      backend: 'postgres',
      close: async () => {
        await records.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** Takes `?schema=` off a PostgreSQL URL (pg would pass it on to the server). */
export function splitSchema(databaseUrl: string): { url: string; schema?: string } {
  const parsed = new URL(databaseUrl);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}

/** A schema name no other run uses (tests). */
export function uniqueSchemaName(prefix = 'veiviser_test'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

import type { Pool } from 'pg';

/**
 * The PostgreSQL schema, created and migrated at start-up. Each migration runs once, recorded in
 * schema_migrations; an advisory lock keeps two instances starting together from racing.
 * Add a migration by appending to MIGRATIONS; never edit one that has shipped.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: (s: string) => string }> = [
  {
    version: 1,
    name: 'state, records, logs, audit',
    sql: (s) => `
      CREATE TABLE ${s}.state (
        key text PRIMARY KEY,
        conversation_id text,
        doc jsonb NOT NULL,
        etag text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX state_conversation ON ${s}.state (conversation_id);
      CREATE INDEX state_expires ON ${s}.state (expires_at);
      CREATE TABLE ${s}.records (
        kind text NOT NULL,
        id text NOT NULL,
        conversation_id text,
        state text,
        value jsonb NOT NULL,
        version text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE INDEX records_kind_state ON ${s}.records (kind, state, created_at);
      CREATE INDEX records_conversation ON ${s}.records (conversation_id);
      CREATE INDEX records_expires ON ${s}.records (expires_at);
      CREATE TABLE ${s}.logs (
        conversation_id text NOT NULL,
        log text NOT NULL,
        last_seq bigint NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (conversation_id, log)
      );
      CREATE INDEX logs_expires ON ${s}.logs (expires_at);
      CREATE TABLE ${s}.log_entries (
        conversation_id text NOT NULL,
        log text NOT NULL,
        seq bigint NOT NULL,
        at timestamptz NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (conversation_id, log, seq),
        FOREIGN KEY (conversation_id, log) REFERENCES ${s}.logs ON DELETE CASCADE
      );
      CREATE TABLE ${s}.audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        conversation_id text,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX audit_conversation ON ${s}.audit (conversation_id);
      CREATE INDEX audit_expires ON ${s}.audit (expires_at);
    `,
  },
];

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema name, checked and quoted for use in SQL text. */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`Schema name must be lowercase letters, digits and "_": "${schema}"`);
  return `"${schema}"`;
}

/** Creates the schema if needed and applies missing migrations. Returns the versions applied now. */
export async function migrate(pool: Pool, schema: string): Promise<number[]> {
  const s = quoteSchema(schema);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`veiviser-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`)).rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

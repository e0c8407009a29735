import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { PG_URL } from '../storage/backends.js';

/** Every byte the bot has written under `dir`, as text. */
export async function everythingOnDisk(dir: string): Promise<string> {
  let all = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // A sweep may be removing files as they are read.
    if (entry.isFile()) all += await readFile(join(entry.parentPath, entry.name), 'utf8').catch(() => '');
  }
  return all;
}

/** Every row of every table in a PostgreSQL schema, as text. */
export async function everyRow(schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    let all = '';
    for (const { table_name: table } of tables.rows) {
      const { rows } = await client.query<{ t: string | null }>(`SELECT string_agg(x::text, ' ') AS t FROM "${schema}"."${table}" x`);
      all += rows[0]?.t ?? '';
    }
    return all;
  } finally {
    await client.end();
  }
}

/** Everything a server has stored: files under DATA_DIR, and with PostgreSQL every row of its schema. */
export async function everythingStored(dataDir: string, schema?: string): Promise<string> {
  return (await everythingOnDisk(dataDir)) + (schema ? await everyRow(schema) : '');
}

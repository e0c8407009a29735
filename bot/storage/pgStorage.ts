import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import type { Pool } from 'pg';
import { expiryFrom } from '../../core/retention/index.js';
import { conversationOfKey, eTagConflict, type ConversationStorage, type KeepExpired } from './conversationStorage.js';
import { toJsonb } from './jsonb.js';
import { prepared } from './pgPrepared.js';
import { quoteSchema } from './pgSchema.js';

export interface PgStorageOptions {
  pool: Pool;
  schema: string;
  retentionDays: number;
  clock?: () => Date;
  keepExpired?: KeepExpired;
}

/**
 * botbuilder Storage on PostgreSQL: a JSONB row per key. The eTag check and the write are one
 * statement (INSERT … ON CONFLICT … DO UPDATE … WHERE etag matches), so two instances writing the
 * same conversation cannot both win. An expired row counts as missing, as in MemoryStorage.
 */
export class PgStorage implements ConversationStorage {
  readonly #pool: Pool;
  readonly #table: string;
  readonly #retentionDays: number;
  readonly #clock: () => Date;
  readonly #keepExpired: KeepExpired;

  constructor(options: PgStorageOptions) {
    this.#pool = options.pool;
    this.#table = `${quoteSchema(options.schema)}.state`;
    this.#retentionDays = options.retentionDays;
    this.#clock = options.clock ?? (() => new Date());
    this.#keepExpired = options.keepExpired ?? (async () => false);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!keys.length) return {};
    const { rows } = await this.#pool.query<{ key: string; doc: Record<string, unknown>; etag: string; conversation_id: string | null; expired: boolean }>(
      prepared(`SELECT key, doc, etag, conversation_id, expires_at <= $2 AS expired FROM ${this.#table} WHERE key = ANY($1)`, [keys, this.#clock()]),
    );
    const items: StoreItems = {};
    for (const row of rows) {
      // Expired but not yet swept: gone, unless the conversation has an open handoff.
      if (row.expired && !(row.conversation_id && (await this.#keepExpired(row.conversation_id)))) continue;
      items[row.key] = { ...row.doc, eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(async ([key, next]) => {
        const { eTag, ...doc } = (next ?? {}) as { eTag?: string } & Record<string, unknown>;
        const now = this.#clock();
        const anyETag = !eTag || eTag === '*';
        const { rowCount } = await this.#pool.query(
          prepared(
            `INSERT INTO ${this.#table} AS t (key, conversation_id, doc, etag, expires_at) VALUES ($1, $2, $3::jsonb, $4, $5)
             ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = EXCLUDED.etag, expires_at = EXCLUDED.expires_at
             WHERE $6 OR t.etag = $7 OR t.expires_at <= $8`,
            [key, conversationOfKey(key) ?? null, toJsonb(doc), randomUUID(), expiryFrom(now, this.#retentionDays), anyETag, eTag ?? '', now],
          ),
        );
        if (rowCount === 0) throw eTagConflict(key);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.#pool.query(prepared(`DELETE FROM ${this.#table} WHERE key = ANY($1)`, [keys]));
  }

  async deleteConversation(conversationId: string): Promise<number> {
    const { rowCount } = await this.#pool.query(prepared(`DELETE FROM ${this.#table} WHERE conversation_id = $1`, [conversationId]));
    return rowCount ?? 0;
  }

  async sweepExpired(now: Date, keep: ReadonlySet<string>): Promise<number> {
    const { rowCount } = await this.#pool.query(
      prepared(
        `DELETE FROM ${this.#table} WHERE expires_at <= $1 AND (conversation_id IS NULL OR NOT (conversation_id = ANY($2)))`,
        [now, [...keep]],
      ),
    );
    return rowCount ?? 0;
  }
}

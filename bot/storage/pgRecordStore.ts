import { randomUUID } from 'node:crypto';
import pg, { type Pool, type PoolClient } from 'pg';
import { expiryFrom, HANDOFF_KIND, OPEN_HANDOFF_STATES, shouldSweepRecord } from '../../core/retention/index.js';
import { LocalPubSub } from './localPubSub.js';
import { toJsonb } from './jsonb.js';
import { PG_CONNECTION } from './pgConnection.js';
import { prepared } from './pgPrepared.js';
import { quoteSchema } from './pgSchema.js';
import { KeyedLock } from './keyedLock.js';
import {
  assertKind,
  assertLogName,
  auditRecord,
  MAYBE_MISSED,
  RecordConflictError,
  type AuditEntry,
  type AuditRecord,
  type Claim,
  type DeleteConversationOptions,
  type DeletionCount,
  type ListFilter,
  type LogAnnouncement,
  type LogEntry,
  type RecordInput,
  type RecordStore,
  type StoredRecord,
  type Unsubscribe,
} from './recordStore.js';

export interface PgRecordStoreOptions {
  pool: Pool;
  /** For the LISTEN connection (a pooled client cannot be kept listening). */
  connectionString: string;
  schema: string;
  retentionDays: number;
  auditRetentionDays?: number;
  clock?: () => Date;
  onError?: (error: unknown) => void;
}

interface RecordRow {
  kind: string;
  id: string;
  conversation_id: string | null;
  state: string | null;
  value: unknown;
  version: string;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
}

// Named, not *: a prepared statement fails if a migration changes what * means under it.
const RECORD_COLUMNS = 'kind, id, conversation_id, state, value, version, created_at, updated_at, expires_at';
/** One appendLog call: the entry as JSON text, its NOTIFY payload up to the number. */
interface LogAppend {
  log: string;
  at: Date;
  data: string;
  notify: string | null;
}

// pg_notify refuses payloads of 8000 bytes or more.
const MAX_NOTIFY_BYTES = 7900;

/**
 * The record store on PostgreSQL, for several instances. Compare-and-set and claims lock the row
 * (SELECT … FOR UPDATE) inside a transaction; log sequence numbers come from a counter row bumped
 * in the same statement as the insert (a conversation's appends one at a time, in call order);
 * publish/subscribe is NOTIFY/LISTEN on one channel per schema.
 */
export class PgRecordStore implements RecordStore {
  readonly #pool: Pool;
  readonly #s: string;
  readonly #notifyChannel: string;
  readonly #connectionString: string;
  readonly #retentionDays: number;
  readonly #auditRetentionDays: number;
  readonly #clock: () => Date;
  readonly #onError: (error: unknown) => void;
  readonly #pubsub: LocalPubSub;
  /** A conversation's appends run one at a time, so they are numbered in the order they were called. */
  readonly #appends = new KeyedLock();
  #listener: pg.Client | undefined;
  #listenedBefore = false;
  #closed = false;

  private constructor(options: PgRecordStoreOptions) {
    this.#pool = options.pool;
    this.#s = quoteSchema(options.schema);
    this.#notifyChannel = `${options.schema}_events`;
    this.#connectionString = options.connectionString;
    this.#retentionDays = options.retentionDays;
    this.#auditRetentionDays = options.auditRetentionDays ?? options.retentionDays;
    this.#clock = options.clock ?? (() => new Date());
    this.#onError = options.onError ?? (() => undefined);
    this.#pubsub = new LocalPubSub(this.#onError);
  }

  /** Opens the store and starts listening; the schema must already be migrated. */
  static async open(options: PgRecordStoreOptions): Promise<PgRecordStore> {
    const store = new PgRecordStore(options);
    await store.#listen();
    return store;
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#connectionString, ...PG_CONNECTION });
    client.on('notification', (n) => {
      if (n.channel !== this.#notifyChannel || !n.payload) return;
      try {
        const { c, m } = JSON.parse(n.payload) as { c: string; m: unknown };
        this.#pubsub.deliver(c, m);
      } catch (error) {
        this.#onError(error);
      }
    });
    client.on('error', (error) => {
      this.#onError(error);
      this.#reconnect(client);
    });
    client.on('end', () => this.#reconnect(client));
    await client.connect();
    await client.query(`LISTEN "${this.#notifyChannel}"`);
    this.#listener = client;
    // What was published while the connection was down never came: subscribers read it themselves.
    if (this.#listenedBefore) this.#pubsub.deliverToAll(MAYBE_MISSED);
    this.#listenedBefore = true;
  }

  #reconnect(client: pg.Client): void {
    if (this.#closed || this.#listener !== client) return;
    this.#listener = undefined;
    // Announcements made while the connection is down are lost; #listen tells subscribers once back.
    const retry = setTimeout(() => void this.#listen().catch((e: unknown) => (this.#onError(e), this.#reconnect(client))), 1000);
    retry.unref();
  }

  #expiry(days = this.#retentionDays): Date {
    return expiryFrom(this.#clock(), days);
  }

  async #transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The row, locked for this transaction; `current` is unset when it is missing or expired. */
  async #locked<T>(client: PoolClient, kind: string, id: string): Promise<{ current?: StoredRecord<T>; exists: boolean }> {
    const { rows } = await client.query<RecordRow>(prepared(`SELECT ${RECORD_COLUMNS} FROM ${this.#s}.records WHERE kind = $1 AND id = $2 FOR UPDATE`, [kind, id]));
    const record = rows[0] ? fromRow<T>(rows[0]) : undefined;
    return { current: record && !shouldSweepRecord(record, this.#clock()) ? record : undefined, exists: record !== undefined };
  }

  async #upsert<T>(client: PoolClient | Pool, record: StoredRecord<T>, insertOnly: boolean): Promise<StoredRecord<T>> {
    const values = [
      record.kind,
      record.id,
      record.conversationId,
      record.state,
      toJsonb(record.value),
      record.version,
      record.createdAt,
      record.updatedAt,
      record.expiresAt,
    ];
    const onConflict = insertOnly
      ? ''
      : `ON CONFLICT (kind, id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, state = EXCLUDED.state,
           value = EXCLUDED.value, version = EXCLUDED.version, created_at = EXCLUDED.created_at,
           updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at`;
    try {
      await client.query(
        prepared(
          `INSERT INTO ${this.#s}.records (kind, id, conversation_id, state, value, version, created_at, updated_at, expires_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) ${onConflict}`,
          values,
        ),
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new RecordConflictError(record.kind, record.id);
      throw error;
    }
    return record;
  }

  async get<T>(kind: string, id: string): Promise<StoredRecord<T> | undefined> {
    assertKind(kind);
    const { rows } = await this.#pool.query<RecordRow>(prepared(`SELECT ${RECORD_COLUMNS} FROM ${this.#s}.records WHERE kind = $1 AND id = $2`, [kind, id]));
    const record = rows[0] ? fromRow<T>(rows[0]) : undefined;
    return record && !shouldSweepRecord(record, this.#clock()) ? record : undefined;
  }

  async put<T>(kind: string, id: string, input: RecordInput<T>, expectedVersion?: string | null): Promise<StoredRecord<T>> {
    assertKind(kind);
    return this.#transaction(async (client) => {
      const { current, exists } = await this.#locked<T>(client, kind, id);
      if (expectedVersion === null && current) throw new RecordConflictError(kind, id);
      if (typeof expectedVersion === 'string' && current?.version !== expectedVersion) throw new RecordConflictError(kind, id);
      const now = this.#clock().toISOString();
      const record: StoredRecord<T> = {
        kind,
        id,
        conversationId: input.conversationId ?? null,
        state: input.state ?? null,
        value: input.value,
        version: randomUUID(),
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
        expiresAt: (input.expiresAt ?? this.#expiry()).toISOString(),
      };
      // Nothing to lock when the row is new: a plain INSERT makes a racing creator fail (23505).
      return this.#upsert(client, record, !exists && expectedVersion === null);
    });
  }

  async list<T>(kind: string, filter: ListFilter = {}): Promise<StoredRecord<T>[]> {
    assertKind(kind);
    const params: unknown[] = [kind, this.#clock(), HANDOFF_KIND, OPEN_HANDOFF_STATES];
    let where = `kind = $1 AND (expires_at > $2 OR (kind = $3 AND state = ANY($4)))`;
    if (filter.conversationId !== undefined) {
      params.push(filter.conversationId);
      where += ` AND conversation_id = $${params.length}`;
    }
    if (filter.state !== undefined) {
      params.push(typeof filter.state === 'string' ? [filter.state] : [...filter.state]);
      where += ` AND state = ANY($${params.length})`;
    }
    let limit = '';
    if (filter.limit !== undefined) {
      params.push(filter.limit);
      limit = ` LIMIT $${params.length}`;
    }
    const { rows } = await this.#pool.query<RecordRow>(prepared(`SELECT ${RECORD_COLUMNS} FROM ${this.#s}.records WHERE ${where} ORDER BY created_at, id${limit}`, params));
    return rows.map((row) => fromRow<T>(row));
  }

  async delete(kind: string, id: string, expectedVersion?: string): Promise<boolean> {
    assertKind(kind);
    const { rowCount } =
      expectedVersion === undefined
        ? await this.#pool.query(prepared(`DELETE FROM ${this.#s}.records WHERE kind = $1 AND id = $2`, [kind, id]))
        : await this.#pool.query(prepared(`DELETE FROM ${this.#s}.records WHERE kind = $1 AND id = $2 AND version = $3`, [kind, id, expectedVersion]));
    return (rowCount ?? 0) > 0;
  }

  async claim<T>(kind: string, id: string, claim: Claim<T>): Promise<StoredRecord<T> | undefined> {
    assertKind(kind);
    return this.#transaction(async (client) => {
      // The row lock makes a second claimer wait, then see the new state and lose.
      const { current } = await this.#locked<T>(client, kind, id);
      if (!current || current.state === null || !claim.from.includes(current.state)) return undefined;
      return this.#upsert(
        client,
        {
          ...current,
          state: claim.to,
          value: claim.update ? claim.update(current.value) : current.value,
          version: randomUUID(),
          updatedAt: this.#clock().toISOString(),
          expiresAt: this.#expiry().toISOString(),
        },
        false,
      );
    });
  }

  async appendLog<T>(conversationId: string, log: string, data: T, at?: Date, announce?: LogAnnouncement): Promise<number> {
    assertLogName(log);
    const entry: LogAppend = { log, at: at ?? this.#clock(), data: toJsonb(data), notify: announce ? this.#payloadBeforeSeq(announce) : null };
    return this.#appends.run(conversationId, () => this.#append(conversationId, entry));
  }

  /**
   * One append, one statement: entries past their log's time are dropped first (they must not come
   * back because something new was added), the log's counter row is bumped, the entry inserted
   * with that number, and the announcement sent as NOTIFY when the statement commits. The purge's
   * condition does not depend on the entry, so PostgreSQL checks it once and scans nothing unless
   * the log has expired.
   */
  async #append(conversationId: string, entry: LogAppend): Promise<number> {
    const { rows } = await this.#pool.query<{ seq: string }>(
      prepared(
        `WITH purge AS (
           DELETE FROM ${this.#s}.log_entries e WHERE e.conversation_id = $1 AND e.log = $2
             AND EXISTS (SELECT 1 FROM ${this.#s}.logs h WHERE h.conversation_id = $1 AND h.log = $2 AND h.expires_at <= $5)
             AND NOT EXISTS (SELECT 1 FROM ${this.#s}.records r WHERE r.conversation_id = $1 AND r.kind = $6 AND r.state = ANY($7))),
         head AS (
           INSERT INTO ${this.#s}.logs AS h (conversation_id, log, last_seq, expires_at) VALUES ($1, $2, 1, $8)
           ON CONFLICT (conversation_id, log) DO UPDATE SET last_seq = h.last_seq + 1, expires_at = EXCLUDED.expires_at
           RETURNING last_seq),
         ins AS (
           INSERT INTO ${this.#s}.log_entries (conversation_id, log, seq, at, data) SELECT $1, $2, last_seq, $3, $4::jsonb FROM head RETURNING seq)
         SELECT seq, CASE WHEN $9::text IS NOT NULL THEN pg_notify($10, $9::text || seq::text || '}}') END AS notified FROM ins`,
        [conversationId, entry.log, entry.at, entry.data, this.#clock(), HANDOFF_KIND, OPEN_HANDOFF_STATES, this.#expiry(), entry.notify, this.#notifyChannel],
      ),
    );
    return Number(rows[0]!.seq);
  }

  /** The NOTIFY payload of an announcement up to its sequence number, which the statement appends. */
  #payloadBeforeSeq(announce: LogAnnouncement): string {
    const message: Record<string, unknown> = { ...announce.message };
    delete message.seq;
    message.seq = 0;
    const whole = JSON.stringify({ c: announce.channel, m: message });
    // seq is the last key, so the text ends in `0}}`: keep everything before the 0.
    const prefix = whole.slice(0, -3);
    if (Buffer.byteLength(prefix) + 20 > MAX_NOTIFY_BYTES) throw new RangeError(`Message on "${announce.channel}" is too large to publish`);
    return prefix;
  }

  async readLog<T>(conversationId: string, log: string, after = 0): Promise<LogEntry<T>[]> {
    assertLogName(log);
    const { rows } = await this.#pool.query<{ seq: string; at: Date; data: T }>(
      prepared(
        `SELECT e.seq, e.at, e.data FROM ${this.#s}.log_entries e JOIN ${this.#s}.logs h USING (conversation_id, log)
         WHERE e.conversation_id = $1 AND e.log = $2 AND e.seq > $3
           AND (h.expires_at > $4 OR EXISTS (SELECT 1 FROM ${this.#s}.records r
                WHERE r.conversation_id = h.conversation_id AND r.kind = $5 AND r.state = ANY($6)))
         ORDER BY e.seq`,
        [conversationId, log, after, this.#clock(), HANDOFF_KIND, OPEN_HANDOFF_STATES],
      ),
    );
    return rows.map((r) => ({ seq: Number(r.seq), at: r.at.toISOString(), data: r.data }));
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const record = auditRecord(entry, this.#clock());
    await this.#pool.query(
      prepared(
        `INSERT INTO ${this.#s}.audit (at, actor, action, target, conversation_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [record.at, record.actor, record.action, record.target ?? null, record.conversationId ?? null, expiryFrom(new Date(record.at), this.#auditRetentionDays)],
      ),
    );
  }

  async readAudit(filter: { conversationId?: string; since?: Date } = {}): Promise<AuditRecord[]> {
    const { rows } = await this.#pool.query<{ at: Date; actor: string; action: string; target: string | null; conversation_id: string | null }>(
      prepared(
        `SELECT at, actor, action, target, conversation_id FROM ${this.#s}.audit
         WHERE ($1::text IS NULL OR conversation_id = $1) AND ($2::timestamptz IS NULL OR at >= $2) ORDER BY at, id`,
        [filter.conversationId ?? null, filter.since ?? null],
      ),
    );
    return rows.map((r) => {
      const out: AuditRecord = { at: r.at.toISOString(), actor: r.actor, action: r.action };
      if (r.target !== null) out.target = r.target;
      if (r.conversation_id !== null) out.conversationId = r.conversation_id;
      return out;
    });
  }

  async deleteConversation(conversationId: string, options: DeleteConversationOptions = {}): Promise<DeletionCount> {
    const except = (options.except ?? []).map((r) => `${r.kind}\n${r.id}`);
    return this.#transaction(async (client) => {
      const records = await client.query(
        prepared(
          `DELETE FROM ${this.#s}.records WHERE conversation_id = $1 AND NOT (kind || E'\\n' || id = ANY($2))`,
          [conversationId, except],
        ),
      );
      // The counter rows stay (no content), so sequence numbers are never reused.
      const logs = await client.query<{ n: string }>(
        prepared(
          `WITH d AS (DELETE FROM ${this.#s}.log_entries WHERE conversation_id = $1 RETURNING log) SELECT count(DISTINCT log) AS n FROM d`,
          [conversationId],
        ),
      );
      return { records: records.rowCount ?? 0, logs: Number(logs.rows[0]?.n ?? 0) };
    });
  }

  async trimLog(conversationId: string, log: string, keepLast: number): Promise<number> {
    assertLogName(log);
    const { rowCount } = await this.#pool.query(
      prepared(
        `DELETE FROM ${this.#s}.log_entries WHERE conversation_id = $1 AND log = $2 AND seq <= (
           SELECT last_seq - $3 FROM ${this.#s}.logs WHERE conversation_id = $1 AND log = $2)`,
        [conversationId, log, keepLast],
      ),
    );
    return rowCount ?? 0;
  }

  async clearLog(conversationId: string, log: string): Promise<boolean> {
    assertLogName(log);
    const { rowCount } = await this.#pool.query(prepared(`DELETE FROM ${this.#s}.log_entries WHERE conversation_id = $1 AND log = $2`, [conversationId, log]));
    return (rowCount ?? 0) > 0;
  }

  async conversationsWithOpenHandoffs(): Promise<Set<string>> {
    const { rows } = await this.#pool.query<{ conversation_id: string }>(
      prepared(
        `SELECT DISTINCT conversation_id FROM ${this.#s}.records WHERE kind = $1 AND state = ANY($2) AND conversation_id IS NOT NULL`,
        [HANDOFF_KIND, OPEN_HANDOFF_STATES],
      ),
    );
    return new Set(rows.map((r) => r.conversation_id));
  }

  async hasOpenHandoff(conversationId: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      prepared(
        `SELECT 1 FROM ${this.#s}.records WHERE conversation_id = $1 AND kind = $2 AND state = ANY($3) LIMIT 1`,
        [conversationId, HANDOFF_KIND, OPEN_HANDOFF_STATES],
      ),
    );
    return (rowCount ?? 0) > 0;
  }

  async sweepExpired(now: Date): Promise<DeletionCount & { audit: number }> {
    const records = await this.#pool.query(
      prepared(
        `DELETE FROM ${this.#s}.records WHERE expires_at <= $1 AND NOT (kind = $2 AND state IS NOT NULL AND state = ANY($3))`,
        [now, HANDOFF_KIND, OPEN_HANDOFF_STATES],
      ),
    );
    const logs = await this.#pool.query(
      prepared(
        `DELETE FROM ${this.#s}.logs h WHERE expires_at <= $1 AND NOT EXISTS (SELECT 1 FROM ${this.#s}.records r
           WHERE r.conversation_id = h.conversation_id AND r.kind = $2 AND r.state = ANY($3))`,
        [now, HANDOFF_KIND, OPEN_HANDOFF_STATES],
      ),
    );
    const audit = await this.#pool.query(prepared(`DELETE FROM ${this.#s}.audit WHERE expires_at <= $1`, [now]));
    return { records: records.rowCount ?? 0, logs: logs.rowCount ?? 0, audit: audit.rowCount ?? 0 };
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const payload = JSON.stringify({ c: channel, m: message ?? null });
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) throw new RangeError(`Message on "${channel}" is too large to publish`);
    await this.#pool.query(prepared('SELECT pg_notify($1, $2)', [this.#notifyChannel, payload]));
  }

  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe {
    return this.#pubsub.subscribe(channel, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#pubsub.clear();
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}

function fromRow<T>(row: RecordRow): StoredRecord<T> {
  return {
    kind: row.kind,
    id: row.id,
    conversationId: row.conversation_id,
    state: row.state,
    value: row.value as T,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

import { randomUUID } from 'node:crypto';
import { appendFile, readFile, rename } from 'node:fs/promises';
import { expiryFrom, isExpired, isOpenHandoff, shouldSweepRecord } from '../../core/retention/index.js';
import { appendTextIn, hashName, join, listNames, readJson, readText, removeDir, removeFile, writeTextAtomic, writeTextIn } from './jsonFiles.js';
import { entryLine, parseLog, serializeLog, type LogState } from './jsonLines.js';
import { KeyedLock } from './keyedLock.js';
import { LruMap } from './lruMap.js';
import { LocalPubSub } from './localPubSub.js';
import { makePrivateDir, PRIVATE_FILE } from './privateFiles.js';
import {
  assertKind,
  assertLogName,
  auditRecord,
  matchesState,
  DamagedRecordError,
  RecordConflictError,
  UnreadableConfigError,
  type AuditEntry,
  type AuditRecord,
  type Claim,
  type DeleteConversationOptions,
  type DeletionCount,
  type ListFilter,
  type LogEntry,
  type RecordInput,
  type RecordStore,
  type StoredRecord,
  type LogAnnouncement,
  type Unsubscribe,
} from './recordStore.js';

export interface LowdbRecordStoreOptions {
  /** DATA_DIR/records */
  dir: string;
  retentionDays: number;
  /** How long audit entries are kept; default retentionDays. */
  auditRetentionDays?: number;
  clock?: () => Date;
  onError?: (error: unknown) => void;
  /** Logs kept in memory (least recently used dropped); default 2000. */
  logCacheSize?: number;
}

type Meta = Omit<StoredRecord, 'value'>;



/**
 * The record store on lowdb files, for one process:
 *   records/kinds/<kind>/<hash(id)>.json       one keyed record per file
 *   records/logs/<hash(conversation)>/<log>.jsonl  append-only logs (directline, a handoff's messages)
 *   records/audit/<expiry date>.jsonl            audit lines, one file per day of expiry
 * Every record is kept in memory as text (built at open; the process lock makes that safe), so a
 * read costs no file operation; logs are cached (least recently used dropped) and a new entry is
 * one appended line (jsonLines.ts), not a rewrite of the file. A write is acknowledged only once
 * it is in the file.
 */
export class LowdbRecordStore implements RecordStore {
  readonly #dir: string;
  readonly #retentionDays: number;
  readonly #auditRetentionDays: number;
  readonly #clock: () => Date;
  readonly #lock = new KeyedLock();
  readonly #pubsub: LocalPubSub;
  readonly #onError: (error: unknown) => void;
  readonly #records = new Map<string, Meta>();
  readonly #bodies = new Map<string, string>();
  readonly #logCache: LruMap<string, LogState | null>;
  readonly #logs = new Map<string, Map<string, string>>();

  private constructor(options: LowdbRecordStoreOptions) {
    this.#dir = options.dir;
    this.#retentionDays = options.retentionDays;
    this.#auditRetentionDays = options.auditRetentionDays ?? options.retentionDays;
    this.#clock = options.clock ?? (() => new Date());
    this.#onError = options.onError ?? (() => undefined);
    this.#pubsub = new LocalPubSub(options.onError);
    this.#logCache = new LruMap(options.logCacheSize ?? 2000);
  }

  /**
   * A record file that cannot be read (edited by hand, a bad disk) is moved to records/damaged/
   * and reported, so it is neither served nor lost. The signing secret (kind "config") stops the
   * start instead: making a new one would silently end every open chat and copy link.
   */
  async #readForIndex<T>(kind: string, name: string): Promise<T | undefined> {
    const path = join(this.#dir, 'kinds', kind, name);
    try {
      return await readJson<T>(path);
    } catch (error) {
      if (kind === 'config') throw new UnreadableConfigError(path, error);
      const aside = join(this.#dir, 'damaged', `${kind}-${name}`);
      await makePrivateDir(join(this.#dir, 'damaged'));
      await rename(path, aside);
      // The parser's message would quote the file, which may hold what a person wrote.
      this.#onError(new DamagedRecordError(kind, aside));
      return undefined;
    }
  }

  static async open(options: LowdbRecordStoreOptions): Promise<LowdbRecordStore> {
    const store = new LowdbRecordStore(options);
    await store.#loadIndex();
    return store;
  }

  async #loadIndex(): Promise<void> {
    const kindsDir = join(this.#dir, 'kinds');
    for (const kind of await listNames(kindsDir)) {
      for (const name of await listNames(join(kindsDir, kind))) {
        const record = await this.#readForIndex<StoredRecord>(kind, name);
        if (record) this.#remember(record, JSON.stringify(record));
      }
    }
    const logsDir = join(this.#dir, 'logs');
    for (const folder of await listNames(logsDir)) {
      for (const name of await listNames(join(logsDir, folder))) {
        const path = join(logsDir, folder, name);
        try {
          const state = await this.#repaired(path, parseLog((await readText(path)) ?? ''));
          if (state) this.#noteLog(state.conversationId, state.log, state.expiresAt);
          else this.#onError(new Error(`a log file without a readable line was left as it is: ${path}`));
        } catch (error) {
          this.#onError(error);
        }
      }
    }
  }

  #remember(record: StoredRecord, text: string): void {
    const key = this.#key(record.kind, record.id);
    this.#records.set(key, metaOf(record));
    this.#bodies.set(key, text);
  }

  #forget(kind: string, id: string): void {
    this.#records.delete(this.#key(kind, id));
    this.#bodies.delete(this.#key(kind, id));
  }

  #logPath(conversationId: string, log: string): string {
    return join(this.#logFolder(conversationId), `${log}.jsonl`);
  }

  async #loadLog(path: string): Promise<LogState | undefined> {
    const cached = this.#logCache.get(path);
    if (cached !== undefined) return cached ?? undefined;
    const text = await readText(path);
    // A header-less log reads from its entries; it is written again whole at the next start.
    const state = text === undefined ? undefined : parseLog(text);
    this.#logCache.set(path, state ?? null);
    return state;
  }

  /**
   * A log whose first line was damaged is written again whole, with its header, and reported. At
   * start only, before anything else can append to it.
   */
  async #repaired(path: string, state: LogState | undefined): Promise<LogState | undefined> {
    if (!state?.repaired) return state;
    const { repaired: _repaired, ...whole } = state;
    await writeTextIn(path, serializeLog(whole));
    this.#onError(new Error(`a log file's header could not be read; it was rebuilt from its entries: ${path}`));
    return whole;
  }

  /** Replaces the whole log file (temp file and rename), then the cached copy. */
  async #rewriteLog(path: string, state: LogState): Promise<void> {
    try {
      await writeTextIn(path, serializeLog(state));
    } catch (error) {
      this.#logCache.delete(path);
      throw error;
    }
    this.#logCache.set(path, state);
  }

  #key(kind: string, id: string): string {
    return `${kind}\n${id}`;
  }

  #recordPath(kind: string, id: string): string {
    return join(this.#dir, 'kinds', kind, `${hashName(id)}.json`);
  }

  #logFolder(conversationId: string): string {
    return join(this.#dir, 'logs', hashName(conversationId));
  }

  #noteLog(conversationId: string, log: string, expiresAt: string): void {
    let logs = this.#logs.get(conversationId);
    if (!logs) this.#logs.set(conversationId, (logs = new Map()));
    logs.set(log, expiresAt);
  }

  #expiry(): string {
    return expiryFrom(this.#clock(), this.#retentionDays).toISOString();
  }

  #visible(meta: Meta | StoredRecord | undefined): boolean {
    return meta !== undefined && !shouldSweepRecord(meta, this.#clock());
  }

  async #read<T>(kind: string, id: string): Promise<StoredRecord<T> | undefined> {
    const text = this.#bodies.get(this.#key(kind, id));
    if (text === undefined) return undefined;
    const record = JSON.parse(text) as StoredRecord<T>;
    return record.id === id ? record : undefined;
  }

  async #write<T>(record: StoredRecord<T>): Promise<StoredRecord<T>> {
    const text = JSON.stringify(record);
    await writeTextIn(this.#recordPath(record.kind, record.id), text);
    this.#remember(record as StoredRecord, text);
    // The caller gets its own copy: changing it must not change what is stored.
    return JSON.parse(text) as StoredRecord<T>;
  }

  async get<T>(kind: string, id: string): Promise<StoredRecord<T> | undefined> {
    assertKind(kind);
    const record = await this.#read<T>(kind, id);
    return this.#visible(record) ? record : undefined;
  }

  async put<T>(kind: string, id: string, input: RecordInput<T>, expectedVersion?: string | null): Promise<StoredRecord<T>> {
    assertKind(kind);
    return this.#lock.run(this.#key(kind, id), async () => {
      const found = await this.#read<T>(kind, id);
      const current = this.#visible(found) ? found : undefined;
      if (expectedVersion === null && current) throw new RecordConflictError(kind, id);
      if (typeof expectedVersion === 'string' && current?.version !== expectedVersion) throw new RecordConflictError(kind, id);
      const now = this.#clock().toISOString();
      return this.#write<T>({
        kind,
        id,
        conversationId: input.conversationId ?? null,
        state: input.state ?? null,
        value: input.value,
        version: randomUUID(),
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
        expiresAt: input.expiresAt?.toISOString() ?? this.#expiry(),
      });
    });
  }

  async list<T>(kind: string, filter: ListFilter = {}): Promise<StoredRecord<T>[]> {
    assertKind(kind);
    const metas = [...this.#records.values()]
      .filter((m) => m.kind === kind && this.#visible(m))
      .filter((m) => filter.conversationId === undefined || m.conversationId === filter.conversationId)
      .filter((m) => matchesState(m.state, filter.state))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .slice(0, filter.limit ?? Infinity);
    const records = await Promise.all(metas.map((m) => this.#read<T>(m.kind, m.id)));
    return records.filter((r): r is StoredRecord<T> => r !== undefined);
  }

  async delete(kind: string, id: string, expectedVersion?: string): Promise<boolean> {
    assertKind(kind);
    return this.#lock.run(this.#key(kind, id), async () => {
      const current = await this.#read(kind, id);
      if (!current || (expectedVersion !== undefined && current.version !== expectedVersion)) return false;
      this.#forget(kind, id);
      return removeFile(this.#recordPath(kind, id));
    });
  }

  async claim<T>(kind: string, id: string, claim: Claim<T>): Promise<StoredRecord<T> | undefined> {
    assertKind(kind);
    return this.#lock.run(this.#key(kind, id), async () => {
      const current = await this.#read<T>(kind, id);
      if (!current || !this.#visible(current) || current.state === null || !claim.from.includes(current.state)) return undefined;
      return this.#write<T>({
        ...current,
        state: claim.to,
        value: claim.update ? claim.update(current.value) : current.value,
        version: randomUUID(),
        updatedAt: this.#clock().toISOString(),
        expiresAt: this.#expiry(),
      });
    });
  }

  async appendLog<T>(conversationId: string, log: string, data: T, at?: Date, announce?: LogAnnouncement): Promise<number> {
    assertLogName(log);
    const path = this.#logPath(conversationId, log);
    return this.#lock.run(path, async () => {
      const current = await this.#loadLog(path);
      const seq = (current?.lastSeq ?? 0) + 1;
      const expiresAt = this.#expiry();
      const text = JSON.stringify({ seq, at: (at ?? this.#clock()).toISOString(), data } satisfies LogEntry<T>);
      // Entries past their time must not come back because something new was added.
      const stale = current !== undefined && isExpired(current.expiresAt, this.#clock()) && !(await this.hasOpenHandoff(conversationId));
      if (!current || stale) {
        await this.#rewriteLog(path, { conversationId, log, lastSeq: seq, expiresAt, entries: [{ seq, text }] });
      } else {
        try {
          await appendTextIn(path, entryLine({ conversationId, log, expiresAt }, text));
        } catch (error) {
          // The line may be in the file or not: read the file again next time.
          this.#logCache.delete(path);
          throw error;
        }
        current.entries.push({ seq, text });
        current.lastSeq = seq;
        current.expiresAt = expiresAt;
      }
      this.#noteLog(conversationId, log, expiresAt);
      // Inside the lock, so announcements leave in the order of the entries.
      if (announce) void this.#pubsub.publish(announce.channel, { ...announce.message, seq });
      return seq;
    });
  }

  async readLog<T>(conversationId: string, log: string, after = 0): Promise<LogEntry<T>[]> {
    assertLogName(log);
    const state = await this.#loadLog(this.#logPath(conversationId, log));
    if (!state || (isExpired(state.expiresAt, this.#clock()) && !(await this.hasOpenHandoff(conversationId)))) return [];
    return state.entries.filter((e) => e.seq > after).map((e) => JSON.parse(e.text) as LogEntry<T>);
  }

  async hasOpenHandoff(conversationId: string): Promise<boolean> {
    return [...this.#records.values()].some((m) => m.conversationId === conversationId && isOpenHandoff(m.kind, m.state));
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const record = auditRecord(entry, this.#clock());
    const expires = expiryFrom(new Date(record.at), this.#auditRetentionDays).toISOString();
    const dir = join(this.#dir, 'audit');
    const path = join(dir, `${expires.slice(0, 10)}.jsonl`);
    await this.#lock.run(path, async () => {
      await makePrivateDir(dir);
      // The line starts with a newline: a line torn by a crash cannot swallow the next one.
      await appendFile(path, `\n${JSON.stringify({ ...record, expiresAt: expires })}`, { mode: PRIVATE_FILE });
    });
  }

  async readAudit(filter: { conversationId?: string; since?: Date } = {}): Promise<AuditRecord[]> {
    const dir = join(this.#dir, 'audit');
    const out: AuditRecord[] = [];
    for (const name of (await listNames(dir)).sort()) {
      for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
        const entry = parseLine(line);
        if (!entry) continue;
        if (filter.conversationId !== undefined && entry.conversationId !== filter.conversationId) continue;
        if (filter.since && Date.parse(entry.at) < filter.since.getTime()) continue;
        const { expiresAt: _expires, ...rest } = entry;
        out.push(rest);
      }
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }

  async deleteConversation(conversationId: string, options: DeleteConversationOptions = {}): Promise<DeletionCount> {
    const keep = new Set((options.except ?? []).map((r) => this.#key(r.kind, r.id)));
    let records = 0;
    for (const meta of [...this.#records.values()]) {
      if (meta.conversationId !== conversationId || keep.has(this.#key(meta.kind, meta.id))) continue;
      if (await this.delete(meta.kind, meta.id)) records++;
    }
    let logs = 0;
    for (const log of [...(this.#logs.get(conversationId)?.keys() ?? [])]) {
      if (await this.clearLog(conversationId, log)) logs++;
    }
    return { records, logs };
  }

  async trimLog(conversationId: string, log: string, keepLast: number): Promise<number> {
    assertLogName(log);
    const path = this.#logPath(conversationId, log);
    return this.#lock.run(path, async () => {
      const state = await this.#loadLog(path);
      if (!state || state.entries.length <= keepLast) return 0;
      const removed = state.entries.length - keepLast;
      await this.#rewriteLog(path, { ...state, entries: state.entries.slice(removed) });
      return removed;
    });
  }

  async clearLog(conversationId: string, log: string): Promise<boolean> {
    assertLogName(log);
    const path = this.#logPath(conversationId, log);
    return this.#lock.run(path, async () => {
      const state = await this.#loadLog(path);
      if (!state?.entries.length) return false;
      // Only the counter stays (no content), so the next entry does not reuse a number.
      await this.#rewriteLog(path, { ...state, entries: [] });
      return true;
    });
  }

  async conversationsWithOpenHandoffs(): Promise<Set<string>> {
    const open = new Set<string>();
    for (const m of this.#records.values()) if (m.conversationId && isOpenHandoff(m.kind, m.state)) open.add(m.conversationId);
    return open;
  }

  async sweepExpired(now: Date): Promise<DeletionCount & { audit: number }> {
    let records = 0;
    for (const meta of [...this.#records.values()]) {
      if (!shouldSweepRecord(meta, now)) continue;
      const gone = await this.#lock.run(this.#key(meta.kind, meta.id), async () => {
        const fresh = await this.#read(meta.kind, meta.id);
        if (!fresh || !shouldSweepRecord(fresh, now)) return false;
        this.#forget(meta.kind, meta.id);
        return removeFile(this.#recordPath(meta.kind, meta.id));
      });
      if (gone) records++;
    }
    const open = await this.conversationsWithOpenHandoffs();
    let logs = 0;
    for (const [conversationId, entries] of [...this.#logs]) {
      if (open.has(conversationId)) continue;
      for (const [log, expiresAt] of [...entries]) {
        if (!isExpired(expiresAt, now)) continue;
        const path = this.#logPath(conversationId, log);
        const gone = await this.#lock.run(path, async () => {
          const fresh = await this.#loadLog(path);
          if (fresh && !isExpired(fresh.expiresAt, now)) return false;
          entries.delete(log);
          this.#logCache.set(path, null);
          return removeFile(path);
        });
        if (gone) logs++;
      }
      if (!entries.size) {
        this.#logs.delete(conversationId);
        await removeDir(this.#logFolder(conversationId));
      }
    }
    return { records, logs, audit: await this.#sweepAudit(now) };
  }

  async #sweepAudit(now: Date): Promise<number> {
    const dir = join(this.#dir, 'audit');
    let removed = 0;
    for (const name of await listNames(dir)) {
      const path = join(dir, name);
      await this.#lock.run(path, async () => {
        const lines = (await readFile(path, 'utf8')).split('\n').map(parseLine).filter((e) => e !== undefined);
        const kept = lines.filter((e) => !isExpired(e.expiresAt, now));
        removed += lines.length - kept.length;
        if (!kept.length) await removeFile(path);
        else if (kept.length < lines.length) await writeTextAtomic(path, kept.map((e) => `\n${JSON.stringify(e)}`).join(''));
      });
    }
    return removed;
  }

  publish(channel: string, message: unknown): Promise<void> {
    return this.#pubsub.publish(channel, message);
  }

  subscribe(channel: string, listener: (message: unknown) => void): Unsubscribe {
    return this.#pubsub.subscribe(channel, listener);
  }

  async close(): Promise<void> {
    this.#pubsub.clear();
  }
}

function metaOf(record: StoredRecord): Meta {
  const { value: _value, ...meta } = record;
  return meta;
}

function parseLine(line: string): (AuditRecord & { expiresAt: string }) | undefined {
  if (!line.trim()) return undefined;
  try {
    return JSON.parse(line) as AuditRecord & { expiresAt: string };
  } catch {
    return undefined;
  }
}

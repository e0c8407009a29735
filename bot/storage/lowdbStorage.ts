import { randomUUID } from 'node:crypto';
import { rmdir } from 'node:fs/promises';
import type { StoreItems } from 'botbuilder';
import { expiryFrom, isExpired } from '../../core/retention/index.js';
import { conversationOfKey, eTagConflict, type ConversationStorage, type KeepExpired } from './conversationStorage.js';
import { AppendHandles } from './appendHandles.js';
import { hashName, join, listNames, readText, removeDir, removeFile, writeTextIn } from './jsonFiles.js';
import { KeyedLock } from './keyedLock.js';
import { LruMap } from './lruMap.js';

interface Envelope {
  key: string;
  conversationId: string | null;
  expiresAt: string;
  item: Record<string, unknown>;
}

export interface LowdbStorageOptions {
  /** Directory for the state files (DATA_DIR/state). */
  dir: string;
  retentionDays: number;
  clock?: () => Date;
  keepExpired?: KeepExpired;
  /** Items (and known-missing keys) kept in memory; default 20 000. */
  cacheSize?: number;
}

const NO_CONVERSATION = '_';
/** A state file is rewritten to its latest version after this many appended versions. */
const COMPACT_AFTER = 16;

/**
 * The newest version in a state file: the last line that parses and names the key. Each version
 * is appended as a line that starts with a newline, so a line torn by a kill mid-write (never
 * acknowledged) is skipped and the version before it counts. A file written whole (compacted, or
 * by an older Veiviser) is one line.
 */
function newestVersion(text: string, key: string): string | null {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line) continue;
    try {
      if ((JSON.parse(line) as Partial<Envelope>).key === key) return line;
    } catch {
      // torn line
    }
  }
  return null;
}

function keyOfFile(text: string): string | undefined {
  const first = text.split('\n').find((line) => line.length > 0);
  try {
    return first === undefined ? undefined : (JSON.parse(first) as Partial<Envelope>).key;
  } catch {
    return undefined;
  }
}

/**
 * botbuilder Storage on lowdb: one small file per key, in a folder per conversation, so a
 * write costs the same however many conversations there are, and deleting a conversation removes
 * one folder. A write appends the new version as a line to the key's file through a descriptor
 * kept open (one write, no new file, no rename: the state write was most of a turn's file work);
 * every COMPACT_AFTER versions, and on a key's first write in this process, the file is replaced
 * whole with its newest version (lowdb's adapter: temp file and rename), so files stay small.
 * eTags follow MemoryStorage exactly. One process only: the lock is in memory, and so is a
 * write-through cache of the newest version's text (null: known to be missing), which the process
 * lock makes safe. The cache holds text, not objects, so a caller's changes never leak into it.
 */
export class LowdbStorage implements ConversationStorage {
  readonly #dir: string;
  readonly #retentionDays: number;
  readonly #clock: () => Date;
  readonly #lock = new KeyedLock();
  readonly #keepExpired: KeepExpired;
  readonly #cache: LruMap<string, string | null>;
  readonly #handles = new AppendHandles(256);
  /** Versions appended to each file since it was last written whole in this process. */
  readonly #appended = new Map<string, number>();

  constructor(options: LowdbStorageOptions) {
    this.#dir = options.dir;
    this.#retentionDays = options.retentionDays;
    this.#clock = options.clock ?? (() => new Date());
    this.#keepExpired = options.keepExpired ?? (async () => false);
    this.#cache = new LruMap(options.cacheSize ?? 20_000);
  }

  #folder(conversationId: string | undefined): string {
    return join(this.#dir, conversationId === undefined ? NO_CONVERSATION : hashName(conversationId));
  }

  #path(key: string): string {
    return join(this.#folder(conversationOfKey(key)), `${hashName(key)}.json`);
  }

  async #text(key: string): Promise<string | null> {
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const file = await readText(this.#path(key));
    const text = file === undefined ? null : newestVersion(file, key);
    this.#cache.set(key, text);
    return text;
  }

  async #load(key: string): Promise<Envelope | undefined> {
    const text = await this.#text(key);
    const envelope = text === null ? undefined : (JSON.parse(text) as Envelope);
    if (!envelope || envelope.key !== key) return undefined;
    // An expired item the sweep has not reached yet is gone as far as the bot is concerned,
    // unless its conversation has an open handoff (the sweep keeps those too).
    if (isExpired(envelope.expiresAt, this.#clock()) && !(envelope.conversationId && (await this.#keepExpired(envelope.conversationId)))) {
      return undefined;
    }
    return envelope;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const envelope = await this.#load(key);
        if (envelope) items[key] = envelope.item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(([key, next]) =>
        this.#lock.run(key, async () => {
          const eTag = (next as { eTag?: string } | null)?.eTag;
          const current = await this.#load(key);
          if (current && eTag && eTag !== '*' && current.item.eTag !== eTag) throw eTagConflict(key);
          const conversationId = conversationOfKey(key) ?? null;
          const envelope: Envelope = {
            key,
            conversationId,
            expiresAt: expiryFrom(this.#clock(), this.#retentionDays).toISOString(),
            item: { ...(next as object), eTag: randomUUID() },
          };
          const text = JSON.stringify(envelope);
          const path = this.#path(key);
          const appended = this.#appended.get(path);
          try {
            if (appended === undefined || appended >= COMPACT_AFTER || current === undefined) {
              await this.#handles.forget(path);
              await writeTextIn(path, text);
              this.#appended.set(path, 0);
            } else {
              await this.#handles.append(path, `\n${text}`);
              this.#appended.set(path, appended + 1);
            }
          } catch (error) {
            // The file may or may not have the new version: read it again, and write it whole, next time.
            this.#cache.delete(key);
            this.#appended.delete(path);
            throw error;
          }
          this.#cache.set(key, text);
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.#lock.run(key, async () => {
          this.#cache.delete(key);
          const path = this.#path(key);
          await this.#release(path);
          await removeFile(path);
          this.#cache.set(key, null);
        }),
      ),
    );
  }

  async deleteConversation(conversationId: string): Promise<number> {
    const folder = this.#folder(conversationId);
    const count = (await listNames(folder)).length;
    for (const key of [...this.#cache.keys()]) if (conversationOfKey(key) === conversationId) this.#cache.delete(key);
    await this.#handles.forgetUnder(folder);
    for (const path of [...this.#appended.keys()]) if (path.startsWith(`${folder}/`)) this.#appended.delete(path);
    await removeDir(folder);
    return count;
  }

  async #newestInFile(path: string): Promise<Envelope | undefined> {
    const file = await readText(path).catch(() => undefined);
    const key = file === undefined ? undefined : keyOfFile(file);
    const line = key === undefined ? null : newestVersion(file!, key);
    return line === null ? undefined : (JSON.parse(line) as Envelope);
  }

  /** Closes the file's append descriptor and forgets its count: it is about to be removed. */
  async #release(path: string): Promise<void> {
    await this.#handles.forget(path);
    this.#appended.delete(path);
  }

  /** Closes the files kept open for appending (the store is closing). */
  async close(): Promise<void> {
    await this.#handles.forgetAll();
  }

  async sweepExpired(now: Date, keep: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const folder of await listNames(this.#dir)) {
      for (const name of await listNames(join(this.#dir, folder))) {
        const path = join(this.#dir, folder, name);
        const envelope = await this.#newestInFile(path);
        if (!envelope || !isExpired(envelope.expiresAt, now)) continue;
        if (envelope.conversationId && keep.has(envelope.conversationId)) continue;
        const gone = await this.#lock.run(envelope.key, async () => {
          // Re-check under the lock: a turn may have written it since.
          const fresh = await this.#newestInFile(path);
          if (!fresh || !isExpired(fresh.expiresAt, now)) return false;
          this.#cache.delete(envelope.key);
          await this.#release(path);
          return removeFile(path);
        });
        if (gone) removed++;
      }
      // A conversation folder left empty goes too (rmdir refuses if a write just landed in it).
      if (!(await listNames(join(this.#dir, folder))).length) await rmdir(join(this.#dir, folder)).catch(() => undefined);
    }
    return removed;
  }
}

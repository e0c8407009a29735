import { randomUUID } from 'node:crypto';
import { rmdir } from 'node:fs/promises';
import type { StoreItems } from 'botbuilder';
import { expiryFrom, isExpired } from '../../core/retention/index.js';
import { conversationOfKey, eTagConflict, type ConversationStorage, type KeepExpired } from './conversationStorage.js';
import { hashName, join, listNames, readText, removeDir, removeFile, writeTextIn } from './jsonFiles.js';
import { KeyedLock } from './keyedLock.js';

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
}

const NO_CONVERSATION = '_';

/**
 * The newest version in a state file: the last line that parses and names the key. Files are
 * written whole, one line; earlier versions of Veiviser appended versions as lines, and a line
 * torn by a kill then counts as missing, so the version before it is read.
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
 * botbuilder Storage on lowdb: one small file per key, in a folder per conversation, so a write
 * costs the same however many conversations there are, and deleting a conversation removes one
 * folder. A write replaces the key's file whole (lowdb's adapter: temp file and rename), so a
 * file is the old version or the new one, never half of each; a read reads the file. Nothing is
 * kept in memory between turns. eTags follow MemoryStorage exactly. One process only: the lock
 * that makes compare-and-set safe is in memory (and DATA_DIR's lock keeps other processes out).
 */
export class LowdbStorage implements ConversationStorage {
  readonly #dir: string;
  readonly #retentionDays: number;
  readonly #clock: () => Date;
  readonly #lock = new KeyedLock();
  readonly #keepExpired: KeepExpired;

  constructor(options: LowdbStorageOptions) {
    this.#dir = options.dir;
    this.#retentionDays = options.retentionDays;
    this.#clock = options.clock ?? (() => new Date());
    this.#keepExpired = options.keepExpired ?? (async () => false);
  }

  #folder(conversationId: string | undefined): string {
    return join(this.#dir, conversationId === undefined ? NO_CONVERSATION : hashName(conversationId));
  }

  #path(key: string): string {
    return join(this.#folder(conversationOfKey(key)), `${hashName(key)}.json`);
  }

  async #text(key: string): Promise<string | null> {
    const file = await readText(this.#path(key));
    return file === undefined ? null : newestVersion(file, key);
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
          await writeTextIn(this.#path(key), JSON.stringify(envelope));
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.#lock.run(key, async () => {
          await removeFile(this.#path(key));
        }),
      ),
    );
  }

  async deleteConversation(conversationId: string): Promise<number> {
    const folder = this.#folder(conversationId);
    const count = (await listNames(folder)).length;
    await removeDir(folder);
    return count;
  }

  async #newestInFile(path: string): Promise<Envelope | undefined> {
    const file = await readText(path).catch(() => undefined);
    const key = file === undefined ? undefined : keyOfFile(file);
    const line = key === undefined ? null : newestVersion(file!, key);
    return line === null ? undefined : (JSON.parse(line) as Envelope);
  }

  /** Nothing is held open. */
  async close(): Promise<void> {}

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

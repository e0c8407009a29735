import type { StoreItems } from 'botbuilder';
import { conversationOfKey, type ConversationStorage } from './conversationStorage.js';
import { LruMap } from './lruMap.js';

/** A read-ahead older than this is not used: another instance may have written since. */
const FRESH_FOR_MS = 2_000;
const CONVERSATIONS_MAX = 20_000;

interface Pending {
  keys: string[];
  items: Promise<StoreItems | undefined>;
  startedAt: number;
}

/**
 * Lets a conversation's state be read while the message that starts its turn is still being
 * logged. On PostgreSQL a Direct Line turn would otherwise wait for four round trips in a row
 * (log the user's message, read the state, log the replies, write the state); with the read
 * started beside the first, it waits for three.
 *
 * A read-ahead is used only by the next read of the same keys, only if this instance has neither
 * written nor deleted them since it started, and only while it is fresh. Another instance writing
 * in that moment is caught as before: the turn's eTag compare-and-set fails.
 */
export class ReadAheadStorage implements ConversationStorage {
  readonly #inner: ConversationStorage;
  readonly #now: () => number;
  /** The keys each conversation's turns read, learnt from its last read. */
  readonly #keysOf = new LruMap<string, string[]>(CONVERSATIONS_MAX);
  readonly #pending = new LruMap<string, Pending>(CONVERSATIONS_MAX);
  /** Keys with a write or delete in flight, and how many. */
  readonly #changing = new Map<string, number>();

  constructor(inner: ConversationStorage, now: () => number = () => performance.now()) {
    this.#inner = inner;
    this.#now = now;
  }

  /**
   * Starts reading the state the conversation's next turn will read, if it is known. The promise
   * only tells when the read is done; it never rejects, and callers need not wait for it.
   */
  async readAhead(conversationId: string): Promise<void> {
    const keys = this.#keysOf.get(conversationId);
    if (!keys || keys.some((key) => this.#changing.has(key))) return;
    // A failed read-ahead is simply not used; the turn reads again and meets the error itself.
    const items = this.#inner.read(keys).catch(() => undefined);
    this.#pending.set(conversationId, { keys, items, startedAt: this.#now() });
    await items;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const conversationId = conversationOf(keys);
    if (conversationId === undefined) return this.#inner.read(keys);
    this.#keysOf.set(conversationId, [...keys]);
    const pending = this.#pending.get(conversationId);
    if (pending) {
      this.#pending.delete(conversationId);
      if (sameKeys(pending.keys, keys) && this.#now() - pending.startedAt <= FRESH_FOR_MS) {
        const items = await pending.items;
        if (items) return items;
      }
    }
    return this.#inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return this.#changingKeys(Object.keys(changes), () => this.#inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.#changingKeys(keys, () => this.#inner.delete(keys));
  }

  async deleteConversation(conversationId: string): Promise<number> {
    this.#pending.delete(conversationId);
    this.#keysOf.delete(conversationId);
    return this.#inner.deleteConversation(conversationId);
  }

  async sweepExpired(now: Date, keep: ReadonlySet<string>): Promise<number> {
    // Rare and periodic: simply forget every read-ahead, so none hands out what the sweep removes.
    this.#pending.clear();
    return this.#inner.sweepExpired(now, keep);
  }

  async #changingKeys(keys: string[], change: () => Promise<void>): Promise<void> {
    for (const key of keys) {
      this.#changing.set(key, (this.#changing.get(key) ?? 0) + 1);
      const conversationId = conversationOfKey(key);
      if (conversationId !== undefined) this.#pending.delete(conversationId);
    }
    try {
      await change();
    } finally {
      for (const key of keys) {
        const left = (this.#changing.get(key) ?? 1) - 1;
        if (left > 0) this.#changing.set(key, left);
        else this.#changing.delete(key);
      }
    }
  }
}

/** The conversation whose turn reads these keys; undefined when no key names one. */
function conversationOf(keys: string[]): string | undefined {
  for (const key of keys) {
    const conversationId = conversationOfKey(key);
    if (conversationId !== undefined) return conversationId;
  }
  return undefined;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

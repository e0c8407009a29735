import type { StoreItems } from 'botbuilder';
import type { ConversationStorage } from './conversationStorage.js';

const READ_ETAG = Symbol('veiviser.readETag');

type Tagged = Record<string, unknown> & { eTag?: string; [READ_ETAG]?: string };

/**
 * botbuilder's BotState (ConversationState, UserState) reads an item with its eTag but writes it
 * back with eTag "*", so of two turns racing on one conversation the last silently wins and the
 * other's changes are lost. This wrapper remembers, on the very object BotState caches, the eTag
 * it read (a symbol: invisible to JSON and to BotState's change hash) and turns that "*" back into
 * a compare-and-set. The losing turn then fails loudly instead of losing data quietly.
 * An item written without having been read (a new conversation, BotState.clear) keeps "*".
 */
export class TurnSafeStorage implements ConversationStorage {
  constructor(private readonly inner: ConversationStorage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items) as Tagged[]) {
      if (item && typeof item === 'object' && typeof item.eTag === 'string') {
        Object.defineProperty(item, READ_ETAG, { value: item.eTag, enumerable: false, writable: true, configurable: true });
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const rewritten: StoreItems = {};
    for (const [key, change] of Object.entries(changes) as Array<[string, Tagged]>) {
      const readETag = change?.[READ_ETAG];
      rewritten[key] = readETag && change.eTag === '*' ? { ...change, eTag: readETag } : change;
    }
    await this.inner.write(rewritten);
    // Written: a second save in the same turn must not compare against the old eTag.
    for (const change of Object.values(changes) as Tagged[]) {
      if (change && typeof change === 'object' && READ_ETAG in change) delete change[READ_ETAG];
    }
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  deleteConversation(conversationId: string): Promise<number> {
    return this.inner.deleteConversation(conversationId);
  }

  sweepExpired(now: Date, keep: ReadonlySet<string>): Promise<number> {
    return this.inner.sweepExpired(now, keep);
  }
}

import assert from 'node:assert/strict';
import type { StoreItems } from 'botbuilder';
import type { ConversationStorage } from '../../bot/storage/conversationStorage.js';
import { ReadAheadStorage } from '../../bot/storage/readAheadStorage.js';

const KEY = 'directline/conversations/c1/ConversationState';
const OTHER = 'directline/conversations/c2/ConversationState';

/** A state store in memory that counts reads and can be told to hold writes or fail reads. */
class CountingStorage implements ConversationStorage {
  readonly items = new Map<string, Record<string, unknown>>();
  reads = 0;
  failReads = false;
  holdWrites: Promise<void> | undefined;

  async read(keys: string[]): Promise<StoreItems> {
    this.reads += 1;
    if (this.failReads) throw new Error('connection lost');
    const found: StoreItems = {};
    for (const key of keys) if (this.items.has(key)) found[key] = { ...this.items.get(key) };
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.holdWrites;
    for (const [key, value] of Object.entries(changes)) this.items.set(key, { ...(value as Record<string, unknown>) });
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  async deleteConversation(conversationId: string): Promise<number> {
    let n = 0;
    for (const key of [...this.items.keys()]) if (key.includes(`/conversations/${conversationId}/`) && this.items.delete(key)) n += 1;
    return n;
  }

  async sweepExpired(): Promise<number> {
    return 0;
  }
}

function setUp() {
  const inner = new CountingStorage();
  let now = 1000;
  const storage = new ReadAheadStorage(inner, () => now);
  return { inner, storage, advance: (ms: number) => (now += ms) };
}

describe('ReadAheadStorage (state read while the message is logged)', () => {
  it('hands the next turn the state it read ahead, without a second read', async () => {
    const { inner, storage } = setUp();
    await storage.write({ [KEY]: { step: 1 } });
    await storage.read([KEY]);
    inner.items.set(KEY, { step: 2 });
    void storage.readAhead('c1');
    assert.equal(inner.reads, 2, 'the read-ahead starts at once');
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { step: 2 } });
    assert.equal(inner.reads, 2, 'the turn used it');
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { step: 2 } });
    assert.equal(inner.reads, 3, 'a read-ahead serves one read only');
  });

  it('does nothing for a conversation whose keys it has not seen', async () => {
    const { inner, storage } = setUp();
    void storage.readAhead('c1');
    assert.equal(inner.reads, 0);
  });

  it('reads again when this instance wrote the state after the read-ahead began', async () => {
    const { storage } = setUp();
    await storage.read([KEY]);
    void storage.readAhead('c1');
    await storage.write({ [KEY]: { step: 'written by the turn before' } });
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { step: 'written by the turn before' } });
  });

  it('does not read ahead while a write of the same state is under way', async () => {
    const { inner, storage } = setUp();
    await storage.read([KEY]);
    let finish!: () => void;
    inner.holdWrites = new Promise((resolve) => (finish = resolve));
    const writing = storage.write({ [KEY]: { step: 'late' } });
    void storage.readAhead('c1');
    assert.equal(inner.reads, 1, 'no read started beside the write');
    finish();
    await writing;
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { step: 'late' } });
  });

  it('does not use a read-ahead that has waited too long (another instance may have written since)', async () => {
    const { inner, storage, advance } = setUp();
    await storage.read([KEY]);
    void storage.readAhead('c1');
    inner.items.set(KEY, { step: 'from the other instance' });
    advance(5_000);
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { step: 'from the other instance' } });
  });

  it('reads again when the read-ahead failed, so the turn meets the store as it is now', async () => {
    const { inner, storage } = setUp();
    inner.items.set(KEY, { step: 1 });
    await storage.read([KEY]);
    inner.failReads = true;
    void storage.readAhead('c1');
    inner.failReads = false;
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { step: 1 } });
  });

  it('does not hand out a read-ahead made before a retention sweep', async () => {
    const { inner, storage } = setUp();
    inner.items.set(KEY, { step: 'expired' });
    await storage.read([KEY]);
    void storage.readAhead('c1');
    await storage.sweepExpired(new Date(), new Set());
    inner.items.delete(KEY);
    assert.deepEqual(await storage.read([KEY]), {});
  });

  it('keeps conversations apart and forgets a deleted conversation', async () => {
    const { inner, storage } = setUp();
    inner.items.set(KEY, { who: 'c1' });
    inner.items.set(OTHER, { who: 'c2' });
    await storage.read([KEY]);
    await storage.read([OTHER]);
    void storage.readAhead('c1');
    assert.deepEqual(await storage.read([OTHER]), { [OTHER]: { who: 'c2' } }, 'c2 is not given c1\'s read-ahead');
    assert.deepEqual(await storage.read([KEY]), { [KEY]: { who: 'c1' } });

    void storage.readAhead('c1');
    assert.equal(await storage.deleteConversation('c1'), 1);
    assert.deepEqual(await storage.read([KEY]), {}, 'nothing of the deleted conversation comes back');
    const reads = inner.reads;
    await storage.deleteConversation('c1');
    void storage.readAhead('c1');
    assert.equal(inner.reads, reads, 'its keys are forgotten too');
  });
});

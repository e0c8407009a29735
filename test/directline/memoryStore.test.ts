import assert from 'node:assert/strict';
import { MemoryDirectLineStore } from '../../bot/directline/memoryStore.js';
import { directLineStoreContract } from './storeContract.js';

directLineStoreContract('in memory', async (logCap) => ({ store: new MemoryDirectLineStore({ logCap }) }));

describe('MemoryDirectLineStore', () => {
  const record = (id: string) => ({ id, userId: `dl_${id}`, createdAt: '2026-03-02T10:00:00.000Z' });

  it('drops the longest idle conversation when full', async () => {
    const store = new MemoryDirectLineStore({ maxConversations: 2 });
    await store.createConversation(record('a'));
    await store.createConversation(record('b'));
    await store.appendActivity('a', { type: 'message', text: 'a is active' });
    await store.createConversation(record('c'));
    assert.equal(await store.getConversation('b'), undefined);
    assert.ok(await store.getConversation('a'));
    assert.ok(await store.getConversation('c'));
  });

  it('refuses a nonsense cap', () => {
    assert.throws(() => new MemoryDirectLineStore({ logCap: 0 }));
    assert.throws(() => new MemoryDirectLineStore({ maxConversations: 1.5 }));
  });
});

import assert from 'node:assert/strict';
import { MemoryDirectLineStore } from '../../bot/directline/memoryStore.js';
import type { Delivery } from '../../bot/directline/store.js';

const record = (id: string) => ({ id, userId: `dl_${id}`, createdAt: '2026-03-02T10:00:00.000Z' });

describe('MemoryDirectLineStore', () => {
  it('keeps at most the cap per conversation, oldest dropped, watermarks still rising', async () => {
    const store = new MemoryDirectLineStore({ logCap: 3 });
    await store.createConversation(record('a'));
    for (let i = 1; i <= 5; i++) await store.appendActivity('a', { type: 'message', text: `m${i}` });
    const { activities, watermark } = await store.activitiesAfter('a');
    assert.deepEqual(activities.map((a) => a.activity.text), ['m3', 'm4', 'm5']);
    assert.deepEqual(activities.map((a) => a.activity.id), ['a|0000003', 'a|0000004', 'a|0000005']);
    assert.equal(watermark, 5);
  });

  it('keeps conversations apart and deletes one without touching the other', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation(record('a'));
    await store.createConversation(record('b'));
    await store.appendActivity('a', { type: 'message', text: 'for a' });
    await store.appendActivity('b', { type: 'message', text: 'for b' });
    await store.deleteConversation('a');
    assert.equal(await store.getConversation('a'), undefined);
    await assert.rejects(store.activitiesAfter('a'));
    assert.deepEqual((await store.activitiesAfter('b')).activities.map((x) => x.activity.text), ['for b']);
  });

  it('starts a conversation for exactly one caller', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation(record('a'));
    const results = await Promise.all([store.markStarted('a', 'x'), store.markStarted('a', 'y')]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.equal(await store.markStarted('missing', 'x'), false);
    await assert.rejects(store.createConversation(record('a')));
  });

  it('notifies subscribers of its own conversation only, until they unsubscribe', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation(record('a'));
    await store.createConversation(record('b'));
    const seen: Delivery[] = [];
    const stop = store.subscribe('a', (d) => seen.push(d));
    await store.appendActivity('a', { type: 'message', text: 'one' });
    await store.appendActivity('b', { type: 'message', text: 'other' });
    await store.publishEphemeral('a', { type: 'typing' });
    stop();
    await store.appendActivity('a', { type: 'message', text: 'after' });
    assert.deepEqual(seen.map((d) => [d.activity.text ?? d.activity.type, d.watermark]), [['one', 1], ['typing', undefined]]);
  });

  it('an update with a known id moves the activity to the end with a new watermark', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation(record('a'));
    const first = await store.appendActivity('a', { type: 'message', text: 'draft' });
    await store.appendActivity('a', { type: 'message', text: 'next' });
    const updated = await store.appendActivity('a', { ...first.activity, text: 'final' });
    assert.equal(updated.activity.id, first.activity.id);
    assert.equal(updated.watermark, 3);
    assert.deepEqual((await store.activitiesAfter('a')).activities.map((x) => x.activity.text), ['next', 'final']);
    assert.deepEqual((await store.activitiesAfter('a', 2)).activities.map((x) => x.activity.text), ['final']);
  });
});

describe('MemoryDirectLineStore retention', () => {
  it('expires conversations idle since the cutoff, counting from the last activity', async () => {
    const store = new MemoryDirectLineStore();
    await store.createConversation({ ...record('quiet'), createdAt: '2026-03-01T08:00:00.000Z' });
    await store.createConversation({ ...record('busy'), createdAt: '2026-03-01T08:00:00.000Z' });
    await store.appendActivity('busy', { type: 'message', text: 'still here', timestamp: new Date('2026-03-02T09:00:00.000Z') });
    assert.deepEqual(await store.expireIdle('2026-03-02T00:00:00.000Z'), ['quiet']);
    assert.equal(await store.getConversation('quiet'), undefined);
    assert.ok(await store.getConversation('busy'));
  });

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
});

import assert from 'node:assert/strict';
import { RecordDirectLineStore, type Stores } from '../../bot/storage/index.js';
import type { Delivery } from '../../bot/directline/store.js';
import { lowdbBackend, postgresBackend, requirePostgres, type Backend } from './backends.js';
import { waitFor } from './contract.js';
import { directLineStoreContract } from '../directline/storeContract.js';

const record = (id: string, createdAt = '2026-03-02T10:00:00.000Z') => ({ id, userId: `dl_${id}`, createdAt });

function directLineContract(makeBackend: () => Promise<Backend>): void {
  let backend: Backend;
  let stores: Stores;
  let store: RecordDirectLineStore;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-03-02T10:00:00Z');
    backend = await makeBackend();
    stores = await backend.open({ clock: () => now });
    store = new RecordDirectLineStore(stores.records, { logCap: 3, clock: () => now });
  });
  afterEach(async () => {
    await stores.close();
    await backend.cleanup();
  });

  it('returns at most the cap, oldest dropped, with rising watermarks and zero-padded ids', async () => {
    await store.createConversation(record('a'));
    for (let i = 1; i <= 5; i++) await store.appendActivity('a', { type: 'message', text: `m${i}` });
    const { activities, watermark } = await store.activitiesAfter('a');
    assert.deepEqual(activities.map((a) => a.activity.text), ['m3', 'm4', 'm5']);
    assert.deepEqual(activities.map((a) => a.activity.id), ['a|0000003', 'a|0000004', 'a|0000005']);
    assert.equal(watermark, 5);
    assert.deepEqual((await store.activitiesAfter('a', 4)).activities.map((a) => a.activity.text), ['m5']);
    assert.equal((await store.activitiesAfter('a', 5)).watermark, 5);
  });

  it('keeps the stored log bounded in a long conversation', async () => {
    await store.createConversation(record('long'));
    for (let i = 1; i <= 120; i++) await store.appendActivity('long', { type: 'message', text: `m${i}` });
    assert.ok((await stores.records.readLog('long', 'directline')).length <= 6 + 50, 'trimmed to twice the cap, every 50 appends');
    assert.deepEqual((await store.activitiesAfter('long')).activities.map((a) => a.activity.text), ['m118', 'm119', 'm120']);
  });

  it('starts a conversation for exactly one caller, and refuses a taken id', async () => {
    await store.createConversation(record('a'));
    const results = await Promise.all([store.markStarted('a', 'x'), store.markStarted('a', 'y'), store.markStarted('a', 'z')]);
    assert.deepEqual(results.filter(Boolean).length, 1);
    assert.equal(await store.markStarted('missing', 'x'), false);
    await assert.rejects(store.createConversation(record('a')));
  });

  it('notifies subscribers of its own conversation only, until they unsubscribe', async () => {
    await store.createConversation(record('a'));
    await store.createConversation(record('b'));
    const seen: Delivery[] = [];
    const stop = store.subscribe('a', (d) => seen.push(d));
    await store.appendActivity('a', { type: 'message', text: 'one' });
    await store.appendActivity('b', { type: 'message', text: 'other' });
    await store.publishEphemeral('a', { type: 'typing' });
    await waitFor(() => seen.length === 2);
    stop();
    await store.appendActivity('a', { type: 'message', text: 'after' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(seen.map((d) => [d.activity.text ?? d.activity.type, d.watermark]), [['one', 1], ['typing', undefined]]);
  });

  it('delivers an activity too large to travel inline by reading it from the log', async () => {
    await store.createConversation(record('a'));
    const seen: Delivery[] = [];
    store.subscribe('a', (d) => seen.push(d));
    const card = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: 'x'.repeat(20_000) } }] };
    await store.appendActivity('a', card);
    await waitFor(() => seen.length === 1);
    assert.equal(seen[0]?.watermark, 1);
    assert.equal((seen[0]?.activity.attachments?.[0]?.content as { body: string }).body.length, 20_000);
  });

  it('moves an updated activity to the end with a new watermark, and removes one', async () => {
    await store.createConversation(record('a'));
    const first = await store.appendActivity('a', { type: 'message', text: 'draft' });
    await store.appendActivity('a', { type: 'message', text: 'next' });
    const updated = await store.appendActivity('a', { ...first.activity, text: 'final' });
    assert.equal(updated.activity.id, first.activity.id);
    assert.equal(updated.watermark, 3);
    assert.deepEqual((await store.activitiesAfter('a')).activities.map((x) => x.activity.text), ['next', 'final']);
    assert.deepEqual((await store.activitiesAfter('a', 2)).activities.map((x) => x.activity.text), ['final']);
    assert.equal(await store.removeActivity('a', first.activity.id!), true);
    assert.equal(await store.removeActivity('a', 'a|9999999'), false);
    assert.deepEqual((await store.activitiesAfter('a')).activities.map((x) => x.activity.text), ['next']);
  });

  it('expires conversations idle since the cutoff, counting from the last activity', async () => {
    await store.createConversation(record('quiet', '2026-03-01T08:00:00.000Z'));
    await store.createConversation(record('busy', '2026-03-01T08:00:00.000Z'));
    await store.appendActivity('busy', { type: 'message', text: 'still here', timestamp: '2026-03-02T09:00:00.000Z' as unknown as Date });
    assert.deepEqual(await store.expireIdle('2026-03-02T00:00:00.000Z'), ['quiet']);
    assert.equal(await store.getConversation('quiet'), undefined);
    assert.equal((await store.getConversation('busy'))?.lastActiveAt, '2026-03-02T09:00:00.000Z');
  });

  it('survives a restart: the conversation, its log and its start mark', async () => {
    await store.createConversation(record('a'));
    await store.markStarted('a', '2026-03-02T10:00:01.000Z');
    await store.appendActivity('a', { type: 'message', text: 'hei' });
    await stores.close();
    stores = await backend.open({ clock: () => now });
    store = new RecordDirectLineStore(stores.records, { clock: () => now });
    assert.equal(await store.markStarted('a', 'again'), false);
    assert.equal((await store.getConversation('a'))?.startedAt, '2026-03-02T10:00:01.000Z');
    const next = await store.appendActivity('a', { type: 'message', text: 'hallo' });
    assert.equal(next.watermark, 2);
    assert.deepEqual((await store.activitiesAfter('a')).activities.map((x) => x.activity.text), ['hei', 'hallo']);
  });

  it('a user\'s deletion of the conversation empties the log but keeps the session and its watermarks', async () => {
    await store.createConversation(record('a'));
    await store.appendActivity('a', { type: 'message', text: 'mitt problem' });
    await store.appendActivity('a', { type: 'message', text: 'svar' });
    await stores.records.deleteConversation('a', { except: [{ kind: 'directline', id: 'a' }] });
    assert.deepEqual((await store.activitiesAfter('a')).activities, []);
    const confirmation = await store.appendActivity('a', { type: 'message', text: 'Samtalen er slettet.' });
    assert.equal(confirmation.watermark, 3, 'a client polling after watermark 2 still sees the confirmation');
    assert.deepEqual((await store.activitiesAfter('a', 2)).activities.map((x) => x.activity.text), ['Samtalen er slettet.']);
  });
}

describe('Direct Line store on the record store: lowdb', () => {
  directLineContract(lowdbBackend);
});

describe('Direct Line store on the record store: PostgreSQL', () => {
  before(async function () {
    await requirePostgres(this);
  });
  directLineContract(async () => postgresBackend());

  /** Two instances on the run's schema, each with its own Direct Line store; closed afterwards. */
  async function withTwoInstances(test: (a: { records: Stores['records']; store: RecordDirectLineStore }, b: { store: RecordDirectLineStore }) => Promise<void>): Promise<void> {
    const backend = postgresBackend();
    const a = await backend.open({ clock: () => new Date() });
    const b = await backend.open({ clock: () => new Date() });
    try {
      await test({ records: a.records, store: new RecordDirectLineStore(a.records) }, { store: new RecordDirectLineStore(b.records) });
    } finally {
      await a.close();
      await b.close();
      await backend.cleanup();
    }
  }

  it('lets one instance serve a conversation another created, with live delivery between them', async () => {
    await withTwoInstances(async ({ store: storeA }, { store: storeB }) => {
      await storeA.createConversation(record('shared'));
      const seen: Delivery[] = [];
      storeA.subscribe('shared', (d) => seen.push(d));
      await storeB.appendActivity('shared', { type: 'message', text: 'fra instans B' });
      await waitFor(() => seen.length === 1);
      assert.equal(seen[0]?.activity.text, 'fra instans B');
      assert.deepEqual((await storeA.activitiesAfter('shared')).activities.map((x) => x.activity.text), ['fra instans B']);
    });
  });
  it('forgets a conversation another instance deleted: no reply can be logged into it afterwards', async () => {
    await withTwoInstances(async ({ records, store: storeA }, { store: storeB }) => {
      await storeA.createConversation(record('gone'));
      // A has just used the record (its own copy is fresh), then B deletes the conversation.
      await storeA.appendActivity('gone', { type: 'message', text: 'før sletting' });
      assert.ok(await storeA.getConversation('gone'));
      await storeB.deleteConversation('gone');
      const until = Date.now() + 3000;
      while ((await storeA.getConversation('gone')) !== undefined) {
        assert.ok(Date.now() < until, 'instance A still serves the deleted conversation');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await assert.rejects(storeA.appendActivity('gone', { type: 'message', text: 'etter sletting' }));
      assert.deepEqual(await records.readLog('gone', 'directline'), [], 'nothing was written after the deletion');
    });
  });
});

// The Direct Line endpoint's own contract (test/directline/storeContract.ts), on both stores.
directLineStoreContract('records on lowdb', async (logCap) => {
  const backend = await lowdbBackend();
  const stores = await backend.open({ clock: () => new Date() });
  return { store: new RecordDirectLineStore(stores.records, { logCap }), cleanup: async () => (await stores.close(), await backend.cleanup()) };
});
describe('Direct Line endpoint contract on PostgreSQL', () => {
  before(async function () {
    await requirePostgres(this);
  });
  directLineStoreContract('records on PostgreSQL', async (logCap) => {
    const backend = postgresBackend();
    const stores = await backend.open({ clock: () => new Date() });
    return { store: new RecordDirectLineStore(stores.records, { logCap }), cleanup: async () => (await stores.close(), await backend.cleanup()) };
  });
});

import assert from 'node:assert/strict';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState.js';
import { ActivityTypes, ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { RecordConflictError, type Stores } from '../../bot/storage/index.js';
import type { Backend } from './backends.js';

const DAY = 24 * 60 * 60 * 1000;

function turn(adapter: TestAdapter, conversationId: string): TurnContext {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    channelId: 'test',
    text: 'hei',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user1', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
  };
  return new TurnContext(adapter, activity);
}

/** The behaviour both stores promise (bot/storage/recordStore.ts). Run once per backend. */
export function storeContract(makeBackend: () => Promise<Backend>, before?: (ctx: Mocha.Context) => Promise<void>): void {
  let backend: Backend;
  let stores: Stores;
  let now: Date;
  const clock = () => now;
  /** A log of messages of a test's own ("notes"), beside the Direct Line log. */
  const note = (conversationId: string, entry: { from: string; text: string }) => stores.records.appendLog(conversationId, 'notes', entry);
  const notes = async (conversationId: string, after?: number) =>
    (await stores.records.readLog<{ from: string; text: string }>(conversationId, 'notes', after)).map((e) => ({ seq: e.seq, at: e.at, from: e.data.from, text: e.data.text }));

  beforeEach(async function () {
    if (before) await before(this);
    now = new Date('2026-03-02T10:00:00Z');
    backend = await makeBackend();
    stores = await backend.open({ clock, retentionDays: 30 });
  });

  afterEach(async () => {
    await stores?.close();
    await backend?.cleanup();
  });

  describe('botbuilder Storage', () => {
    it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
      await stores.storage.write({ 'test/conversations/c1/': { count: 1, nested: { a: [1, 2] } } });
      const items = await stores.storage.read(['test/conversations/c1/', 'test/conversations/missing/']);
      assert.deepEqual(Object.keys(items), ['test/conversations/c1/']);
      assert.equal(items['test/conversations/c1/'].count, 1);
      assert.deepEqual(items['test/conversations/c1/'].nested, { a: [1, 2] });
      assert.equal(typeof items['test/conversations/c1/'].eTag, 'string');
    });

    it('stores text with a pasted NUL character without failing the turn', async () => {
      await stores.storage.write({ 'test/conversations/nul/': { text: 'a\u0000b \\u0000 c' } });
      const item = (await stores.storage.read(['test/conversations/nul/']))['test/conversations/nul/'];
      assert.equal(String(item.text).replaceAll('\u0000', ''), 'ab \\u0000 c');
      await note('nul', { from: 'user', text: 'x\u0000y' });
      assert.equal((await notes('nul'))[0]?.text.replaceAll('\u0000', ''), 'xy');
    });

    it('refuses a stale eTag with MemoryStorage\'s message, and overwrites with "*" or no eTag', async () => {
      const key = 'test/conversations/c1/';
      await stores.storage.write({ [key]: { n: 1 } });
      const first = (await stores.storage.read([key]))[key];
      await stores.storage.write({ [key]: { ...first, n: 2 } });
      await assert.rejects(stores.storage.write({ [key]: { ...first, n: 3 } }), {
        message: `Storage: error writing "${key}" due to eTag conflict.`,
      });
      assert.equal((await stores.storage.read([key]))[key].n, 2);
      await stores.storage.write({ [key]: { n: 4, eTag: '*' } });
      assert.equal((await stores.storage.read([key]))[key].n, 4);
      await stores.storage.write({ [key]: { n: 5 } });
      assert.equal((await stores.storage.read([key]))[key].n, 5);
      // Like MemoryStorage: an eTag on a key that does not exist (any more) is not a conflict.
      await stores.storage.write({ 'test/conversations/new/': { n: 1, eTag: 'whatever' } });
      assert.equal((await stores.storage.read(['test/conversations/new/']))['test/conversations/new/'].n, 1);
    });

    it('lets exactly one of many concurrent writers with the same eTag win', async () => {
      const key = 'test/conversations/race/';
      await stores.storage.write({ [key]: { n: 0 } });
      const base = (await stores.storage.read([key]))[key];
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => stores.storage.write({ [key]: { ...base, n: i + 1 } })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const winner = results.findIndex((r) => r.status === 'fulfilled') + 1;
      assert.equal((await stores.storage.read([key]))[key].n, winner);
    });

    it('makes one of two concurrent Teams AI turns on one conversation fail instead of losing an update', async () => {
      // Teams AI's TurnState writes back the eTag it read. (botbuilder's own BotState writes "*",
      // last writer wins: the bot's state goes through Teams AI.)
      const adapter = new TestAdapter(async () => undefined);
      const setup = new TurnState<{ count?: number }>();
      await setup.load(turn(adapter, 'conv-x'), stores.storage);
      setup.conversation.count = 1;
      await setup.save(turn(adapter, 'conv-x'), stores.storage);

      const a = new TurnState<{ count?: number }>();
      const b = new TurnState<{ count?: number }>();
      const ctxA = turn(adapter, 'conv-x');
      const ctxB = turn(adapter, 'conv-x');
      await Promise.all([a.load(ctxA, stores.storage), b.load(ctxB, stores.storage)]);
      a.conversation.count = (a.conversation.count ?? 0) + 1;
      b.conversation.count = (b.conversation.count ?? 0) + 10;
      const saved = await Promise.allSettled([a.save(ctxA, stores.storage), b.save(ctxB, stores.storage)]);
      assert.deepEqual(saved.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const check = new TurnState<{ count?: number }>();
      await check.load(turn(adapter, 'conv-x'), stores.storage);
      assert.ok(check.conversation.count === 2 || check.conversation.count === 11, `one turn's update is kept whole, got ${String(check.conversation.count)}`);
    });

    it('makes botbuilder ConversationState fail one of two racing turns instead of losing an update', async () => {
      const adapter = new TestAdapter(async () => undefined);
      const stateA = new ConversationState(stores.storage);
      const stateB = new ConversationState(stores.storage);
      const countA = stateA.createProperty<number>('count');
      const countB = stateB.createProperty<number>('count');
      const setup = turn(adapter, 'conv-y');
      await countA.set(setup, 1);
      await stateA.saveChanges(setup);

      const a = turn(adapter, 'conv-y');
      const b = turn(adapter, 'conv-y');
      await countA.set(a, (await countA.get(a, 0)) + 1);
      await countB.set(b, (await countB.get(b, 0)) + 10);
      const saved = await Promise.allSettled([stateA.saveChanges(a), stateB.saveChanges(b)]);
      assert.deepEqual(saved.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const winner = saved[0]?.status === 'fulfilled' ? 2 : 11;
      const check = turn(adapter, 'conv-y');
      assert.equal(await new ConversationState(stores.storage).createProperty<number>('count').get(check, 0), winner);

      // The same turn may save twice; a later turn reads the new eTag and goes on.
      const c = turn(adapter, 'conv-y');
      await countA.set(c, (await countA.get(c, 0)) + 100);
      await stateA.saveChanges(c);
      await countA.set(c, (await countA.get(c, 0)) + 100);
      await stateA.saveChanges(c);
      assert.equal(await new ConversationState(stores.storage).createProperty<number>('count').get(turn(adapter, 'conv-y'), 0), winner + 200);
    });

    it('deletes one key, and all state of one conversation without touching others', async () => {
      await stores.storage.write({
        'test/conversations/c1/': { a: 1 },
        'test/bot/conversations/c1': { b: 1 },
        'test/conversations/c2/': { c: 1 },
        'test/users/u1/': { d: 1 },
      });
      await stores.storage.delete(['test/users/u1/', 'test/users/never/']);
      assert.deepEqual(await stores.storage.read(['test/users/u1/']), {});
      assert.equal(await stores.storage.deleteConversation('c1'), 2);
      const left = await stores.storage.read(['test/conversations/c1/', 'test/bot/conversations/c1', 'test/conversations/c2/']);
      assert.deepEqual(Object.keys(left), ['test/conversations/c2/']);
    });

    it('forgets state after the retention time, and the sweep keeps conversations it is told to keep', async () => {
      await stores.storage.write({ 'test/conversations/old/': { a: 1 }, 'test/conversations/kept/': { a: 1 } });
      now = new Date(now.getTime() + 29 * DAY);
      await stores.storage.write({ 'test/conversations/recent/': { a: 1 } });
      assert.equal(Object.keys(await stores.storage.read(['test/conversations/old/'])).length, 1);
      now = new Date(now.getTime() + 2 * DAY);
      assert.deepEqual(await stores.storage.read(['test/conversations/old/']), {}, 'expired state is not served');
      assert.equal(await stores.storage.sweepExpired(now, new Set(['kept'])), 1);
      const left = await stores.storage.read(['test/conversations/old/', 'test/conversations/kept/', 'test/conversations/recent/']);
      assert.deepEqual(Object.keys(left).sort(), ['test/conversations/recent/']);
    });
  });

  describe('keyed records', () => {
    it('puts and gets a record with its metadata and expiry', async () => {
      const saved = await stores.records.put('consent', 'k1', { value: { shared: true }, conversationId: 'c1', state: 'given' });
      const got = await stores.records.get<{ shared: boolean }>('consent', 'k1');
      assert.deepEqual(got, saved);
      assert.equal(got?.value.shared, true);
      assert.equal(got?.expiresAt, new Date(now.getTime() + 30 * DAY).toISOString());
      assert.equal(await stores.records.get('consent', 'nope'), undefined);
    });

    it('compare-and-set: create-only, matching version, stale version', async () => {
      const first = await stores.records.put('callback', 'cb', { value: { n: 1 } }, null);
      await assert.rejects(stores.records.put('callback', 'cb', { value: { n: 9 } }, null), RecordConflictError);
      now = new Date(now.getTime() + 1000);
      const second = await stores.records.put('callback', 'cb', { value: { n: 2 } }, first.version);
      assert.notEqual(second.version, first.version);
      assert.equal(second.createdAt, first.createdAt);
      assert.notEqual(second.updatedAt, first.updatedAt);
      await assert.rejects(stores.records.put('callback', 'cb', { value: { n: 3 } }, first.version), RecordConflictError);
      assert.deepEqual((await stores.records.get('callback', 'cb'))?.value, { n: 2 });
    });

    it('lets exactly one of many concurrent compare-and-set writers win, and one creator', async () => {
      const base = await stores.records.put('callback', 'race', { value: { n: 0 } });
      const writes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => stores.records.put('callback', 'race', { value: { n: i + 1 } }, base.version)));
      assert.equal(writes.filter((r) => r.status === 'fulfilled').length, 1);
      const creates = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => stores.records.put('callback', 'new', { value: { n: i } }, null)));
      assert.equal(creates.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(creates.filter((r) => r.status === 'rejected').every((r) => r.status === 'rejected' && r.reason instanceof RecordConflictError));
    });

    it('lists by kind, conversation and state, oldest first, with a limit', async () => {
      for (const [id, conv, state] of [
        ['h1', 'c1', 'queued'],
        ['h2', 'c2', 'accepted'],
        ['h3', 'c1', 'queued'],
        ['h4', 'c3', 'closed'],
      ] as const) {
        await stores.records.put('handoff', id, { value: { id }, conversationId: conv, state });
        now = new Date(now.getTime() + 1000);
      }
      await stores.records.put('consent', 'x', { value: {}, conversationId: 'c1' });
      const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
      assert.deepEqual(ids(await stores.records.list('handoff')), ['h1', 'h2', 'h3', 'h4']);
      assert.deepEqual(ids(await stores.records.list('handoff', { state: 'queued' })), ['h1', 'h3']);
      assert.deepEqual(ids(await stores.records.list('handoff', { state: ['queued', 'accepted'], limit: 2 })), ['h1', 'h2']);
      assert.deepEqual(ids(await stores.records.list('handoff', { conversationId: 'c1' })), ['h1', 'h3']);
      assert.deepEqual(ids(await stores.records.list('callback')), []);
    });

    it('deletes a record, only when the version matches if one is given', async () => {
      const r = await stores.records.put('consent', 'd', { value: {} });
      assert.equal(await stores.records.delete('consent', 'd', 'not-the-version'), false);
      assert.equal(await stores.records.delete('consent', 'd', r.version), true);
      assert.equal(await stores.records.get('consent', 'd'), undefined);
      assert.equal(await stores.records.delete('consent', 'd'), false);
    });

    it('claims atomically: only from allowed states, and one winner among racing claimers', async () => {
      await stores.records.put('handoff', 'h', { value: { by: null as string | null }, conversationId: 'c', state: 'queued' });
      assert.equal(await stores.records.claim('handoff', 'h', { from: ['accepted'], to: 'closed' }), undefined);
      assert.equal(await stores.records.claim('handoff', 'missing', { from: ['queued'], to: 'accepted' }), undefined);
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          stores.records.claim<{ by: string | null }>('handoff', 'h', { from: ['queued'], to: 'accepted', update: (v) => ({ ...v, by: `v${i}` }) }),
        ),
      );
      const winners = claims.filter((c) => c !== undefined);
      assert.equal(winners.length, 1);
      const stored = await stores.records.get<{ by: string }>('handoff', 'h');
      assert.equal(stored?.state, 'accepted');
      assert.equal(stored?.value.by, winners[0]?.value.by);
    });

    it('rejects kinds that are not simple names', async () => {
      await assert.rejects(stores.records.put('../etc', 'x', { value: 1 }), TypeError);
    });
  });

  describe('logs', () => {
    it('appends in order with sequence numbers and reads after a point', async () => {
      assert.equal(await note('c1', { from: 'user', text: 'Hei' }), 1);
      assert.equal(await note('c1', { from: 'bot', text: 'Hei! Hva lurer du på?' }), 2);
      assert.equal(await note('c1', { from: 'veileder', text: 'Jeg heter Kari.' }), 3);
      assert.equal(await note('c2', { from: 'user', text: 'Annen samtale' }), 1);
      const all = await notes('c1');
      assert.deepEqual(all.map((e) => [e.seq, e.from, e.text]), [
        [1, 'user', 'Hei'],
        [2, 'bot', 'Hei! Hva lurer du på?'],
        [3, 'veileder', 'Jeg heter Kari.'],
      ]);
      assert.deepEqual((await notes('c1', 2)).map((e) => e.seq), [3]);
      assert.equal(all[0]?.at, now.toISOString());
    });

    it('does not bring back expired entries when something new is added', async () => {
      await note('old', { from: 'user', text: 'gammelt' });
      now = new Date(now.getTime() + 31 * DAY);
      assert.deepEqual(await notes('old'), []);
      assert.equal(await note('old', { from: 'user', text: 'nytt' }), 2);
      assert.deepEqual((await notes('old')).map((e) => e.text), ['nytt']);
    });

    it('keeps the earlier entries of a conversation whose handoff is still open when something new is added', async () => {
      await note('waiting', { from: 'user', text: 'før' });
      await note('other', { from: 'user', text: 'annen' });
      await stores.records.put('handoff', 'h-open', { value: {}, conversationId: 'waiting', state: 'queued' });
      now = new Date(now.getTime() + 31 * DAY);
      await note('waiting', { from: 'user', text: 'etter' });
      assert.deepEqual((await notes('waiting')).map((e) => e.text), ['før', 'etter'], 'the veileder still sees what came before');
      await note('other', { from: 'user', text: 'ny' });
      assert.deepEqual((await notes('other')).map((e) => e.text), ['ny'], 'another conversation\'s handoff keeps nothing here');
    });

    it('numbers appends made at once to several logs and conversations per log, in call order, and drops only the expired log', async () => {
      await note('c1', { from: 'user', text: 'gammelt' });
      now = new Date(now.getTime() + 20 * DAY);
      await stores.records.appendLog('c1', 'directline', { n: 0 });
      now = new Date(now.getTime() + 11 * DAY);
      // The notes are past their 30 days, the Direct Line log is not; both are written to at once.
      const seqs = await Promise.all([
        stores.records.appendLog('c1', 'directline', { n: 1 }),
        note('c1', { from: 'bot', text: 'svar' }),
        stores.records.appendLog('c2', 'directline', { n: 1 }),
        stores.records.appendLog('c1', 'directline', { n: 2 }),
        note('c1', { from: 'bot', text: 'svar 2' }),
      ]);
      assert.deepEqual(seqs, [2, 2, 1, 3, 3]);
      assert.deepEqual((await notes('c1')).map((e) => [e.seq, e.text]), [
        [2, 'svar'],
        [3, 'svar 2'],
      ]);
      assert.deepEqual((await stores.records.readLog<{ n: number }>('c1', 'directline')).map((e) => [e.seq, e.data.n]), [
        [1, 0],
        [2, 1],
        [3, 2],
      ]);
      assert.deepEqual((await stores.records.readLog<{ n: number }>('c2', 'directline')).map((e) => e.seq), [1]);
    });

    it('gives unique, gap-free numbers to concurrent appends', async () => {
      const seqs = await Promise.all(Array.from({ length: 25 }, (_, i) => stores.records.appendLog('c1', 'directline', { i })));
      assert.deepEqual([...seqs].sort((a, b) => a - b), Array.from({ length: 25 }, (_, i) => i + 1));
      const log = await stores.records.readLog<{ i: number }>('c1', 'directline', 20);
      assert.deepEqual(log.map((e) => e.seq), [21, 22, 23, 24, 25]);
      assert.equal(await stores.records.trimLog('c1', 'directline', 3), 22);
      assert.deepEqual((await stores.records.readLog('c1', 'directline')).map((e) => e.seq), [23, 24, 25]);
      assert.equal(await stores.records.trimLog('c1', 'directline', 3), 0);
      assert.equal(await stores.records.appendLog('c1', 'directline', { i: 26 }), 26, 'numbering goes on');
    });
  });

  describe('audit', () => {
    it('keeps who, what and when, never free text', async () => {
      await stores.records.appendAudit({ actor: 'veileder:kari', action: 'handoff.view', target: 'h1', conversationId: 'c1' });
      const sneaky = { actor: 'veileder:kari', action: 'handoff.accept', target: 'h1', text: 'Jeg har ikke penger til mat' };
      await stores.records.appendAudit(sneaky);
      await assert.rejects(stores.records.appendAudit({ actor: 'veileder:kari', action: 'jeg har ikke penger' }), TypeError);
      const entries = await stores.records.readAudit();
      assert.deepEqual(entries, [
        { at: now.toISOString(), actor: 'veileder:kari', action: 'handoff.view', target: 'h1', conversationId: 'c1' },
        { at: now.toISOString(), actor: 'veileder:kari', action: 'handoff.accept', target: 'h1' },
      ]);
      assert.deepEqual((await stores.records.readAudit({ conversationId: 'c1' })).map((e) => e.action), ['handoff.view']);
    });
  });

  describe('deleting a conversation', () => {
    it('removes its records and logs, keeps the exceptions, other conversations and the audit', async () => {
      await stores.records.put('handoff', 'h-acc', { value: {}, conversationId: 'c1', state: 'closed' });
      await stores.records.put('handoff', 'h-q', { value: {}, conversationId: 'c1', state: 'queued' });
      await stores.records.put('consent', 'k1', { value: {}, conversationId: 'c1' });
      await stores.records.put('consent', 'k2', { value: {}, conversationId: 'c2' });
      await note('c1', { from: 'user', text: 'hei' });
      await stores.records.appendLog('c1', 'directline', { type: 'message' });
      await note('c2', { from: 'user', text: 'hallo' });
      await stores.records.appendAudit({ actor: 'user', action: 'conversation.delete', conversationId: 'c1' });

      const count = await stores.records.deleteConversation('c1', { except: [{ kind: 'handoff', id: 'h-acc' }] });
      assert.deepEqual(count, { records: 2, logs: 2 });
      assert.equal(await stores.records.get('handoff', 'h-q'), undefined);
      assert.equal(await stores.records.get('consent', 'k1'), undefined);
      assert.equal((await stores.records.get('handoff', 'h-acc'))?.state, 'closed');
      assert.deepEqual(await notes('c1'), []);
      assert.deepEqual(await stores.records.readLog('c1', 'directline'), []);
      assert.equal((await notes('c2')).length, 1);
      assert.ok(await stores.records.get('consent', 'k2'));
      assert.equal((await stores.records.readAudit({ conversationId: 'c1' })).length, 1);
      // A new message after deletion starts the log afresh, without reusing numbers.
      assert.equal(await note('c1', { from: 'user', text: 'ny' }), 2);
      assert.deepEqual((await notes('c1')).map((e) => e.text), ['ny']);
      assert.equal(await stores.records.clearLog('c1', 'notes'), true);
      assert.equal(await stores.records.clearLog('c1', 'notes'), false);
      assert.equal(await note('c1', { from: 'user', text: 'igjen' }), 3);
    });
  });

  describe('retention sweep', () => {
    it('deletes what has expired, but keeps an open handoff and its conversation until it ends', async () => {
      await stores.records.put('handoff', 'open', { value: {}, conversationId: 'c-open', state: 'accepted' });
      await stores.records.put('handoff', 'done', { value: {}, conversationId: 'c-done', state: 'closed' });
      await stores.records.put('consent', 'k', { value: {}, conversationId: 'c-done' });
      await note('c-open', { from: 'user', text: 'hei' });
      await note('c-done', { from: 'user', text: 'hei' });
      await stores.records.appendAudit({ actor: 'user', action: 'x' });
      now = new Date(now.getTime() + 10 * DAY);
      await stores.records.put('consent', 'fresh', { value: {}, conversationId: 'c-new' });

      assert.deepEqual(await stores.records.sweepExpired(now), { records: 0, logs: 0, audit: 0 });
      now = new Date(now.getTime() + 21 * DAY);
      assert.equal(await stores.records.get('consent', 'k'), undefined, 'expired records are not served before the sweep');
      assert.deepEqual(await stores.records.sweepExpired(now), { records: 2, logs: 1, audit: 1 });
      assert.equal((await stores.records.get('handoff', 'open'))?.state, 'accepted');
      assert.equal((await notes('c-open')).length, 1);
      assert.deepEqual(await notes('c-done'), []);
      assert.ok(await stores.records.get('consent', 'fresh'));
      assert.deepEqual([...(await stores.records.conversationsWithOpenHandoffs())], ['c-open']);

      await stores.records.claim('handoff', 'open', { from: ['accepted'], to: 'closed' });
      now = new Date(now.getTime() + 31 * DAY);
      const swept = await stores.records.sweepExpired(now);
      assert.equal(swept.records, 2);
      assert.equal(swept.logs, 1);
      assert.equal(await stores.records.get('handoff', 'open'), undefined);
    });
  });

  describe('publish and subscribe', () => {
    it('delivers a message to subscribers of the channel, a copy, and stops after unsubscribe', async () => {
      const got: unknown[] = [];
      const other: unknown[] = [];
      const stop = stores.records.subscribe('handoff:h1', (m) => got.push(m));
      stores.records.subscribe('handoff:h2', (m) => other.push(m));
      const message = { from: 'veileder', seq: 4 };
      await stores.records.publish('handoff:h1', message);
      await waitFor(() => got.length === 1);
      assert.deepEqual(got, [message]);
      assert.notEqual(got[0], message);
      stop();
      await stores.records.publish('handoff:h1', { seq: 5 });
      await stores.records.publish('handoff:h2', { seq: 6 });
      await waitFor(() => other.length === 1);
      assert.equal(got.length, 1);
    });

    it('announces log entries with their numbers, in order, even when appended at once', async () => {
      const got: Array<{ seq: number; n: number }> = [];
      stores.records.subscribe('log:c1', (m) => got.push(m as { seq: number; n: number }));
      const seqs = await Promise.all(
        Array.from({ length: 8 }, (_, n) => stores.records.appendLog('c1', 'directline', { n }, undefined, { channel: 'log:c1', message: { n, seq: -1 } })),
      );
      await waitFor(() => got.length === 8);
      assert.deepEqual(got.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7, 8], 'in the order of the log');
      const byN = new Map(seqs.map((seq, n) => [n, seq]));
      for (const m of got) assert.equal(m.seq, byN.get(m.n), 'each announcement carries its own entry\'s number');
      const stored = await stores.records.readLog<{ n: number }>('c1', 'directline');
      assert.deepEqual(stored.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe('after a restart', () => {
    it('finds everything again', async () => {
      await stores.storage.write({ 'test/conversations/c1/': { n: 7 } });
      await stores.records.put('handoff', 'h1', { value: { a: 1 }, conversationId: 'c1', state: 'queued' });
      await note('c1', { from: 'user', text: 'hei' });
      await stores.close();
      stores = await backend.open({ clock, retentionDays: 30 });
      assert.equal((await stores.storage.read(['test/conversations/c1/']))['test/conversations/c1/'].n, 7);
      assert.deepEqual((await stores.records.list('handoff', { state: 'queued' })).map((r) => r.id), ['h1']);
      assert.equal(await note('c1', { from: 'bot', text: 'hallo' }), 2);
      assert.equal((await stores.records.deleteConversation('c1')).records, 1);
    });
  });
}

export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

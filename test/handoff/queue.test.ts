import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandoffQueue } from '../../bot/handoff/handoffQueue.js';
import { loadQueueSettings } from '../../bot/handoff/settings.js';
import { LowdbRecordStore } from '../../bot/storage/lowdbRecordStore.js';
import type { RecordStore } from '../../bot/storage/recordStore.js';
import { createAvailability, loadOpeningHours } from '../../core/availability/index.js';
import { HandoffTransitionError } from '../../core/handoff/stateMachine.js';
import { renderSummary } from '../../core/handoff/render.js';
import { buildSummary } from '../../core/handoff/summary.js';
import type { Priority } from '../../core/handoff/summaryTypes.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { postgresBackend, requirePostgres } from '../storage/backends.js';

const nb = handoffTexts('nb');
let now = new Date('2026-04-07T10:00:00+02:00');
const clock = () => now;

async function openQueue(dir: string) {
  const records = await LowdbRecordStore.open({ dir, retentionDays: 30, clock });
  const queue = new HandoffQueue({ records, availability: createAvailability(loadOpeningHours(), 'data'), settings: loadQueueSettings(), clock, veiledereOnline: () => 2 });
  return { records, queue };
}

function input(conversationId: string, priority: Priority) {
  const urgentSignals = priority === 'URGENT' ? (['URGENT_MONEY'] as const) : [];
  const triage = priority === 'HIGH' ? { answers: {}, assessment: { priority: 'HIGH' as const } } : null;
  const summary = buildSummary({ id: crypto.randomUUID(), createdAt: clock(), channel: 'directline', language: 'nb', request: `hjelp ${conversationId}`, triage, topicsExplained: [], urgentSignals: [...urgentSignals] }, nb);
  const shown = renderSummary(summary, 'nb', nb);
  return { conversationId, channel: 'directline', lang: 'nb' as const, summary, shown, veilederCopy: shown, citizenRef: { channelId: 'directline', conversation: { id: conversationId } }, callback: false };
}

describe('handoff queue in the record store', () => {
  it('orders by priority, then age, and estimates the wait from the place and the veiledere online', async () => {
    const { records, queue } = await openQueue(mkdtempSync(join(tmpdir(), 'veiviser-queue-')));
    try {
      const a = await queue.enqueue(input('a', 'ORDINARY'));
      now = new Date(now.getTime() + 60_000);
      const b = await queue.enqueue(input('b', 'HIGH'));
      now = new Date(now.getTime() + 60_000);
      const c = await queue.enqueue(input('c', 'URGENT'));
      now = new Date(now.getTime() + 60_000);
      const d = await queue.enqueue(input('d', 'ORDINARY'));
      assert.deepEqual((await queue.list()).map((r) => r.conversationId), ['c', 'b', 'a', 'd']);
      assert.equal(await queue.position(c.id), 1);
      assert.equal(await queue.position(d.id), 4);
      // 12 minutes per conversation (data/handoff/queue.json), 2 veiledere online, rounded up to 5.
      assert.equal(queue.estimateMinutes(4), 25);
      assert.equal(await queue.position(a.id), 3);
      assert.equal(b.priority, 'HIGH');
    } finally {
      await records.close();
    }
  });

  it('a callback left on the Wednesday before Easter is kept until the end of the first working day after Easter', async () => {
    const { records, queue } = await openQueue(mkdtempSync(join(tmpdir(), 'veiviser-queue-')));
    try {
      assert.equal(queue.expiryFor(new Date('2026-04-01T16:00:00+02:00'), true).toISOString(), new Date('2026-04-07T15:00:00+02:00').toISOString());
      assert.equal(queue.expiryFor(new Date('2026-04-01T16:00:00+02:00'), false).toISOString(), new Date('2026-04-01T16:30:00+02:00').toISOString());
    } finally {
      await records.close();
    }
  });

  it('two veiledere taking the same handoff at once: exactly one wins, the other gets a conflict', async () => {
    const { records, queue } = await openQueue(mkdtempSync(join(tmpdir(), 'veiviser-queue-')));
    try {
      const h = await queue.enqueue(input('race', 'ORDINARY'));
      const results = await Promise.allSettled([queue.accept(h.id, { id: 'Z1' }), queue.accept(h.id, { id: 'Z2' })]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(lost.reason instanceof HandoffTransitionError);
      assert.equal(lost.reason.from, 'accepted');
    } finally {
      await records.close();
    }
  });

  it('survives a restart: the open handoff, its history and its messages are there after reopening the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veiviser-queue-'));
    let first = await openQueue(dir);
    const h = await first.queue.enqueue(input('restart', 'ORDINARY'));
    await first.queue.accept(h.id, { id: 'Z1' });
    await first.queue.appendMessage(h.id, h.conversationId, 'user', 'er du der?');
    await first.records.close();

    first = await openQueue(dir);
    try {
      const found = await first.queue.activeFor('restart');
      assert.equal(found?.state, 'accepted');
      assert.deepEqual(found?.history.map((e) => e.state), ['offered', 'consented', 'queued', 'accepted']);
      assert.deepEqual((await first.queue.messages(found!)).map((m) => m.text), ['er du der?']);
      assert.equal((await first.queue.close(h.id)).state, 'closed');
    } finally {
      await first.records.close();
    }
  });
});

describe('open handoff of a conversation, seen from several instances', () => {
  const queueOn = (records: RecordStore) =>
    new HandoffQueue({ records, availability: createAvailability(loadOpeningHours(), 'data'), settings: loadQueueSettings(), clock, veiledereOnline: () => 2 });

  /** Instance A has just looked (none), then B queues a handoff: A must see it within a moment. */
  async function seenByTheOther(a: HandoffQueue, b: HandoffQueue): Promise<void> {
    assert.equal(await a.activeFor('shared'), undefined);
    assert.equal(await a.activeFor('shared'), undefined, 'asked twice, still none');
    const queued = await b.enqueue(input('shared', 'ORDINARY'));
    const until = Date.now() + 3000;
    let seen = await a.activeFor('shared');
    while (!seen && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = await a.activeFor('shared');
    }
    assert.equal(seen?.id, queued.id, 'the other instance sees the new handoff, so the next message goes to the veileder');
    assert.equal((await b.activeFor('shared'))?.id, queued.id, 'and so does the instance that queued it');
  }

  it('lowdb: two queues on one store', async () => {
    const records = await LowdbRecordStore.open({ dir: mkdtempSync(join(tmpdir(), 'veiviser-queue-')), retentionDays: 30, clock });
    try {
      await seenByTheOther(queueOn(records), queueOn(records));
    } finally {
      await records.close();
    }
  });

  describe('PostgreSQL: two instances', () => {
    before(async function () {
      await requirePostgres(this);
    });
    it('sees a handoff the other instance queued', async () => {
      const backend = postgresBackend();
      const a = await backend.open({ clock });
      const b = await backend.open({ clock });
      try {
        await seenByTheOther(queueOn(a.records), queueOn(b.records));
      } finally {
        await a.close();
        await b.close();
        await backend.cleanup();
      }
    });
  });
});

describe('safety while waiting for or talking with a veileder', function () {
  this.timeout(30_000);
  it('a crisis message gets the crisis answer at once, and the veileder sees the message too', async () => {
    const { Citizen, http, startHandoffServer, texts, VEILEDER_TOKEN } = await import('./harness.js');
    const server = await startHandoffServer({ safety: true });
    try {
      await http(`${server.running.url}/api/handoffs`, { token: VEILEDER_TOKEN });
      const citizen = await Citizen.start(server);
      await citizen.say('veileder');
      await citizen.say('Jeg trenger hjelp med alt');
      await citizen.say('ja');
      const reply = texts(await citizen.say('jeg vil ikke leve lenger'));
      assert.ok(reply.some((t) => t.includes('116 123')), `crisis answer with the help line: ${reply.join(' | ')}`);
      assert.ok(!reply.some((t) => t.startsWith('Du venter fortsatt')), 'the crisis answer is not replaced by the queue note');
      const [h] = await server.parts.queue.list(['queued']);
      assert.deepEqual((await server.parts.queue.messages(h!)).map((m) => m.text), ['jeg vil ikke leve lenger']);
      assert.equal((await server.parts.queue.get(h!.id)).state, 'queued', 'still in the queue');
    } finally {
      await server.close();
    }
  });
});

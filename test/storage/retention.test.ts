import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sinon from 'sinon';
import { createStores, sweepStores, type Stores } from '../../bot/storage/index.js';
import { expiryFrom, isOpenHandoff, startRetentionSweep } from '../../core/retention/index.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

describe('retention', () => {
  describe('policy', () => {
    it('sets the expiry RETENTION_DAYS after the write', () => {
      assert.equal(expiryFrom(new Date('2026-01-31T12:00:00Z'), 30).toISOString(), '2026-03-02T12:00:00.000Z');
      assert.equal(expiryFrom(new Date('2026-01-31T12:00:00Z'), 1).toISOString(), '2026-02-01T12:00:00.000Z');
      assert.throws(() => expiryFrom(new Date(), 0), RangeError);
      assert.throws(() => expiryFrom(new Date(), 1.5), RangeError);
    });

    it('treats a handoff as open until it has ended', () => {
      for (const state of ['offered', 'consented', 'queued', 'accepted']) assert.equal(isOpenHandoff('handoff', state), true, state);
      for (const state of ['closed', 'declined', 'cancelled', 'returned', 'expired', null, 'nonsense']) {
        assert.equal(isOpenHandoff('handoff', state), false, String(state));
      }
      assert.equal(isOpenHandoff('callback', 'queued'), false);
    });
  });

  describe('the sweep schedule (fake timers)', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z') });
    });
    afterEach(() => clock.restore());

    it('sweeps at start-up and then every interval, with the time of each run', async () => {
      const runs: string[] = [];
      const handle = startRetentionSweep({ sweep: async (now) => runs.push(now.toISOString()), intervalMs: HOUR });
      await clock.tickAsync(0);
      assert.deepEqual(runs, ['2026-03-02T10:00:00.000Z']);
      await clock.tickAsync(HOUR);
      await clock.tickAsync(HOUR);
      assert.deepEqual(runs, ['2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z', '2026-03-02T12:00:00.000Z']);
      handle.stop();
      await clock.tickAsync(5 * HOUR);
      assert.equal(runs.length, 3);
    });

    it('never runs two sweeps at once, and keeps going after a failed one', async () => {
      let active = 0;
      let maxActive = 0;
      let calls = 0;
      const errors: unknown[] = [];
      const handle = startRetentionSweep({
        intervalMs: 1000,
        onError: (e) => errors.push(e),
        sweep: async () => {
          calls++;
          active++;
          maxActive = Math.max(maxActive, active);
          await new Promise((resolve) => setTimeout(resolve, 2500));
          active--;
          if (calls === 1) throw new Error('database away');
          return calls;
        },
      });
      await clock.tickAsync(10_000);
      handle.stop();
      assert.equal(maxActive, 1);
      assert.equal(errors.length, 1);
      assert.ok(calls >= 3, `sweeps continued after the failure (${calls})`);
    });
  });

  it('does not keep the process alive', async () => {
    const script = `import { startRetentionSweep } from ${JSON.stringify(new URL('../../core/retention/index.ts', import.meta.url).href)};
      startRetentionSweep({ sweep: async () => 0, intervalMs: 3600000 }); console.log('started');`;
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 15000 });
    assert.equal(stdout.trim(), 'started');
    assert.ok(Date.now() - started < 15000);
  });

  describe('sweeping both stores', () => {
    let dir: string;
    let stores: Stores;
    let now: Date;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'veiviser-retention-'));
      now = new Date('2026-03-02T10:00:00Z');
      stores = await createStores({ dataDir: dir, retentionDays: 30, clock: () => now });
    });
    afterEach(async () => {
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('deletes conversations, their message logs and closed handoffs past their time, keeps open handoffs', async () => {
      for (const c of ['quiet', 'waiting', 'done']) {
        await stores.storage.write({ [`webchat/bot/conversations/${c}`]: { request: 'trenger hjelp' } });
        await stores.records.appendLog(c, 'directline', { type: 'message', text: 'trenger hjelp' });
      }
      await stores.records.put('handoff', 'h-wait', { value: {}, conversationId: 'waiting', state: 'queued' });
      await stores.records.put('handoff', 'h-done', { value: {}, conversationId: 'done', state: 'closed' });

      assert.deepEqual(await sweepStores(stores, now), { state: 0, records: 0, logs: 0, audit: 0 });
      now = new Date(now.getTime() + 31 * DAY);
      assert.deepEqual(await sweepStores(stores, now), { state: 2, records: 1, logs: 2, audit: 0 });

      const state = await stores.storage.read(['webchat/bot/conversations/quiet', 'webchat/bot/conversations/waiting', 'webchat/bot/conversations/done']);
      assert.deepEqual(Object.keys(state), ['webchat/bot/conversations/waiting']);
      assert.equal((await stores.records.readLog('waiting', 'directline')).length, 1);
      assert.deepEqual(await stores.records.readLog('quiet', 'directline'), []);
      assert.equal((await stores.records.get('handoff', 'h-wait'))?.state, 'queued');
      assert.equal(await stores.records.get('handoff', 'h-done'), undefined);
    });
  });
});

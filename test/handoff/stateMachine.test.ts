import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  HANDOFF_STATES,
  HandoffTransitionError,
  canTransition,
  expireIfDue,
  isActive,
  isTerminal,
  transition,
  type HandoffLifecycle,
  type HandoffState,
} from '../../core/handoff/stateMachine.js';
import { startExpirySweep } from '../../core/handoff/expirySweep.js';

// The spec's allowed moves, written out independently of the implementation's table.
const ALLOWED: Array<[HandoffState, HandoffState]> = [
  ['offered', 'consented'],
  ['offered', 'declined'],
  ['offered', 'cancelled'],
  ['consented', 'queued'],
  ['consented', 'cancelled'],
  ['queued', 'accepted'],
  ['queued', 'returned'],
  ['queued', 'closed'],
  ['queued', 'cancelled'],
  ['queued', 'expired'],
  ['accepted', 'closed'],
  ['accepted', 'returned'],
  ['accepted', 'cancelled'],
];
const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
const NOW = new Date('2026-04-07T10:00:00.000Z');

function record(state: HandoffState, expiresAt?: string): HandoffLifecycle {
  return { state, expiresAt, history: [{ state, at: NOW.toISOString(), by: 'system' }] };
}

describe('handoff state machine', () => {
  for (const [from, to] of ALLOWED) {
    it(`allows ${from} → ${to} and records who and when`, () => {
      const before = record(from);
      const after = transition(before, to, 'veileder', NOW);
      assert.equal(after.state, to);
      assert.deepEqual(after.history.at(-1), { state: to, at: NOW.toISOString(), by: 'veileder' });
      assert.equal(before.state, from, 'the original record is not changed');
    });
  }

  for (const from of HANDOFF_STATES) {
    for (const to of HANDOFF_STATES) {
      if (allowed.has(`${from}>${to}`)) continue;
      it(`refuses ${from} → ${to} with a typed error`, () => {
        assert.equal(canTransition(from, to), false);
        assert.throws(
          () => transition(record(from), to, 'user', NOW),
          (error: unknown) => error instanceof HandoffTransitionError && error.from === from && error.to === to,
        );
      });
    }
  }

  it('treats closed, declined, cancelled, returned and expired as final, and queued/accepted as active', () => {
    assert.deepEqual(HANDOFF_STATES.filter(isTerminal), ['closed', 'declined', 'cancelled', 'returned', 'expired']);
    assert.deepEqual(HANDOFF_STATES.filter(isActive), ['queued', 'accepted']);
  });

  it('nothing goes straight from offered to queued: consent comes first', () => {
    assert.throws(() => transition(record('offered'), 'queued', 'system', NOW), HandoffTransitionError);
  });
});

describe('expiry of a queued handoff nobody accepts', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => clock.restore());

  it('expires only when the time has passed and the handoff is still queued', () => {
    const queued = record('queued', new Date(NOW.getTime() + 60_000).toISOString());
    assert.equal(expireIfDue(queued, new Date()), queued);
    clock.tick(60_000);
    const expired = expireIfDue(queued, new Date());
    assert.equal(expired.state, 'expired');
    assert.equal(expired.history.at(-1)?.by, 'system');
    const accepted = record('accepted', NOW.toISOString());
    assert.equal(expireIfDue(accepted, new Date()), accepted);
  });

  it('the sweep expires due handoffs on its interval and leaves the others waiting', async () => {
    const store = new Map<string, HandoffLifecycle>([
      ['soon', record('queued', new Date(NOW.getTime() + 5 * 60_000).toISOString())],
      ['later', record('queued', new Date(NOW.getTime() + 60 * 60_000).toISOString())],
    ]);
    const told: string[] = [];
    const sweep = startExpirySweep({
      intervalMs: 60_000,
      now: () => new Date(),
      listQueued: async () => [...store.values()].filter((r) => r.state === 'queued'),
      expire: async (r, now) => {
        const id = [...store.entries()].find(([, v]) => v === r)?.[0] ?? '';
        store.set(id, transition(r, 'expired', 'system', now));
        told.push(id);
      },
    });
    try {
      await clock.tickAsync(4 * 60_000);
      assert.deepEqual(told, []);
      await clock.tickAsync(60_000);
      assert.deepEqual(told, ['soon']);
      assert.equal(store.get('later')?.state, 'queued');
      await clock.tickAsync(55 * 60_000);
      assert.deepEqual(told, ['soon', 'later']);
    } finally {
      sweep.stop();
    }
  });

  it('a failure on one handoff is reported and does not stop the others', async () => {
    const errors: unknown[] = [];
    const due = [record('queued', NOW.toISOString()), record('queued', NOW.toISOString())];
    let calls = 0;
    const sweep = startExpirySweep({
      intervalMs: 1000,
      now: () => new Date(),
      listQueued: async () => due,
      expire: async () => {
        calls += 1;
        if (calls === 1) throw new Error('conflict');
      },
      onError: (e) => errors.push(e),
    });
    try {
      assert.equal(await sweep.runOnce(), 1);
      assert.equal(errors.length, 1);
    } finally {
      sweep.stop();
    }
  });
});

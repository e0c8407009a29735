import assert from 'node:assert/strict';
import { veilederHasActed } from '../../dialogs/privacy/index.js';

const handoff = (state: string, history: Array<{ state: string; by: string }>) => ({
  kind: 'handoff',
  id: 'h',
  state,
  value: { state, history: history.map((e) => ({ ...e, at: '2026-03-02T10:00:00Z' })) },
});

describe('which handoffs survive a user\'s deletion', () => {
  it('keeps one a veileder has taken or acted on', () => {
    assert.equal(veilederHasActed(handoff('accepted', [{ state: 'queued', by: 'system' }, { state: 'accepted', by: 'veileder' }])), true);
    assert.equal(veilederHasActed(handoff('closed', [{ state: 'queued', by: 'system' }, { state: 'accepted', by: 'veileder' }, { state: 'closed', by: 'veileder' }])), true);
    assert.equal(veilederHasActed(handoff('closed', [{ state: 'queued', by: 'system' }, { state: 'closed', by: 'veileder' }])), true, 'handled by phone');
    assert.equal(veilederHasActed(handoff('returned', [{ state: 'queued', by: 'system' }, { state: 'returned', by: 'veileder' }])), true);
  });

  it('deletes one nobody at NAV has touched', () => {
    assert.equal(veilederHasActed(handoff('queued', [{ state: 'offered', by: 'system' }, { state: 'queued', by: 'system' }])), false);
    assert.equal(veilederHasActed(handoff('cancelled', [{ state: 'queued', by: 'system' }, { state: 'cancelled', by: 'user' }])), false);
    assert.equal(veilederHasActed(handoff('expired', [{ state: 'queued', by: 'system' }, { state: 'expired', by: 'system' }])), false);
    assert.equal(veilederHasActed({ kind: 'handoff', id: 'x', state: 'declined', value: {} }), false);
  });
});

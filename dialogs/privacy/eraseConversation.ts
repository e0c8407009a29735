import { CHANNEL_SESSION_KIND, HANDOFF_KIND } from '../../core/retention/index.js';
import { transition, type HandoffLifecycle } from '../../core/handoff/stateMachine.js';
import type { PrivacyDeps, PrivacyRecord } from './ports.js';

export interface ErasureReport {
  /** Accepted handoffs that were closed (and kept: a veileder already has them). */
  closedHandoffs: string[];
  records: number;
  logs: number;
  stateItems: number;
}

function isLifecycle(value: unknown): value is HandoffLifecycle {
  return typeof value === 'object' && value !== null && 'state' in value && Array.isArray((value as { history?: unknown }).history);
}

/**
 * A handoff a veileder has taken or acted on (accepted it, or closed or returned it, say after a
 * phone call) belongs to NAV's follow-up: it is kept, closed. One nobody has touched is deleted.
 */
export function veilederHasActed(record: PrivacyRecord): boolean {
  if (record.state === 'accepted') return true;
  return isLifecycle(record.value) && record.value.history.some((event) => event.state === 'accepted' || event.by === 'veileder');
}

/** The open handoff situation of a conversation, for the confirmation text. */
export async function handoffSituation(deps: PrivacyDeps, conversationId: string): Promise<{ queued: boolean; accepted: boolean }> {
  const handoffs = await deps.records.list(HANDOFF_KIND, { conversationId });
  return {
    queued: handoffs.some((h) => h.state === 'offered' || h.state === 'consented' || h.state === 'queued'),
    accepted: handoffs.some((h) => h.state === 'accepted'),
  };
}

/**
 * Deletes everything kept about one conversation: state, message logs, and any handoff no
 * veileder has taken. An accepted handoff is closed instead and kept with the summary the user
 * approved. The audit keeps that a deletion happened (ids only).
 */
export async function eraseConversation(deps: PrivacyDeps, conversationId: string): Promise<ErasureReport> {
  const now = deps.clock?.() ?? new Date();
  const handoffs = await deps.records.list(HANDOFF_KIND, { conversationId });
  const closedHandoffs: string[] = [];
  for (const handoff of handoffs.filter((h) => h.state === 'accepted')) {
    if (deps.closeHandoff) await deps.closeHandoff(handoff.id);
    else {
      await deps.records.claim(HANDOFF_KIND, handoff.id, {
        from: ['accepted'],
        to: 'closed',
        update: ((value: unknown) => (isLifecycle(value) ? transition(value, 'closed', 'user', now) : value)) as (value: never) => unknown,
      });
    }
    closedHandoffs.push(handoff.id);
  }
  const keep = [...handoffs.filter(veilederHasActed).map((h) => ({ kind: HANDOFF_KIND, id: h.id })), { kind: CHANNEL_SESSION_KIND, id: conversationId }];
  const { records, logs } = await deps.records.deleteConversation(conversationId, { except: keep });
  const stateItems = await deps.storage.deleteConversation(conversationId);
  for (const erase of deps.alsoErase ?? []) await erase(conversationId);
  await deps.records.appendAudit({ actor: 'user', action: 'conversation.delete', conversationId });
  return { closedHandoffs, records, logs, stateItems };
}

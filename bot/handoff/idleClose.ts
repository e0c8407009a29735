import { startPeriodic, type PeriodicJob } from '../../core/periodic.js';
import type { HandoffRecord } from '../../core/handoff/record.js';
import { HandoffTransitionError } from '../../core/handoff/stateMachine.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import type { CitizenDelivery } from './delivery.js';
import type { HandoffQueue } from './handoffQueue.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface IdleCloseOptions {
  queue: HandoffQueue;
  deliver: CitizenDelivery;
  /** An accepted handoff with no message for this many days is closed. */
  idleDays: number;
  intervalMs: number;
  /** The veileder side's language, for the line in the handoff's log. */
  veilederLang?: 'nb' | 'nn';
  clock?: () => Date;
  onError?: (error: unknown) => void;
}

/** runOnce resolves with how many handoffs it closed. */
export type IdleClose = PeriodicJob;

const timeOf = (...times: Array<string | undefined>) => Math.max(0, ...times.filter((t): t is string => !!t).map((t) => Date.parse(t)));

/** True when the handoff has seen no message (either side) and no change since `cutoff`. */
async function idleSince(queue: HandoffQueue, record: HandoffRecord, cutoff: number): Promise<boolean> {
  // Accepted after the cutoff: idle or not, too young; the log is not read.
  if (timeOf(record.acceptedBy?.at, record.history.at(-1)?.at) > cutoff) return false;
  return timeOf((await queue.messages(record)).at(-1)?.at) <= cutoff;
}

/**
 * Retention for the one record nothing else ends: a handoff a veileder accepted and nobody closed.
 * After `idleDays` without a message it is closed by the system, the citizen and the veileder are
 * told, and from then on it expires like any closed handoff (RETENTION_DAYS after that write).
 * Runs at start-up and every `intervalMs`; passes never overlap; the timer does not hold the process.
 */
export function startIdleClose(options: IdleCloseOptions): IdleClose {
  const clock = options.clock ?? (() => new Date());

  async function closeIdle(record: HandoffRecord): Promise<boolean> {
    const days = options.idleDays;
    const closed = await options.queue.change(record.id, 'closed', 'system').catch((error: unknown) => {
      // Someone (a veileder, the citizen) ended it in the meantime.
      if (error instanceof HandoffTransitionError) return undefined;
      throw error;
    });
    if (!closed) return false;
    const forVeileder = handoffTexts(options.veilederLang ?? 'nb')('relay.idleClosedVeileder', { days });
    await options.queue.appendMessage(closed.id, closed.conversationId, 'system', forVeileder);
    await options.deliver(closed.citizenRef, [{ type: 'message', text: handoffTexts(closed.lang)('relay.idleClosed', { days }) }]).catch(options.onError);
    return true;
  }

  async function pass(): Promise<number> {
    const cutoff = clock().getTime() - options.idleDays * DAY_MS;
    let closed = 0;
    for (const record of await options.queue.list(['accepted'])) {
      try {
        if ((await idleSince(options.queue, record, cutoff)) && (await closeIdle(record))) closed += 1;
      } catch (error) {
        options.onError?.(error);
      }
    }
    return closed;
  }

  const job = startPeriodic(pass, options.intervalMs, options.onError, 0);
  void job.runOnce();
  return job;
}

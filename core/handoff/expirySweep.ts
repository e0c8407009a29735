import { startPeriodic, type PeriodicJob } from '../periodic.js';
import { isDue, type HandoffLifecycle } from './stateMachine.js';

export interface ExpirySweepOptions<T extends HandoffLifecycle> {
  /** How often to look for queued handoffs past their time. */
  intervalMs: number;
  now: () => Date;
  /** The handoffs that are waiting (state "queued"). */
  listQueued: () => Promise<T[]>;
  /** Expires one handoff (a compare-and-set in the store) and tells the user; called once per due record. */
  expire: (record: T, now: Date) => Promise<void>;
  /** A failing sweep must not stop the next one; the caller logs it (without personal data). */
  onError?: (error: unknown) => void;
}

/** runOnce resolves with the number of handoffs expired. */
export type ExpirySweep = PeriodicJob;

/**
 * A periodic check that expires queued handoffs nobody accepted in time. Sweeps never overlap,
 * and the timer is unref'd so it never keeps the process alive on its own.
 */
export function startExpirySweep<T extends HandoffLifecycle>(options: ExpirySweepOptions<T>): ExpirySweep {
  async function sweep(): Promise<number> {
    const now = options.now();
    let expired = 0;
    for (const record of await options.listQueued()) {
      if (!isDue(record, now)) continue;
      try {
        await options.expire(record, now);
        expired += 1;
      } catch (error) {
        options.onError?.(error);
      }
    }
    return expired;
  }

  return startPeriodic(sweep, options.intervalMs, options.onError, 0);
}

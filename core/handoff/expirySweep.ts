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

export interface ExpirySweep {
  /** Runs one sweep now; resolves with the number of handoffs expired. */
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * A periodic check that expires queued handoffs nobody accepted in time. Sweeps never overlap,
 * and the timer is unref'd so it never keeps the process alive on its own.
 */
export function startExpirySweep<T extends HandoffLifecycle>(options: ExpirySweepOptions<T>): ExpirySweep {
  let running: Promise<number> | undefined;

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

  function runOnce(): Promise<number> {
    running ??= sweep()
      .catch((error: unknown) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref?.();
  return {
    runOnce,
    stop: () => clearInterval(timer),
  };
}

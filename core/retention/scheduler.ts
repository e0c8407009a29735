import { startPeriodic } from '../periodic.js';

/**
 * Runs the retention sweep at start-up and then every `intervalMs`, on a timer that does not keep
 * the process alive. One sweep at a time: a slow sweep is not started again on top of itself.
 */
export interface SweepSchedule<R> {
  sweep: (now: Date) => Promise<R>;
  /** Default one hour. */
  intervalMs?: number;
  clock?: () => Date;
  onResult?: (result: R) => void;
  /** A failed sweep is reported and retried at the next interval; it never stops the bot. */
  onError?: (error: unknown) => void;
}

export interface SweepHandle<R> {
  /** Sweeps now (or waits for the sweep already running). */
  runNow(): Promise<R | undefined>;
  stop(): void;
}

export const DEFAULT_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export function startRetentionSweep<R>(schedule: SweepSchedule<R>): SweepHandle<R> {
  const clock = schedule.clock ?? (() => new Date());
  const sweep = async (): Promise<R | undefined> => {
    const result = await schedule.sweep(clock());
    schedule.onResult?.(result);
    return result;
  };
  const job = startPeriodic(sweep, schedule.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS, schedule.onError, undefined);
  void job.runOnce();
  return { runNow: job.runOnce, stop: job.stop };
}

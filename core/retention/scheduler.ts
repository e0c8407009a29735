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
  const interval = schedule.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  let running: Promise<R | undefined> | undefined;
  let stopped = false;

  const runNow = (): Promise<R | undefined> => {
    running ??= schedule
      .sweep(clock())
      .then(
        (result) => {
          schedule.onResult?.(result);
          return result;
        },
        (error: unknown) => {
          schedule.onError?.(error);
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped) void runNow();
  }, interval);
  timer.unref?.();
  void runNow();

  return {
    runNow,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

export interface PeriodicJob {
  /** Runs one pass now (or joins the one running); resolves with what it counted, 0 after a failure. */
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * Runs `pass` every `intervalMs`. Passes never overlap; a failing pass is reported and the next one
 * runs as usual; the timer is unref'd so it never keeps the process alive on its own.
 */
export function startPeriodic(pass: () => Promise<number>, intervalMs: number, onError?: (error: unknown) => void): PeriodicJob {
  let running: Promise<number> | undefined;
  function runOnce(): Promise<number> {
    running ??= pass()
      .catch((error: unknown) => {
        onError?.(error);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref?.();
  return { runOnce, stop: () => clearInterval(timer) };
}

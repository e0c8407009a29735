export interface PeriodicJob<R = number> {
  /** Runs one pass now (or joins the one running); resolves with its result, `failed` after a failure. */
  runOnce(): Promise<R>;
  stop(): void;
}

/**
 * Runs `pass` every `intervalMs`. Passes never overlap; a failing pass is reported and the next one
 * runs as usual; the timer is unref'd so it never keeps the process alive on its own.
 */
export function startPeriodic<R = number>(pass: () => Promise<R>, intervalMs: number, onError: ((error: unknown) => void) | undefined, failed: R): PeriodicJob<R> {
  let running: Promise<R> | undefined;
  function runOnce(): Promise<R> {
    running ??= pass()
      .catch((error: unknown) => {
        onError?.(error);
        return failed;
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

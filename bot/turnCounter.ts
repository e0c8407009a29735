/**
 * Counts turns in flight so a shutdown (SIGTERM) can wait for them before closing storage; used by
 * the local Direct Line and by /api/messages.
 */
export class TurnCounter {
  private active = 0;
  private idle: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const wake of this.idle.splice(0)) wake();
    }
  }

  get count(): number {
    return this.active;
  }

  /** Resolves when no turn is running; with a timeout, at the latest after it. */
  drain(timeoutMs?: number): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, timeoutMs);
      timer?.unref();
      this.idle.push(() => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }
}

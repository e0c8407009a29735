/** Counts turns in flight so a shutdown can wait for them to finish. */
export class TurnTracker {
  private active = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  /** Resolves when no turn is running, or after timeoutMs, whichever comes first. */
  drain(timeoutMs: number): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

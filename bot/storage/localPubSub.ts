import type { Unsubscribe } from './recordStore.js';

type Listener = (message: unknown) => void;

/**
 * Channels within one process. Messages are copied through JSON and delivered on a later tick,
 * just as they would arrive from PostgreSQL, so code tested on lowdb behaves the same on PG.
 */
export class LocalPubSub {
  readonly #channels = new Map<string, Set<Listener>>();
  #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => undefined) {
    this.#onError = onError;
  }

  /** Delivers to this process's listeners (the PG store calls it for each NOTIFY it receives). */
  deliver(channel: string, message: unknown): void {
    const listeners = this.#channels.get(channel);
    if (!listeners?.size) return;
    for (const listener of [...listeners]) {
      try {
        listener(structuredClone(message));
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  /** Delivers to every listener of every channel (the PG store's "you may have missed something"). */
  deliverToAll(message: unknown): void {
    for (const channel of [...this.#channels.keys()]) this.deliver(channel, message);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    // Nobody here listens (no page open on this conversation): nothing to copy. One who subscribes
    // later reads the log from its watermark, as after a NOTIFY it missed.
    if (!this.#channels.get(channel)?.size) return;
    const copy: unknown = JSON.parse(JSON.stringify(message ?? null));
    setImmediate(() => this.deliver(channel, copy));
  }

  subscribe(channel: string, listener: Listener): Unsubscribe {
    let listeners = this.#channels.get(channel);
    if (!listeners) this.#channels.set(channel, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (!listeners.size) this.#channels.delete(channel);
    };
  }

  clear(): void {
    this.#channels.clear();
  }
}

/** How instances tell each other that a veileder was seen (the record store's publish/subscribe). */
export interface PresenceChannel {
  publish(message: unknown): Promise<void>;
  subscribe(listener: (message: unknown) => void): unknown;
}

/** A veileder seen again within this time is not announced again to other instances. */
const ANNOUNCE_EVERY_MS = 15_000;

/**
 * Who has been active on the veileder side lately: the page polls every few seconds, so a
 * veileder counts as online until a minute passes without a request. With a channel, a veileder
 * seen by one instance counts on every instance, so a citizen on instance 1 is queued for a
 * veileder signed in on instance 2.
 */
export class VeilederPresence {
  readonly #seen = new Map<string, number>();
  readonly #announced = new Map<string, number>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly clock: () => Date = () => new Date(),
    private readonly channel?: PresenceChannel,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    channel?.subscribe((message) => {
      const { id, at } = (message ?? {}) as { id?: unknown; at?: unknown };
      if (typeof id === 'string' && typeof at === 'number' && at > (this.#seen.get(id) ?? 0)) this.#seen.set(id, at);
    });
  }

  touch(id: string): void {
    const at = this.clock().getTime();
    this.#seen.set(id, at);
    if (!this.channel || at - (this.#announced.get(id) ?? 0) < ANNOUNCE_EVERY_MS) return;
    this.#announced.set(id, at);
    this.channel.publish({ id, at }).catch(this.onError);
  }

  online(): number {
    const since = this.clock().getTime() - this.windowMs;
    for (const [id, at] of this.#seen) if (at < since) this.#seen.delete(id);
    return this.#seen.size;
  }
}

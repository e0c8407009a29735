/**
 * Who has been active on the veileder side lately: the page polls every few seconds, so a
 * veileder counts as online until a minute passes without a request.
 */
export class VeilederPresence {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  touch(id: string): void {
    this.#seen.set(id, this.clock().getTime());
  }

  online(): number {
    const since = this.clock().getTime() - this.windowMs;
    for (const [id, at] of this.#seen) if (at < since) this.#seen.delete(id);
    return this.#seen.size;
  }
}

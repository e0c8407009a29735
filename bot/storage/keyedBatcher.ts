interface Waiting<In, Out> {
  item: In;
  resolve: (result: Out) => void;
  reject: (error: unknown) => void;
}

interface Lane<In, Out> {
  waiting: Array<Waiting<In, Out>>;
  busy: boolean;
  scheduled: boolean;
}

/**
 * Hands `write` the items added under one key in batches, one batch per key at a time: items
 * added while a batch is being written wait and go together in the next. A batch is sent when
 * the event loop is idle (setImmediate), so items added a few microtasks apart share it. Batches
 * of one key are written in the order their items were added; different keys run side by side.
 * Each `add` resolves with its own item's result; if `write` fails, every item of that batch is
 * rejected with its error, and the next batch goes on.
 *
 * Used for log appends on PostgreSQL: a reply's Direct Line entry and its transcript line go as
 * one statement (one round trip, one commit), in order after the user's line.
 */
export class KeyedBatcher<Key, In, Out> {
  readonly #lanes = new Map<Key, Lane<In, Out>>();

  /**
   * @param write Writes one batch; returns one result per item, in the order given.
   * @param maxBatch At most this many items per batch; the rest go in the next.
   */
  constructor(
    private readonly write: (key: Key, items: In[]) => Promise<Out[]>,
    private readonly maxBatch = 100,
  ) {}

  add(key: Key, item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      let lane = this.#lanes.get(key);
      if (!lane) this.#lanes.set(key, (lane = { waiting: [], busy: false, scheduled: false }));
      lane.waiting.push({ item, resolve, reject });
      this.#schedule(key, lane);
    });
  }

  #schedule(key: Key, lane: Lane<In, Out>): void {
    if (lane.busy || lane.scheduled || !lane.waiting.length) return;
    lane.scheduled = true;
    setImmediate(() => {
      lane.scheduled = false;
      void this.#flush(key, lane);
    });
  }

  async #flush(key: Key, lane: Lane<In, Out>): Promise<void> {
    const batch = lane.waiting.splice(0, this.maxBatch);
    lane.busy = true;
    try {
      // Inside the try: a write that throws before returning a promise rejects the batch too.
      const results = await this.write(
        key,
        batch.map((w) => w.item),
      );
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} got ${results.length} results`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      lane.busy = false;
      if (lane.waiting.length) this.#schedule(key, lane);
      else if (this.#lanes.get(key) === lane) this.#lanes.delete(key);
    }
  }
}

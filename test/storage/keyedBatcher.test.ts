import assert from 'node:assert/strict';
import { KeyedBatcher } from '../../bot/storage/keyedBatcher.js';

/** A batcher whose write records each batch and answers item × 10. */
function recording(maxBatch?: number) {
  const batches: Array<{ key: string; items: number[] }> = [];
  const batcher = new KeyedBatcher<string, number, number>(async (key, items) => {
    batches.push({ key, items: [...items] });
    return items.map((n) => n * 10);
  }, maxBatch);
  return { batches, batcher };
}

describe('KeyedBatcher', () => {
  it('writes what is added to one key in the same turn as one batch, and gives each its own result', async () => {
    const { batches, batcher } = recording();
    const results = await Promise.all([batcher.add('c1', 1), batcher.add('c1', 2), batcher.add('c2', 3), batcher.add('c1', 4)]);
    assert.deepEqual(results, [10, 20, 30, 40]);
    assert.deepEqual(batches, [
      { key: 'c1', items: [1, 2, 4] },
      { key: 'c2', items: [3] },
    ]);
  });

  it('gathers items added a few microtasks apart (an await in between), and starts a new batch after', async () => {
    const { batches, batcher } = recording();
    const first = batcher.add('c1', 1);
    await Promise.resolve();
    await Promise.resolve();
    const second = batcher.add('c1', 2);
    assert.deepEqual(await Promise.all([first, second]), [10, 20]);
    assert.equal(await batcher.add('c1', 3), 30);
    assert.deepEqual(batches.map((b) => b.items), [[1, 2], [3]]);
  });

  it('holds what is added while a batch of that key is being written, sends it together after, and lets other keys pass', async () => {
    const events: string[] = [];
    let finishFirst!: () => void;
    const batcher = new KeyedBatcher<string, string, string>(async (key, items) => {
      events.push(`${key}: ${items.join(' ')}`);
      if (items[0] === 'user') await new Promise<void>((resolve) => (finishFirst = resolve));
      return items.map((i) => `${i} ok`);
    });
    const user = batcher.add('c1', 'user');
    await new Promise((resolve) => setImmediate(resolve));
    const replies = [batcher.add('c1', 'reply'), batcher.add('c1', 'reply-transcript'), batcher.add('c2', 'other')];
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ['c1: user', 'c2: other'], 'c1 waits for its batch in flight, c2 does not');
    finishFirst();
    assert.deepEqual(await Promise.all([user, ...replies]), ['user ok', 'reply ok', 'reply-transcript ok', 'other ok']);
    assert.deepEqual(events, ['c1: user', 'c2: other', 'c1: reply reply-transcript']);
  });

  it('gathers what the callers of a finished batch add at once into the next', async () => {
    const { batches, batcher } = recording();
    await Promise.all([batcher.add('c1', 1).then(() => batcher.add('c1', 2)), batcher.add('c1', 3).then(() => batcher.add('c1', 4))]);
    assert.deepEqual(batches.map((b) => b.items), [[1, 3], [2, 4]]);
  });

  it('sends a full batch as it is and puts later items in the next', async () => {
    const { batches, batcher } = recording(2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add('c1', n)));
    assert.deepEqual(batches.map((b) => b.items), [[1, 2], [3, 4], [5]]);
  });

  it('rejects every item of a failed batch with its error, and goes on with the next', async () => {
    let fail = true;
    const batcher = new KeyedBatcher<string, number, number>(async (_key, items) => {
      if (fail) throw new Error('database gone');
      return items;
    });
    const outcomes = await Promise.allSettled([batcher.add('c1', 1), batcher.add('c1', 2)]);
    assert.deepEqual(outcomes.map((o) => o.status === 'rejected' && (o.reason as Error).message), ['database gone', 'database gone']);
    fail = false;
    assert.equal(await batcher.add('c1', 3), 3);
  });

  it('rejects the batch when a write throws at once or answers with the wrong number of results', async () => {
    const throwing = new KeyedBatcher<string, number, number>(() => {
      throw new Error('bad statement');
    });
    await assert.rejects(throwing.add('c1', 1), /bad statement/);
    const short = new KeyedBatcher<string, number, number>(async () => [1]);
    const outcomes = await Promise.allSettled([short.add('c1', 1), short.add('c1', 2)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['rejected', 'rejected']);
  });
});

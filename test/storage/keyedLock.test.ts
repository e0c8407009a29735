import assert from 'node:assert/strict';
import { KeyedLock } from '../../bot/storage/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedLock', () => {
  it('runs work on one key one at a time, in arrival order, and other keys alongside', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const job = (key: string, name: string, ms: number) =>
      lock.run(key, async () => {
        events.push(`${name} start`);
        await pause(ms);
        events.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([job('a', 'a1', 30), job('a', 'a2', 1), job('b', 'b1', 5)]);
    assert.deepEqual(results, ['a1', 'a2', 'b1']);
    assert.ok(events.indexOf('a1 end') < events.indexOf('a2 start'), 'a2 waited for a1');
    assert.ok(events.indexOf('b1 end') < events.indexOf('a1 end'), 'b ran alongside a');
    await pause(0);
    assert.equal(lock.size, 0, 'nothing left behind');
  });

  it('goes on with the next piece of work after one fails', async () => {
    const lock = new KeyedLock();
    const failed = lock.run('k', async () => {
      throw new Error('boom');
    });
    const next = lock.run('k', async () => 'ok');
    await assert.rejects(failed, /boom/);
    assert.equal(await next, 'ok');
  });
});

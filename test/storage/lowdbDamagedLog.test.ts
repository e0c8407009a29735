import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '../../bot/storage/index.js';

/** Issue 20: one bad byte in a log's first line made the next message overwrite the whole log. */
describe('a lowdb log with a damaged line', function () {
  this.timeout(20_000);
  let dir: string;
  const errors: unknown[] = [];
  const open = () => createStores({ dataDir: dir, retentionDays: 30, onError: (e) => errors.push(e) });
  const logFile = async () => {
    const logs = join(dir, 'records', 'logs');
    const [folder] = await readdir(logs);
    return join(logs, folder!, 'directline.jsonl');
  };
  const damageLine = async (index: number) => {
    const path = await logFile();
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[index] = `\u0000${lines[index]!.slice(1)}`;
    await writeFile(path, lines.join('\n'));
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veiviser-damaged-log-'));
    errors.length = 0;
    const stores = await open();
    for (const n of [1, 2, 3]) await stores.records.appendLog('c1', 'directline', { n });
    await stores.close();
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('keeps every entry when the header is damaged, numbers on, and writes the header again', async () => {
    await damageLine(1);
    const stores = await open();
    try {
      assert.deepEqual((await stores.records.readLog<{ n: number }>('c1', 'directline')).map((e) => [e.seq, e.data.n]), [[1, 1], [2, 2], [3, 3]]);
      assert.equal(await stores.records.appendLog('c1', 'directline', { n: 4 }), 4);
      assert.equal((await stores.records.readLog('c1', 'directline')).length, 4);
      assert.match(await readFile(await logFile(), 'utf8'), /^\n\{"h":/, 'the header is back');
      assert.ok(errors.some((e) => /rebuilt from its entries/.test(String(e))), 'and it was reported');
    } finally {
      await stores.close();
    }
  });

  it('loses only the damaged entry, not the ones around it', async () => {
    await damageLine(3);
    const stores = await open();
    try {
      assert.deepEqual((await stores.records.readLog<{ n: number }>('c1', 'directline')).map((e) => e.data.n), [1, 3]);
      await stores.records.appendLog('c1', 'directline', { n: 4 });
      assert.deepEqual((await stores.records.readLog<{ n: number }>('c1', 'directline')).map((e) => e.data.n), [1, 3, 4]);
    } finally {
      await stores.close();
    }
  });
});

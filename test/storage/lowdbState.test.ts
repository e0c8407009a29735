import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbStorage } from '../../bot/storage/lowdbStorage.js';

async function stateFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => join(e.parentPath, e.name));
}

describe('lowdb state files (a version appended per write)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veiviser-state-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const key = 'directline/conversations/c1/';

  it('stays small however often a conversation is saved, and a new process reads the newest version', async () => {
    const storage = new LowdbStorage({ dir, retentionDays: 30 });
    for (let n = 0; n < 100; n++) {
      const { [key]: current } = await storage.read([key]);
      await storage.write({ [key]: { ...current, n } });
    }
    await storage.close();
    const [file] = await stateFiles(dir);
    const lines = (await readFile(file!, 'utf8')).split('\n').filter(Boolean);
    assert.equal(lines.length, 1, 'only the newest version is kept');
    const again = new LowdbStorage({ dir, retentionDays: 30 });
    assert.equal(((await again.read([key]))[key] as { n: number }).n, 99);
  });

  it('reads a file an earlier version appended to, with its newest line torn by a crash, and goes on from it', async () => {
    const storage = new LowdbStorage({ dir, retentionDays: 30 });
    await storage.write({ [key]: { n: 1 } });
    await storage.write({ [key]: { n: 2, eTag: '*' } });
    await storage.close();
    const [file] = await stateFiles(dir);
    await appendFile(file!, `\n{"key":"${key}","conversationId":"c1","item":{"n":3`);
    const again = new LowdbStorage({ dir, retentionDays: 30 });
    const { [key]: item } = await again.read([key]);
    assert.equal((item as { n: number }).n, 2);
    await again.write({ [key]: { ...item, n: 4 } });
    await again.write({ [key]: { ...(await again.read([key]))[key], n: 5 } });
    await again.close();
    assert.equal(((await new LowdbStorage({ dir, retentionDays: 30 }).read([key]))[key] as { n: number }).n, 5);
  });

  it('deletes a key and a whole conversation, and can start them again', async () => {
    const storage = new LowdbStorage({ dir, retentionDays: 30 });
    const other = 'directline/conversations/c2/';
    for (let n = 0; n < 3; n++) await storage.write({ [key]: { n, eTag: '*' }, [other]: { n, eTag: '*' } });
    await storage.delete([key]);
    assert.deepEqual(await storage.read([key]), {});
    assert.equal(await storage.deleteConversation('c2'), 1);
    assert.deepEqual(await storage.read([other]), {});
    assert.deepEqual(await stateFiles(dir), []);
    await storage.write({ [other]: { n: 7, eTag: '*' } });
    await storage.write({ [other]: { n: 8, eTag: '*' } });
    await storage.close();
    assert.equal(((await new LowdbStorage({ dir, retentionDays: 30 }).read([other]))[other] as { n: number }).n, 8);
  });
});

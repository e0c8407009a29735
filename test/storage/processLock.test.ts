import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStores, DataDirInUseError } from '../../bot/storage/index.js';
import { lockDataDir } from '../../bot/storage/processLock.js';

const WRITER = fileURLToPath(new URL('./fixtures/crashWriter.ts', import.meta.url));

describe('one process per lowdb DATA_DIR', function () {
  this.timeout(30000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veiviser-lock-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('refuses a second process with a clear reason, and takes over after the first was killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await assert.rejects(createStores({ dataDir: dir, retentionDays: 30 }), (error: unknown) => {
      assert.ok(error instanceof DataDirInUseError);
      assert.match(error.message, new RegExp(`process ${child.pid}.*DATABASE_URL`));
      return true;
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const stores = await createStores({ dataDir: dir, retentionDays: 30 });
    await stores.close();
    const again = await createStores({ dataDir: dir, retentionDays: 30 });
    await again.close();
  });

  describe('in containers, where every instance may be pid 1', () => {
    let shared: string;
    beforeEach(async () => {
      shared = await mkdtemp(join(tmpdir(), 'veiviser-lock-'));
    });
    afterEach(async () => rm(shared, { recursive: true, force: true }));
    const otherContainer = (beatAgoMs: number) =>
      writeFile(join(shared, '.owner'), JSON.stringify({ instance: 'another-container', pid: process.pid, host: 'another-host', beat: new Date(Date.now() - beatAgoMs).toISOString() }));

    it('refuses a DATA_DIR another container holds, though its pid is the same as ours', async () => {
      await otherContainer(1_000);
      await assert.rejects(createStores({ dataDir: shared, retentionDays: 30 }), (error: unknown) => {
        assert.ok(error instanceof DataDirInUseError);
        assert.match(error.message, /on another-host.*DATABASE_URL/);
        return true;
      });
    });

    it('takes over a mark whose heartbeat stopped', async () => {
      await otherContainer(60_000);
      const stores = await createStores({ dataDir: shared, retentionDays: 30 });
      const owner = JSON.parse(await readFile(join(shared, '.owner'), 'utf8')) as { pid: number; host: string };
      assert.deepEqual([owner.pid, owner.host], [process.pid, hostname()]);
      await stores.close();
    });

    it('renews its heartbeat while it runs, and lets go when closed', async () => {
      const unlock = await lockDataDir(shared, { heartbeatMs: 20 });
      const beat = async () => (JSON.parse(await readFile(join(shared, '.owner'), 'utf8')) as { beat: string }).beat;
      const first = await beat();
      let later = first;
      // A loaded machine may run the timer late: wait for the beat, up to 5 s.
      for (const until = Date.now() + 5_000; later === first && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 50));
        later = await beat().catch(() => first);
      }
      assert.ok(later > first, `${later} after ${first}`);
      await unlock();
      await assert.rejects(readFile(join(shared, '.owner'), 'utf8'), /ENOENT/);
    });
  });
});

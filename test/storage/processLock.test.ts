import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStores, DataDirInUseError } from '../../bot/storage/index.js';

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
});

import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chmodSync } from 'node:fs';
import { startRealServer } from '../helpers/realServer.js';
import { Citizen, http, type HandoffServer } from '../handoff/harness.js';

async function modes(root: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [[`.`, ((await stat(root)).mode & 0o777).toString(8)]];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push([relative(root, path), ((await stat(path)).mode & 0o777).toString(8)]);
  }
  return out;
}

describe('files under DATA_DIR are for the service account only', function () {
  this.timeout(20_000);
  if (process.platform === 'win32') return;

  it('creates every file 0600 and every folder 0700, with a permissive umask and a DATA_DIR made 0755', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'veiviser-modes-'));
    chmodSync(dataDir, 0o755);
    const umask = process.umask(0);
    try {
      const server = await startRealServer({ DATA_DIR: dataDir });
      try {
        const auth = { token: server.veilederToken };
        await http(`${server.url}/api/handoffs?state=queued`, auth);
        const citizen = await Citizen.start({ running: server } as unknown as HandoffServer, 'nb-NO');
        await citizen.say('snakk med et menneske');
        await citizen.say('Jeg trenger hjelp med husleia');
        await citizen.say('ja');
      } finally {
        await server.close();
      }
      const all = await modes(dataDir);
      assert.ok(all.length > 5, `the server wrote something: ${JSON.stringify(all)}`);
      const dirs = new Set<string>();
      for (const entry of await readdir(dataDir, { withFileTypes: true, recursive: true })) if (entry.isDirectory()) dirs.add(relative(dataDir, join(entry.parentPath, entry.name)));
      const wrong = all.filter(([path, mode]) => mode !== (path === '.' || dirs.has(path) ? '700' : '600'));
      assert.deepEqual(wrong, [], 'files 0600, folders 0700');
    } finally {
      process.umask(umask);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

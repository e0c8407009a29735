import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStores } from '../../bot/storage/index.js';

const WRITER = fileURLToPath(new URL('./fixtures/crashWriter.ts', import.meta.url));

interface Acks {
  state: Map<number, number>;
  records: Map<number, number>;
  log: Map<number, number>;
  audit: Set<number>;
  count: number;
}

/** Runs the writer until it has acknowledged `minAcks` writes plus a random moment, then kill -9. */
function runAndKill(dataDir: string, startAt: number, minAcks: number): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Acks = { state: new Map(), records: new Map(), log: new Map(), audit: new Set(), count: 0 };
    let buffer = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [type, k, n] = line.split(' ');
        if (type === 'A') {
          acks.audit.add(Number(n));
          acks.count++;
          continue;
        }
        const map = type === 'S' ? acks.state : type === 'R' ? acks.records : type === 'T' ? acks.log : undefined;
        if (!map) continue;
        map.set(Number(k), Math.max(map.get(Number(k)) ?? -1, Number(n)));
        acks.count++;
      }
      if (!killing && acks.count >= minAcks) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (code ${code}): ${stderr.slice(0, 500)}`));
      else resolve(acks);
    });
  });
}

async function allJsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.')) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

describe('crash safety of the lowdb stores (kill -9 mid-write)', function () {
  this.timeout(60000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veiviser-crash-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('leaves only files that load, and every acknowledged write is there, over five kills', async () => {
    let startAt = 0;
    let totalAcks = 0;
    let tempFilesSeen = 0;
    for (let round = 0; round < 5; round++) {
      const acks = await runAndKill(dir, startAt, 300 + round * 100);
      totalAcks += acks.count;
      startAt += 1_000_000;

      const files = await allJsonFiles(dir);
      // A left-over temp file means the kill landed between write and rename: the case under test.
      tempFilesSeen += (await readdir(dir, { recursive: true })).filter((p) => String(p).endsWith('.tmp')).length;
      assert.ok(files.length >= 16, `files were written (${files.length})`);
      let tornStateLines = 0;
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        if (!file.includes(`${sep}state${sep}`)) {
          JSON.parse(text);
          continue;
        }
        // A state file holds its versions as lines: all but the last are whole, and a version loads.
        const lines = text.split('\n').filter(Boolean);
        for (const line of lines.slice(0, -1)) JSON.parse(line);
        try {
          JSON.parse(lines.at(-1)!);
        } catch {
          tornStateLines++;
          assert.ok(lines.length > 1, `${file} has a version that loads`);
        }
      }
      assert.ok(tornStateLines <= 4, `at most the four writes in flight at the kill are torn (${tornStateLines})`);

      const stores = await createStores({ dataDir: dir, retentionDays: 30 });
      try {
        for (const [k, n] of acks.state) {
          const key = `crash/conversations/c${k}/`;
          const item = (await stores.storage.read([key]))[key] as { n: number } | undefined;
          assert.ok(item && item.n >= n, `state c${k}: acknowledged ${n}, found ${item?.n}`);
        }
        for (const [k, n] of acks.records) {
          const record = await stores.records.get<{ n: number }>('callback', `r${k}`);
          assert.ok(record && record.value.n >= n, `record r${k}: acknowledged ${n}, found ${record?.value.n}`);
        }
        for (const [c, seq] of acks.log) {
          const entries = await stores.records.readLog(`c${c}`, 'directline');
          assert.ok(entries.length >= seq, `log c${c}: acknowledged seq ${seq}, found ${entries.length}`);
          assert.deepEqual(entries.map((e) => e.seq), entries.map((_, i) => i + 1), 'no gaps or repeats');
        }
        const audited = new Set((await stores.records.readAudit()).map((e) => Number(e.action.split('.')[1])));
        for (const n of acks.audit) assert.ok(audited.has(n), `audit entry ${n} was acknowledged and is there`);
      } finally {
        await stores.close();
      }
    }
    console.log(`      (${totalAcks} acknowledged writes over 5 kills; ${tempFilesSeen} half-written temp files found and ignored)`);
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../bot/logger.js';
import { UnreadableConfigError } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { startRealServer } from '../helpers/realServer.js';
import { Citizen, http, type HandoffServer } from '../handoff/harness.js';

const MAIN = fileURLToPath(new URL('../../bot/main.ts', import.meta.url));
/** What a damaged file still holds: a person's words, which must not reach the log. */
const WORDS = 'Jeg trenger hjelp med husleia';

function capture() {
  const raw: string[] = [];
  return { log: createLogger({ level: 'debug', destination: { write: (chunk: string) => void raw.push(chunk) } }), raw };
}

describe('a damaged file in DATA_DIR (lowdb)', function () {
  this.timeout(30_000);
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'veiviser-damaged-'));
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('a handoff that cannot be read is moved aside and logged without its content; the rest is served', async () => {
    const first = await startRealServer({ DATA_DIR: dataDir });
    const auth = { token: first.veilederToken, headers: { 'X-Veileder-Ident': 'Z990001' } };
    await http(`${first.url}/api/handoffs?state=queued`, auth);
    for (const request of [WORDS, 'Jeg lurer på AAP etter sykepenger']) {
      const citizen = await Citizen.start({ running: first } as unknown as HandoffServer, 'nb-NO');
      await citizen.say(t('nb', 'menu.human'));
      await citizen.say(request);
      await citizen.say('ja');
    }
    assert.equal(((await http(`${first.url}/api/handoffs?state=queued`, auth)).body.handoffs as unknown[]).length, 2);
    await first.close();

    const dir = join(dataDir, 'records', 'kinds', 'handoff');
    let damaged = '';
    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), 'utf8');
      if (text.includes(WORDS)) {
        damaged = name;
        await writeFile(join(dir, name), text.slice(0, text.indexOf(WORDS) + WORDS.length));
      }
    }
    assert.ok(damaged, 'the handoff holding the words was found');

    const { log, raw } = capture();
    const second = await startRealServer({ DATA_DIR: dataDir }, {}, { log });
    try {
      const queued = (await http(`${second.url}/api/handoffs?state=queued`, auth)).body.handoffs as unknown[];
      assert.equal(queued.length, 1, 'the other handoff is still in the queue');
      assert.deepEqual(await readdir(join(dataDir, 'records', 'damaged')), [`handoff-${damaged}`], 'moved aside, not deleted');
      const logged = raw.join('');
      assert.match(logged, /damaged handoff record was moved/);
      assert.ok(!logged.includes(WORDS), 'the log does not quote the file');
    } finally {
      await second.close();
    }
  });

  it('an unreadable signing secret stops the start with a one-line reason, and is not replaced', async () => {
    const first = await startRealServer({ DATA_DIR: dataDir });
    await first.close();
    const dir = join(dataDir, 'records', 'kinds', 'config');
    const [name] = await readdir(dir);
    const path = join(dir, name!);
    await writeFile(path, '{"kind":"config","value":{"sec');
    await assert.rejects(startRealServer({ DATA_DIR: dataDir }), UnreadableConfigError);
    const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 1, 'the process stops');
    assert.match(run.stderr, /^veiviser: .*signing secret.* cannot be read .*Restore it from a backup/);
    assert.equal(run.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
    assert.equal(await readFile(path, 'utf8'), '{"kind":"config","value":{"sec', 'the file is left as it was');
  });
});

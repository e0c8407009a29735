import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runCli(input: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/nlu-cli.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('nlu command line (scripts/nlu-cli.ts)', function () {
  this.timeout(30000);

  it('prints one JSON line per message, skips empty lines and exits 0', async () => {
    const { code, stdout } = await runCli('kan jeg få aap\n\n   \nkva er kvp\nI want to talk to a human\n');
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 3);
    assert.deepEqual(Object.keys(lines[0] ?? {}), ['text', 'intent', 'score', 'language', 'safety']);
    assert.deepEqual(lines.map((l) => [l.text, l.intent, l.language]), [
      ['kan jeg få aap', 'rights.aap', 'nb'],
      ['kva er kvp', 'rights.kvp', 'nn'],
      ['I want to talk to a human', 'handoff.request', 'en'],
    ]);
    for (const l of lines) assert.ok(typeof l.score === 'number' && l.score > 0 && l.score <= 1);
  });

  it('reports the crisis check as the bot runs it, and acts on a crisis intent', async () => {
    const { code, stdout } = await runCli('jeg vil ta livet mitt\nmannen min slår meg\njeg orker ikke mer\nhar ikke penger til mat i dag\nkan jeg få aap\n');
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { intent: string; safety: string | null });
    assert.deepEqual(lines.map((l) => l.safety), ['crisis.self_harm', 'crisis.violence', 'check_in', 'emergency_aid', null]);
    assert.equal(lines[0]?.intent, 'crisis.self_harm');
    assert.equal(lines[1]?.intent, 'crisis.violence');
    assert.equal(lines[4]?.intent, 'rights.aap');
  });

  it('uses the language given with --lang', async () => {
    const { code, stdout } = await runCli('kan jeg få aap\n', ['--lang', 'en']);
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout.trim()) as { language: string }).language, 'en');
  });

  it('refuses an unknown --lang with a clear message', async () => {
    const { code, stderr } = await runCli('hei\n', ['--lang', 'de']);
    assert.notEqual(code, 0);
    assert.match(stderr, /nb, nn or en/);
  });
});

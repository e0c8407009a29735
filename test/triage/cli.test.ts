import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/triage-cli.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const homeless = { answers: { age: 24, situation: 'ALDRI_HATT_JOBB', healthHinder: 'NEI', otherHinder: 'NEI', housing: 'UTEN_BOLIG', money: 'NEI' } };

describe('triage command line', () => {
  it('prints the assessment for one file, exit 0', () => {
    const r = run([file('one.json', JSON.stringify(homeless))]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['level', 'profilering', 'needsWorkAbilityAssessment', 'userDisagrees', 'threatenedArenas', 'flags', 'relevantRights', 'priority', 'reasons']);
    assert.equal(out.priority, 'URGENT');
    assert.deepEqual(out.flags.slice(0, 2), ['URGENT_MONEY', 'URGENT_HOUSING']);
    assert.ok(out.relevantRights.includes('MIDLERTIDIG_BOTILBUD'));
  });

  it('prints an array for an array, in the same order', () => {
    const r = run([file('many.json', JSON.stringify([homeless, { answers: {} }, { answers: { healthHinder: 'JA', healthDuration: 'VARIG', workCapacity: 'LITT_ELLER_INGENTING' } }]))]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 3);
    assert.deepEqual(out.map((a: { level: string }) => a.level), ['SPESIELT_TILPASSET_INNSATS', 'SITUASJONSBESTEMT_INNSATS', 'VARIG_TILPASSET_INNSATS']);
  });

  it('reads stdin with "-"', () => {
    const r = run(['-'], JSON.stringify({ answers: { age: 17 } }));
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).flags.includes('UNDER_18'));
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown question id', JSON.stringify({ answers: { shoeSize: 44 } }), /^answers\.shoeSize: unknown question id\n$/],
    ['an unknown code', JSON.stringify({ answers: { housing: 'SLOTT' } }), /^answers\.housing: unknown code "SLOTT"\n$/],
    ['a wrong type', JSON.stringify({ answers: { age: 'thirty' } }), /^answers\.age: expected a whole number/],
    ['a bad item in an array', JSON.stringify([homeless, { answers: { debt: 'kanskje' } }]), /^\[1\]\.answers\.debt: unknown code "kanskje"\n$/],
    ['no answers object', JSON.stringify({ svar: {} }), /^answers: missing\n$/],
    ['text that is not JSON', '{"answers": {age: 3', /^input: not valid JSON/],
  ];
  for (const [what, input, message] of bad) {
    it(`exits 2 with one line naming the field for ${what}, nothing on stdout`, () => {
      const r = run(['-'], input);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    });
  }

  it('exits 2 for a file that does not exist', () => {
    const r = run([join(dir, 'missing.json')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /cannot read/);
  });
});

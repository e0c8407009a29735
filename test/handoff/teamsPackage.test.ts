import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { fillManifest, zip } from '../../scripts/teams-package.js';
import { t } from '../../dialogs/i18n.js';
import { LANGS } from '../helpers/flowHarness.js';
import { startRealServer } from '../helpers/realServer.js';

/** Reads our zip back through its central directory, as any unzip tool would. */
function unzip(buffer: Buffer): Map<string, Buffer> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const localName = buffer.readUInt16LE(offset + 26);
    const start = offset + 30 + localName + buffer.readUInt16LE(offset + 28);
    files.set(name, inflateRawSync(buffer.subarray(start, start + size)));
    at += 46 + nameLength;
  }
  return files;
}

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts'], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });

describe('Teams app package (scripts/teams-package.ts)', function () {
  this.timeout(30_000);

  it('zips the manifest with the bot id filled in, the nn/en texts and the two icons', () => {
    const result = run({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', PUBLIC_BASE_URL: 'https://veiviser.example' });
    assert.equal(result.status, 0, result.stderr);
    const files = unzip(readFileSync('teams/build/veiviser-teams.zip'));
    assert.deepEqual([...files.keys()], ['manifest.json', 'nn-no.json', 'en-us.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    assert.equal(manifest.bots[0].botId, '11111111-2222-4333-8444-555555555555');
    assert.deepEqual(manifest.bots[0].scopes, ['personal', 'team', 'groupChat']);
    assert.deepEqual(manifest.validDomains, ['veiviser.example']);
    assert.ok(manifest.name.short.length <= 30 && manifest.description.short.length <= 80 && manifest.description.full.length <= 4000);
    for (const [name, size] of [['color.png', 192], ['outline.png', 32]] as const) {
      const png = files.get(name)!;
      assert.equal(png.readUInt32BE(16), size, `${name} width`);
      assert.equal(png.readUInt32BE(20), size, `${name} height`);
    }
    const unzipTool = spawnSync('unzip', ['-t', 'teams/build/veiviser-teams.zip'], { encoding: 'utf8' });
    if (!unzipTool.error) assert.equal(unzipTool.status, 0, unzipTool.stdout);
  });

  it('says what is missing, on one line, with exit code 2', () => {
    const result = run({ PUBLIC_BASE_URL: 'https://veiviser.example' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /MicrosoftAppId/);
    assert.equal(run({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', PUBLIC_BASE_URL: 'http://insecure.example' }).status, 2);
  });

  it('the zip writer round-trips arbitrary bytes and UTF-8 names', () => {
    const data = Buffer.from('æøå '.repeat(1000));
    const files = unzip(zip([{ name: 'blåbær.txt', data }, { name: 'tom', data: Buffer.alloc(0) }]));
    assert.deepEqual(files.get('blåbær.txt'), data);
    assert.equal(files.get('tom')?.length, 0);
  });

  describe('against the schema it declares, offline (@microsoft/app-manifest bundles them)', () => {
    const env = { MicrosoftAppId: '11111111-2222-4333-8444-555555555555', PUBLIC_BASE_URL: 'https://veiviser.example' };
    const realFetch = globalThis.fetch;
    // Any attempt to fetch a schema from the network fails the test: only the bundled ones count.
    before(() => {
      globalThis.fetch = (() => Promise.reject(new Error('no network in this test'))) as typeof fetch;
    });
    after(() => {
      globalThis.fetch = realFetch;
    });

    /**
     * The v1.17 localization schema has patternProperties written for regexes without the u flag
     * (`…\b]\.description$`, a lone `]`); Ajv compiles them with it and fails. Escaped, `\]` means the same.
     */
    function compilable(node: unknown): unknown {
      const fix = (pattern: string) => pattern.replaceAll('\\b]', '\\b\\]');
      if (Array.isArray(node)) return node.map(compilable);
      if (!node || typeof node !== 'object') return node;
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => {
          if (key === 'patternProperties' && value && typeof value === 'object') {
            return [key, Object.fromEntries(Object.entries(value).map(([pattern, sub]) => [fix(pattern), compilable(sub)]))];
          }
          if (key === 'pattern' && typeof value === 'string') return [key, fix(value)];
          return [key, compilable(value)];
        }),
      );
    }

    it('the manifest (with the bot id and address filled in) is valid', async () => {
      const manifest = JSON.parse(fillManifest(readFileSync('teams/manifest.json', 'utf8'), env));
      assert.match(manifest.$schema, /\/json-schemas\/teams\/v1\.17\/MicrosoftTeams\.schema\.json$/);
      const schema = await AppManifestUtils.fetchSchema(manifest.$schema);
      assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest, schema), []);
    });

    for (const file of ['nn-no.json', 'en-us.json']) {
      it(`${file} is valid`, async () => {
        const texts = JSON.parse(readFileSync(`teams/${file}`, 'utf8'));
        const schema = compilable(await AppManifestUtils.fetchSchema(texts.$schema));
        assert.deepEqual(await AppManifestUtils.validateAgainstSchema(texts, schema as never), []);
      });
    }

    it('its privacy and terms links lead to a page Veiviser serves, in nb, nn and en', async () => {
      globalThis.fetch = realFetch;
      const manifest = JSON.parse(fillManifest(readFileSync('teams/manifest.json', 'utf8'), env));
      const server = await startRealServer();
      try {
        for (const link of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl] as string[]) {
          const url = new URL(link);
          assert.equal(url.origin, env.PUBLIC_BASE_URL);
          for (const lang of LANGS) {
            const res = await fetch(`${server.url}${url.pathname}?lang=${lang}`);
            assert.equal(res.status, 200, link);
            const html = await res.text();
            assert.match(html, new RegExp(`<html lang="${lang}">`));
            assert.ok(html.includes(`<h1>${t(lang, 'privacy:page.heading')}</h1>`), `${lang} heading`);
            if (url.hash) assert.ok(html.includes(`id="${url.hash.slice(1)}"`), `${link}: the page has the part the link points to`);
          }
        }
      } finally {
        await server.close(1000);
      }
    });
  });
});

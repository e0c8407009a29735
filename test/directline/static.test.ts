import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { chooseEncoding, mountStatic } from '../../bot/static.js';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { loadPageTexts } from '../../bot/pageTexts.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vendor = `${root}web/vendor/`;
const version = readFileSync(`${vendor}webchat-4.18.1.stamp`, 'utf8').trim();
const pageTexts = loadPageTexts(`${root}locales`);
const webText = (lang: Lang) => pageTexts[lang] as Record<string, unknown> & { footer: Record<string, string> };

/** A raw GET, so that no client decompresses or adds headers behind our back. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files for the citizen page', () => {
  let server: Server;
  let port: number;
  before(async () => {
    const web = express();
    mountStatic(web);
    server = createServer(web);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves Web Chat pre-compressed by Accept-Encoding, with Vary and a long cache for the versioned URL', async () => {
    const br = await get(port, `/webchat/webchat.js?v=${version}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(br.body.length, statSync(`${vendor}webchat.js.br`).size);

    const gz = await get(port, `/webchat/webchat.js?v=${version}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.body.length, statSync(`${vendor}webchat.js.gz`).size);

    const plain = await get(port, '/webchat/webchat.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.length, statSync(`${vendor}webchat.js`).size);
    assert.notEqual(plain.headers['cache-control'], 'public, max-age=31536000, immutable', 'an unversioned URL is not cached for a year');

    const again = await get(port, `/webchat/webchat.js?v=${version}`, { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    assert.equal(again.status, 304);
  });

  it('reads Accept-Encoding q-values', () => {
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('identity'), 'identity');
    assert.equal(chooseEncoding(undefined), 'identity');
  });

  it('renders the page in the asked language, with no placeholder left and the Web Chat version in the script URL', async () => {
    for (const lang of LANGUAGES) {
      const page = await get(port, `/?lang=${lang}`);
      const html = page.body.toString('utf8');
      assert.equal(page.status, 200);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.ok(html.includes(`>${String(webText(lang).heading)}</h1>`), `heading in ${lang}`);
      assert.ok(html.includes(`href="${webText(lang).footer.phoneHref}"`));
      assert.doesNotMatch(html, /\{\{/);
      assert.ok(html.includes(`/webchat/webchat.js?v=${version}`));
    }
  });

  it('picks the page language from the browser when none is asked for', async () => {
    const nn = await get(port, '/', { 'Accept-Language': 'nn-NO,nn;q=0.9,en;q=0.5' });
    assert.match(nn.body.toString('utf8'), /<html lang="nn">/);
    const en = await get(port, '/', { 'Accept-Language': 'en-GB,en;q=0.9' });
    assert.match(en.body.toString('utf8'), /<html lang="en">/);
    const other = await get(port, '/', { 'Accept-Language': 'de-DE' });
    assert.match(other.body.toString('utf8'), /<html lang="nb">/);
  });

  it('serves the page texts as JSON per language, and 404 for another language', async () => {
    for (const lang of LANGUAGES) {
      const res = await get(port, `/i18n/${lang}/web.json`);
      assert.equal(res.status, 200);
      assert.deepEqual(JSON.parse(res.body.toString('utf8')), webText(lang));
    }
    assert.equal((await get(port, '/i18n/de/web.json')).status, 404);
  });

  it('serves app.js and style.css, but not web/vendor as plain files', async () => {
    assert.equal((await get(port, '/app.js')).status, 200);
    assert.equal((await get(port, '/style.css')).status, 200);
    assert.equal((await get(port, '/vendor/webchat.js')).status, 404);
  });
});

describe('static files when Web Chat was not vendored', () => {
  it('still serves the page, and answers 503 (not a crash) for the bundle', async () => {
    const emptyVendor = mkdtempSync(join(tmpdir(), 'no-webchat-'));
    const web = express();
    mountStatic(web, { vendorDir: emptyVendor });
    const server = createServer(web);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      assert.equal((await get(port, '/')).status, 200);
      const bundle = await get(port, '/webchat/webchat.js', { 'Accept-Encoding': 'br' });
      assert.equal(bundle.status, 503);
      assert.match(bundle.body.toString('utf8'), /npm install/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(emptyVendor, { recursive: true, force: true });
    }
  });
});

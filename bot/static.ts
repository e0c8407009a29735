import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import { DEFAULT_LANG, isLang, LANGUAGES, type Lang } from '../core/language.js';
import { loadPageTexts } from './pageTexts.js';
import { knownPhoneNumbers, type PhoneNumber } from './phoneNumbers.js';
import { escapeHtml } from './html.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface StaticOptions {
  webDir?: string;
  vendorDir?: string;
  localesDir?: string;
  /** The numbers the page makes tappable; default: those in data/. */
  phoneNumbers?: PhoneNumber[];
}

/**
 * Content-Security-Policy directives (helmet's format) the citizen page needs: Web Chat injects
 * its styles at run time, so style-src needs 'unsafe-inline'; scripts come only from this origin.
 */
export const citizenPageCsp: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

type Encoding = 'br' | 'gzip' | 'identity';

/** Picks the best encoding the client accepts (q-values honoured, q=0 means "not this"). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return 'identity';
}

function webChatVersion(vendorDir: string): string | undefined {
  if (!existsSync(vendorDir)) return undefined;
  const stamp = readdirSync(vendorDir).find((f) => /^webchat-[\w.-]+\.stamp$/.test(f));
  return stamp?.slice('webchat-'.length, -'.stamp'.length);
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
}

/** The page language: `?lang=` first, then the browser's Accept-Language, then bokmål. */
export function pageLanguage(req: Request): Lang {
  const asked = req.query.lang;
  if (isLang(asked)) return asked;
  for (const part of (req.get('accept-language') ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    const primary = tag.split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LANG;
}

/**
 * Serves the citizen page: `/` (rendered in the visitor's language so text shows before any
 * script runs, with the phone numbers from data/ for the page to link), the files in web/, `/i18n/:lang/web.json` for switching language in the page,
 * and Web Chat's vendored bundle pre-compressed at `/webchat/webchat.js`.
 */
export function staticRouter(options: StaticOptions = {}): Router {
  const web = express.Router();
  const webDir = options.webDir ?? join(ROOT, 'web');
  const vendorDir = options.vendorDir ?? join(webDir, 'vendor');
  const localesDir = options.localesDir ?? join(ROOT, 'locales');
  const version = webChatVersion(vendorDir) ?? 'missing';

  const texts = loadPageTexts(localesDir);
  const template = readFileSync(join(webDir, 'index.html'), 'utf8');
  const phones = JSON.stringify(options.phoneNumbers ?? knownPhoneNumbers());
  const rendered = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      template.replace(/\{\{([\w.]+)\}\}/g, (whole, key: string) => {
        if (key === 'lang') return lang;
        if (key === 'webchatVersion') return encodeURIComponent(version);
        if (key === 'phoneNumbers') return escapeHtml(phones);
        const value = lookup(texts[lang], key);
        return typeof value === 'string' ? escapeHtml(value) : whole;
      }),
    ]),
  ) as Record<Lang, string>;

  const sendPage = (req: Request, res: Response) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', Vary: 'Accept-Language' });
    res.send(rendered[pageLanguage(req)]);
  };
  web.get(['/', '/index.html'], sendPage);

  web.get('/i18n/:lang/web.json', (req, res) => {
    const lang = req.params.lang;
    if (!isLang(lang)) return void res.status(404).json({ error: { code: 'NotFound', message: 'No such language.' } });
    res.set('Cache-Control', 'no-cache');
    res.json(texts[lang]);
  });

  web.get('/webchat/webchat.js', (req, res) => {
    const encoding = chooseEncoding(req.get('accept-encoding'));
    const file = join(vendorDir, encoding === 'identity' ? 'webchat.js' : `webchat.js.${encoding === 'br' ? 'br' : 'gz'}`);
    res.set('Vary', 'Accept-Encoding');
    if (!existsSync(file)) return void res.status(503).type('text/plain').send('Web Chat is not installed on this server (run npm install).');
    const etag = `"webchat-${version}-${encoding}"`;
    const versioned = req.query.v === version;
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      ETag: etag,
    });
    if (encoding !== 'identity') res.set('Content-Encoding', encoding);
    if (req.get('if-none-match') === etag) return void res.status(304).end();
    res.set('Content-Length', String(statSync(file).size));
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });

  web.get('/webchat/LICENSE.txt', (_req, res) => {
    const file = join(vendorDir, 'WEBCHAT-LICENSE.txt');
    if (!existsSync(file)) return void res.status(404).end();
    res.type('text/plain').sendFile(file);
  });

  const files = express.static(webDir, { index: false, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
  // web/vendor is served above, compressed; not again as plain files.
  web.use((req, res, next) => (req.path.startsWith('/vendor/') || req.path === '/vendor' ? next() : files(req, res, next)));
  return web;
}

/** Mounts staticRouter() on the server's express app (at its root). */
export function mountStatic(web: { use(router: Router): unknown }, options: StaticOptions = {}): void {
  web.use(staticRouter(options));
}

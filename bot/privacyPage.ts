import express, { type Router } from 'express';
import { LANGUAGES, type Lang } from '../core/language.js';
import { t } from '../dialogs/i18n.js';
import { linkPhoneNumbersInHtml } from './phoneNumbers.js';
import { pageLanguage } from './static.js';
import { escapeHtml } from './html.js';

const LANGUAGE_NAMES: Record<Lang, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

function render(lang: Lang, retentionDays: number): string {
  const p = (key: string, options?: Record<string, unknown>) => `<p>${linkPhoneNumbersInHtml(escapeHtml(t(lang, `privacy:${key}`, options)))}</p>`;
  const others = LANGUAGES.map((l) => (l === lang ? `<span aria-current="page">${LANGUAGE_NAMES[l]}</span>` : `<a href="/personvern?lang=${l}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`)).join(' · ');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t(lang, 'privacy:page.title'))}</title>
<style>body{font:1.0625rem/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#23262a}a{color:#0067c5}nav{margin-bottom:1.5rem}h2{margin-top:2rem}</style>
</head>
<body>
<nav aria-label="${escapeHtml(t(lang, 'privacy:page.language'))}">${others}</nav>
<main>
<h1>${escapeHtml(t(lang, 'privacy:page.heading'))}</h1>
${p('page.intro')}
${p('info.what')}
${p('info.removed')}
${p('info.why')}
${p('info.howLong', { days: retentionDays })}
${p('info.resumeCode', { days: retentionDays })}
${p('page.veileder')}
${p('info.notKnown')}
${p('page.delete')}
<h2 id="vilkar">${escapeHtml(t(lang, 'privacy:page.termsHeading'))}</h2>
${p('page.terms1')}
${p('page.terms2')}
<p><a href="/?lang=${lang}">${escapeHtml(t(lang, 'privacy:page.back'))}</a></p>
</main>
</body>
</html>
`;
}

/**
 * GET /personvern: what Veiviser keeps and for how long, and its terms of use (#vilkar), in the
 * visitor's language (?lang=nb|nn|en, else Accept-Language). The Teams app's privacy and terms
 * links point here, so they always lead to a page that exists.
 */
export function privacyPage(retentionDays: number): Router {
  const router = express.Router();
  const pages = Object.fromEntries(LANGUAGES.map((lang) => [lang, render(lang, retentionDays)])) as Record<Lang, string>;
  router.get('/personvern', (req, res) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', Vary: 'Accept-Language' });
    res.send(pages[pageLanguage(req)]);
  });
  return router;
}

import express, { type Router } from 'express';
import { formatDateAndTime } from '../../core/availability/formatDate.js';
import { shownText } from '../../core/handoff/record.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { verifyCopySignature } from '../handoff/copyLink.js';
import type { HandoffQueue } from '../handoff/handoffQueue.js';
import { escapeHtml } from '../html.js';

/**
 * GET /kopi/:id?k=… — the citizen's printable copy, in their language: the exact summary they
 * approved and the conversation with the veileder. Reached only through the signed link from the chat.
 */
export function copyPage(queue: HandoffQueue, secret: string): Router {
  const router = express.Router();
  router.get('/kopi/:id', async (req, res) => {
    const id = String(req.params.id);
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').set('X-Robots-Tag', 'noindex');
    const record = verifyCopySignature(secret, id, req.query.k) ? await queue.get(id).catch(() => undefined) : undefined;
    if (!record) {
      const tr = handoffTexts('nb');
      res.status(404).type('html').send(`<!doctype html><html lang="nb"><meta charset="utf-8"><title>${escapeHtml(tr('print.title'))}</title><main><p>${escapeHtml(tr('print.notFound'))}</p></main></html>`);
      return;
    }
    const lang = record.lang;
    const tr = handoffTexts(lang);
    const messages = (await queue.messages(record)).filter((m) => m.from !== 'system');
    const who = { user: tr('print.you'), veileder: tr('print.veileder'), system: tr('print.bot') } as const;
    const rows = messages
      .map((m) => `<li><p class="who">${escapeHtml(who[m.from])}, ${escapeHtml(formatDateAndTime(new Date(m.at), lang))}</p><p class="msg">${escapeHtml(m.text)}</p></li>`)
      .join('');
    res.type('html').send(`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(tr('print.title'))}</title>
<link rel="stylesheet" href="/veileder/copy.css"></head>
<body><main>
<h1>${escapeHtml(tr('print.title'))}</h1>
<p>${escapeHtml(tr('print.intro'))}</p>
<h2>${escapeHtml(tr('print.summary'))}</h2>
<p class="meta">${escapeHtml(tr('print.sentAt', { date: formatDateAndTime(new Date(record.consent.at), lang) }))}</p>
<pre class="summary">${escapeHtml(shownText(record.consent))}</pre>
${rows ? `<h2>${escapeHtml(tr('print.conversation'))}</h2><ol class="conversation">${rows}</ol>` : ''}
<p class="no-print"><button type="button" id="print">${escapeHtml(tr('print.printButton'))}</button></p>
</main><script src="/veileder/copy.js"></script></body></html>`);
  });
  return router;
}

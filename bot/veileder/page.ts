import express, { type Router } from 'express';
import { fileURLToPath } from 'node:url';
import { isLang } from '../../core/language.js';
import { loadLocaleResources } from '../../dialogs/i18n.js';
import { sendError } from '../httpErrors.js';

export const VEILEDER_WEB_DIR = fileURLToPath(new URL('../../web/veileder/', import.meta.url));

/** GET /veileder: the veileder page (plain files), and its texts as JSON from locales/<lang>/handoff.json. */
export function veilederPage(dir = VEILEDER_WEB_DIR): Router {
  const router = express.Router();
  const resources = loadLocaleResources();
  router.get('/veileder/i18n/:lang.json', (req, res) => {
    const lang = req.params.lang;
    if (!isLang(lang)) {
      sendError(res, 404, 'NotFound', 'No such language.');
      return;
    }
    const handoff = resources[lang]?.handoff as Record<string, unknown> | undefined;
    res.set('Cache-Control', 'no-cache').json({ veileder: handoff?.veileder ?? {}, level: handoff?.level, flag: handoff?.flag, priority: handoff?.priority });
  });
  router.get('/veileder', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: dir });
  });
  router.use('/veileder', express.static(dir, { index: false, maxAge: '1h' }));
  return router;
}

import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { isLang, langFromLocale, type Lang } from '../../core/language.js';
import { normalizeResumeCode } from '../../core/resume/index.js';
import { t } from '../../dialogs/i18n.js';
import type { LocalDirectLine } from '../directline/index.js';
import { TokenBucketLimiter, type RateLimitOptions } from '../directline/rateLimit.js';
import { jsonErrorHandler, requestErrorOf, sendError } from '../httpErrors.js';
import type { RecordStore } from '../storage/recordStore.js';
import type { ResumeCodes } from './resumeCodes.js';
import { jsonBody } from '../jsonBody.js';

/**
 * Wrong codes per client address: five, then one a minute. With 30^10 codes an even chance at
 * one live code takes an address about 560 million years (divided by the number of live codes),
 * while a person who mistypes a few times still gets in at once. Only wrong and expired codes
 * count, so many people behind one address (an office, a mobile network's NAT) can all come back;
 * something that cannot be a code at all (wrong length or letters) is answered without counting.
 * Once the limit is reached, every look-up from that address is refused until it refills.
 */
export const DEFAULT_RESUME_LIMIT: RateLimitOptions = { capacity: 5, refillPerSecond: 1 / 60 };

export interface ResumeRouterOptions {
  codes: ResumeCodes;
  directLine: Pick<LocalDirectLine, 'store' | 'signer'>;
  records?: Pick<RecordStore, 'appendAudit'>;
  rateLimit?: RateLimitOptions;
  clock?: () => Date;
  onError?: (err: unknown) => void;
}

function pageLang(req: Request, body: unknown): Lang {
  const asked = (body as { lang?: unknown } | undefined)?.lang;
  return isLang(asked) ? asked : langFromLocale(req.get('accept-language'));
}

/**
 * POST /api/resume `{ "code": "K7QM-2XP-D9H", "lang": "nn" }`: a Direct Line token for the
 * conversation the code opens, so the page connects to it and shows what was said (as stored,
 * redacted) and what a veileder has written since. Answers in the page's language.
 */
export function resumeRouter(options: ResumeRouterOptions): Router {
  const router = express.Router();
  const limiter = new TokenBucketLimiter(options.rateLimit ?? DEFAULT_RESUME_LIMIT, options.clock);
  const json = jsonBody({ limit: '2kb', type: ['application/json', 'application/*+json'] });

  router.post('/', json, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body: unknown = req.body;
    const lang = pageLang(req, body);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendError(res, 400, 'BadArgument', t(lang, 'web:resume.malformed'));
    const { code } = body as { code?: unknown };
    if (!normalizeResumeCode(code)) return sendError(res, 400, 'BadArgument', t(lang, 'web:resume.malformed'));
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const limit = limiter.check(address);
    if (!limit.allowed) {
      res.set('Retry-After', String(limit.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', t(lang, 'web:resume.tooMany'));
    }
    const found = await options.codes.find(code);
    const record = found.ok ? await options.directLine.store.getConversation(found.conversationId) : undefined;
    if (!record) {
      limiter.take(address);
      return sendError(res, 404, 'NotFound', t(lang, 'web:resume.unknown'));
    }
    const { token, expiresIn } = options.directLine.signer.issue(record.id, record.userId);
    await options.records?.appendAudit({ actor: 'user', action: 'conversation.resume', conversationId: record.id }).catch(options.onError);
    res.json({ conversationId: record.id, token, expires_in: expiresIn, lang: langFromLocale(record.locale) });
  });

  router.use((_req, res) => sendError(res, 404, 'NotFound', 'Nothing here.'));
  // A body that is not JSON gets the same kind answer, in the language the browser asks for.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    const known = requestErrorOf(err);
    if (!known) return next(err);
    sendError(res, known.status, known.code, t(langFromLocale(req.get('accept-language')), 'web:resume.malformed'));
  });
  router.use(jsonErrorHandler((err) => options.onError?.(err)));
  return router;
}

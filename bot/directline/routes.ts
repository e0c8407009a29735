import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { jsonErrorHandler, sendError } from './errors.js';
import { isLocaleTag, readInboundActivity } from './inbound.js';
import type { LocalDirectLine } from './localDirectLine.js';
import type { ConversationRecord } from './store.js';
import type { TokenClaims } from './tokens.js';
import { jsonBody } from '../jsonBody.js';

interface Authorized {
  claims: TokenClaims;
  record: ConversationRecord;
  token: string;
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function parseWatermark(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function auth(res: Response): Authorized {
  return res.locals.directLine as Authorized;
}

/**
 * An expired token may still be exchanged for a fresh one this long after it expired, so a page
 * left alone for a while resumes its conversation. Every other route needs an unexpired token.
 */
const REFRESH_GRACE_SECONDS = 12 * 60 * 60;

/** Direct Line v3 as Web Chat's bundled client (botframework-directlinejs) calls it. */
export function directLineRouter(dl: LocalDirectLine): Router {
  const router = express.Router();
  const json = jsonBody({ limit: dl.bodyLimit, type: ['application/json', 'application/*+json'] });

  /** Needs a valid token; with `bound`, one issued for the conversation in the path. */
  const requireToken = (bound: boolean, graceSeconds = 0) => async (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    const check = dl.signer.verify(token, graceSeconds);
    if (!check.ok) {
      const code = check.reason === 'missing' ? 'TokenMissing' : check.reason === 'expired' ? 'TokenExpired' : 'TokenInvalid';
      return sendError(res, 403, code, check.reason === 'missing' ? 'A token is needed.' : 'The token is not valid.');
    }
    if (bound && req.params.id !== check.claims.conversationId) return sendError(res, 403, 'Forbidden', 'The token is for another conversation.');
    const record = await dl.store.getConversation(check.claims.conversationId);
    if (!record || record.userId !== check.claims.userId) return sendError(res, 404, 'NotFound', 'The conversation has ended or was deleted.');
    res.locals.directLine = { claims: check.claims, record, token: token ?? '' } satisfies Authorized;
    next();
  };

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.post('/tokens/generate', json, async (req, res) => {
    const body: unknown = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendError(res, 400, 'BadArgument', 'The body must be a JSON object.');
    const { locale } = body as { locale?: unknown };
    if (locale !== undefined && !isLocaleTag(locale)) return sendError(res, 400, 'BadArgument', 'locale must be a language tag such as "nn-NO".');
    const limit = dl.limiter.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (!limit.allowed) {
      res.set('Retry-After', String(limit.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', 'Too many new conversations from this address. Try again shortly.');
    }
    res.json(await dl.createConversation(locale));
  });

  router.post('/tokens/refresh', requireToken(false, REFRESH_GRACE_SECONDS), (_req, res) => {
    res.json(dl.refreshToken(auth(res).claims));
  });

  router.post('/conversations', requireToken(false), json, async (req, res) => {
    const { record, token, claims } = auth(res);
    const started = await dl.startConversation(record);
    res.status(started ? 201 : 200).json({
      conversationId: record.id,
      token,
      expires_in: dl.signer.secondsLeft(claims),
      streamUrl: dl.streamUrl(record.id, token, undefined, requestOrigin(req)),
    });
  });

  router.get('/conversations/:id', requireToken(true), (req, res) => {
    const { record, token, claims } = auth(res);
    res.json({
      conversationId: record.id,
      token,
      expires_in: dl.signer.secondsLeft(claims),
      streamUrl: dl.streamUrl(record.id, token, parseWatermark(req.query.watermark), requestOrigin(req)),
    });
  });

  router.get('/conversations/:id/activities', requireToken(true), async (req, res) => {
    const { activities, watermark } = await dl.store.activitiesAfter(auth(res).record.id, parseWatermark(req.query.watermark));
    res.json({ activities: activities.map((a) => a.activity), watermark: String(watermark) });
  });

  router.post('/conversations/:id/activities', requireToken(true), json, async (req, res) => {
    const inbound = readInboundActivity(req.body);
    if (!inbound.ok) return sendError(res, 400, 'BadArgument', inbound.message);
    const { record } = auth(res);
    const limit = await dl.admit(record, inbound.activity.type ?? '', req.ip ?? req.socket.remoteAddress);
    if (!limit.allowed) {
      res.set('Retry-After', String(limit.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', 'Too many messages in this conversation. Wait a moment and try again.');
    }
    const id = await dl.receiveFromUser(record, inbound.activity);
    res.json({ id });
  });

  router.post('/conversations/:id/upload', requireToken(true), (_req, res) => {
    sendError(res, 501, 'NotImplemented', 'Sending files is not supported here.');
  });

  router.use((_req, res) => sendError(res, 404, 'NotFound', 'No such Direct Line endpoint.'));
  router.use(jsonErrorHandler((err) => dl.log.error({ err: err instanceof Error ? { name: err.name } : { type: typeof err } }, 'direct line request failed')));
  return router;
}

import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { HandoffTransitionError, isHandoffState, type HandoffState } from '../../core/handoff/stateMachine.js';
import { HandoffNotFoundError } from '../handoff/errors.js';
import { requestErrorOf, sendError } from '../httpErrors.js';
import { redactFor } from '../../dialogs/privacy/index.js';
import { MAX_VEILEDER_MESSAGE, type VeilederActions } from '../handoff/veilederActions.js';
import { requireVeileder, veilederOf } from './auth.js';
import type { VeilederPresence } from './presence.js';
import { detail, listItem } from './views.js';
import { jsonBody } from '../jsonBody.js';

export interface VeilederApiOptions {
  actions: VeilederActions;
  token: string;
  presence?: VeilederPresence;
  onError?: (error: unknown) => void;
}

class BadRequest extends Error {}

const ID = /^[A-Za-z0-9-]{1,64}$/;

function idOf(req: Request): string {
  const id = String(req.params.id ?? '');
  if (!ID.test(id)) throw new HandoffNotFoundError(id);
  return id;
}

function statesOf(query: unknown): HandoffState[] {
  if (query === undefined) return ['queued', 'accepted'];
  const states = String(query).split(',').map((s) => s.trim());
  if (states.length === 0 || !states.every(isHandoffState)) throw new BadRequest('Unknown state');
  return states as HandoffState[];
}

/** `closedSince=<ISO time>`: closed handoffs only from then on (the page lists today's). */
function closedSince(query: unknown): string | undefined {
  if (query === undefined) return undefined;
  const at = new Date(String(query));
  if (Number.isNaN(at.getTime())) throw new BadRequest('"closedSince" must be a date and time (ISO 8601)');
  return at.toISOString();
}

/** The optional closing note to the citizen: `{ "note": "…" }`, or no body. */
function closingNote(body: unknown): string | undefined {
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) return undefined;
  const note = typeof body === 'object' ? (body as { note?: unknown }).note : undefined;
  if (note === undefined || note === null) return undefined;
  if (typeof note !== 'string' || note.length > MAX_VEILEDER_MESSAGE) throw new BadRequest(`"note" must be text of at most ${MAX_VEILEDER_MESSAGE} characters.`);
  return note.trim() || undefined;
}

/**
 * The veileder API of specs/handoff.md, under /api/handoffs: bearer token, JSON in and out,
 * 401 without a valid token, 404 for an unknown id, 409 for a state change that is not allowed,
 * 400 for a body that is not valid JSON or not the expected shape, a broken percent-encoding or a
 * charset other than UTF-8; every error as `{ error: { code, message } }`.
 */
export function veilederApi(options: VeilederApiOptions): Router {
  const { actions } = options;
  const router = express.Router();
  router.use(requireVeileder(options.token, (v) => options.presence?.touch(v.id)));
  router.use(jsonBody({ limit: '16kb', strict: true }));

  const handle = (work: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    work(req, res).catch(next);

  router.get(
    '/',
    handle(async (req, res) => {
      const records = await actions.list(statesOf(req.query.state), veilederOf(res));
      const since = closedSince(req.query.closedSince);
      const shown = since ? records.filter((r) => r.state !== 'closed' || (r.history.at(-1)?.at ?? r.createdAt) >= since) : records;
      res.json({ handoffs: shown.map(listItem) });
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      res.json(detail(await actions.view(idOf(req), veilederOf(res))));
    }),
  );

  for (const [path, act] of [
    ['accept', (id: string, _req: Request, res: Response) => actions.accept(id, veilederOf(res))],
    ['return', (id: string, _req: Request, res: Response) => actions.giveBack(id, veilederOf(res))],
    ['close', (id: string, req: Request, res: Response) => actions.close(id, veilederOf(res), closingNote(req.body))],
  ] as const) {
    router.post(
      `/:id/${path}`,
      handle(async (req, res) => {
        res.json(detail(await act(idOf(req), req, res)));
      }),
    );
  }

  router.post(
    '/:id/messages',
    handle(async (req, res) => {
      const id = idOf(req);
      const body = req.body as unknown;
      const text = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
      if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_VEILEDER_MESSAGE) {
        throw new BadRequest(`Send { "text": "…" } with 1 to ${MAX_VEILEDER_MESSAGE} characters.`);
      }
      // Redacted here, where it enters (Teams messages are redacted by the adapter's first middleware).
      res.status(201).json(await actions.send(id, veilederOf(res), redactFor(text.trim(), 'nb').text));
    }),
  );

  router.get(
    '/:id/messages',
    handle(async (req, res) => {
      const raw = req.query.after ?? '0';
      if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new BadRequest('"after" must be a whole number');
      const { record, messages } = await actions.messages(idOf(req), veilederOf(res), Number(raw));
      res.json({ state: record.state, messages, last: messages.at(-1)?.seq ?? Number(raw) });
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HandoffNotFoundError) return sendError(res, 404, 'NotFound', 'No handoff with that id.');
    if (error instanceof HandoffTransitionError) {
      return sendError(res, 409, 'Conflict', `The handoff is ${error.from}; it cannot become ${error.to}.`, { state: error.from });
    }
    if (error instanceof BadRequest) return sendError(res, 400, 'BadArgument', error.message);
    const known = requestErrorOf(error);
    if (known) return sendError(res, known.status, known.code, known.message);
    options.onError?.(error);
    sendError(res, 500, 'ServiceError', 'Something went wrong. Try again.');
  });
  return router;
}

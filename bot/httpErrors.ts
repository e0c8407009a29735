import type { ErrorRequestHandler, Response } from 'express';

/**
 * One JSON error shape for every endpoint, the one Azure Direct Line uses (so Web Chat reads it):
 * `{ "error": { "code", "message" } }`, with extra fields (a 409's current state) inside `error`.
 */
export type ErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'Unauthorized'
  | 'TokenMissing'
  | 'TokenInvalid'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'Conflict'
  | 'TooManyRequests'
  | 'MessageSizeTooBig'
  | 'NotImplemented'
  | 'ServiceError';

export function sendError(res: Response, status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  res.status(status).json({ error: { code, message, ...extra } });
}

interface HttpishError {
  type?: unknown;
  status?: unknown;
}

/**
 * What went wrong reading a request before any handler ran (body-parser, express's path
 * decoding), or undefined for an error of our own. All of these are the client's: 4xx, never 500.
 */
export function requestErrorOf(err: unknown): { status: number; code: ErrorCode; message: string } | undefined {
  const { type, status } = (err ?? {}) as HttpishError;
  if (type === 'entity.too.large') return { status: 413, code: 'MessageSizeTooBig', message: 'The request body is too large.' };
  if (type === 'entity.parse.failed') return { status: 400, code: 'BadSyntax', message: 'The request body is not valid JSON.' };
  if (type === 'charset.unsupported') return { status: 400, code: 'BadArgument', message: 'The request body must be UTF-8.' };
  if (type === 'encoding.unsupported') return { status: 400, code: 'BadArgument', message: 'The request body must not be compressed.' };
  if (err instanceof URIError) return { status: 400, code: 'BadArgument', message: 'The address has a broken percent-encoding.' };
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, code: 'BadArgument', message: 'The request could not be read.' };
  return undefined;
}

/** Turns request errors into their 4xx and anything else into a 500; never shows a stack trace. */
export function jsonErrorHandler(onUnexpected: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const known = requestErrorOf(err);
    if (known) return sendError(res, known.status, known.code, known.message);
    onUnexpected(err);
    sendError(res, 500, 'ServiceError', 'Something went wrong on our side.');
  };
}

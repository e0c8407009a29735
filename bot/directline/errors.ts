import type { ErrorRequestHandler, Response } from 'express';

/** Error codes in the shape Azure Direct Line uses: `{ "error": { "code", "message" } }`. */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'TokenMissing'
  | 'TokenInvalid'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'TooManyRequests'
  | 'MessageSizeTooBig'
  | 'NotImplemented'
  | 'ServiceError';

export function sendError(res: Response, status: number, code: DirectLineErrorCode, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ error: { code, message } });
}

interface HttpishError {
  type?: unknown;
  status?: unknown;
}

/** Turns body-parser and unexpected errors into JSON; never shows a stack trace. */
export function jsonErrorHandler(onUnexpected: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const { type, status } = (err ?? {}) as HttpishError;
    if (type === 'entity.too.large') return sendError(res, 413, 'MessageSizeTooBig', 'The request body is too large.');
    if (type === 'entity.parse.failed') return sendError(res, 400, 'BadSyntax', 'The request body is not valid JSON.');
    if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, status, 'BadArgument', 'The request could not be read.');
    onUnexpected(err);
    sendError(res, 500, 'ServiceError', 'Something went wrong on our side.');
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { redactFor } from '../../dialogs/privacy/index.js';
import type { VeilederIdentity } from '../handoff/handoffQueue.js';
import { sendError } from '../httpErrors.js';
import { cutText } from '../../core/wellFormed.js';

const IDENT = /^[A-Za-z0-9._-]{1,40}$/;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares digests so neither the length nor the content of the token leaks through timing. */
export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

export function veilederOf(res: Response): VeilederIdentity {
  return res.locals.veileder as VeilederIdentity;
}

/**
 * Bearer token sign-in (VEILEDER_TOKEN locally; an identity provider in production would sit in
 * front). The veileder's NAV ident, if sent in X-Veileder-Ident, names them in the audit log.
 */
export function requireVeileder(token: string, onSeen?: (veileder: VeilederIdentity) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1] || !tokenMatches(token, match[1])) {
      res.set('WWW-Authenticate', 'Bearer realm="veileder"');
      sendError(res, 401, 'Unauthorized', 'A valid bearer token is required.');
      return;
    }
    const ident = req.get('x-veileder-ident')?.trim();
    const nameHeader = req.get('x-veileder-name');
    // Shown to the citizen and kept in the handoff: redacted like anything else a person typed.
    const name = nameHeader ? redactFor(cutText(safeDecode(nameHeader).trim(), 60), 'nb').text : undefined;
    const veileder: VeilederIdentity = { id: ident && IDENT.test(ident) ? ident : 'local', ...(name ? { name } : {}) };
    res.locals.veileder = veileder;
    onSeen?.(veileder);
    next();
  };
}

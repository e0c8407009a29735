import express, { type RequestHandler } from 'express';
import { wellFormed } from '../core/wellFormed.js';

/**
 * express.json, with every string in the body made well-formed as it is parsed: what a client
 * sends reaches no handler and no store with a lone surrogate in it.
 */
export function jsonBody(options: { limit: string | number; type?: string[]; strict?: boolean }): RequestHandler {
  return express.json({ ...options, reviver: (_key, value: unknown) => (typeof value === 'string' ? wellFormed(value) : value) });
}

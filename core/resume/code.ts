import { createHmac, randomInt } from 'node:crypto';

/**
 * A resume code lets a person open their conversation again in another tab or on another device,
 * with no account: whoever holds the code holds the conversation. So it is random, long enough not
 * to be guessed within the lookup limit, and written to be read aloud or typed from a phone.
 *
 * The alphabet leaves out 0/O, 1/I/L and U (said like "you"); 30 symbols, 10 of them:
 * 10 × log2(30) ≈ 49 bits. Shown as three groups, "K7QM-2XP-D9H".
 */
export const RESUME_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RESUME_CODE_LENGTH = 10;
const GROUPS = [4, 3, 3] as const;

/** Bits of entropy in one code (for the test and the docs; the alphabet is used uniformly). */
export const RESUME_CODE_BITS = RESUME_CODE_LENGTH * Math.log2(RESUME_ALPHABET.length);

/** A fresh code, grouped for reading ("K7QM-2XP-D9H"). `pick(n)` gives a uniform integer below n. */
export function newResumeCode(pick: (n: number) => number = (n) => randomInt(n)): string {
  let raw = '';
  for (let i = 0; i < RESUME_CODE_LENGTH; i++) raw += RESUME_ALPHABET[pick(RESUME_ALPHABET.length)];
  return groupCode(raw);
}

function groupCode(raw: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(raw.slice(at, at + size));
    at += size;
  }
  return parts.join('-');
}

/**
 * What the person typed, as a code in its grouped form: case, spaces, dashes and dots do not
 * matter. Undefined when it cannot be a code (wrong length, a symbol outside the alphabet).
 */
export function normalizeResumeCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 40) return undefined;
  const raw = input.normalize('NFKC').toUpperCase().replace(/[\s\-–—.·_]/g, '');
  if (raw.length !== RESUME_CODE_LENGTH) return undefined;
  for (const ch of raw) if (!RESUME_ALPHABET.includes(ch)) return undefined;
  return groupCode(raw);
}

/**
 * What is stored in place of the code: a keyed hash (HMAC-SHA-256 with the server's secret), so a
 * copy of the database alone does not give the codes, nor lets anyone test guesses offline.
 */
export function hashResumeCode(secret: string, code: string): string {
  const normalized = normalizeResumeCode(code);
  if (!normalized) throw new TypeError('not a resume code');
  return createHmac('sha256', secret).update(`resume:${normalized.replace(/-/g, '')}`).digest('base64url');
}

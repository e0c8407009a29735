import { emailSpans } from './email.js';
import { normalizeForRedaction } from './normalizeText.js';
import { numberHits } from './numbers.js';
import { phoneNumbers } from '../rights/contacts.js';
import { helplineValues } from '../safety/helplines.js';

/**
 * Removes identifying numbers and addresses from text a user typed, before anything stores or
 * shares it. Only user text goes through here; the bot's own texts (with NAV's phone numbers) do not.
 */
export const REDACTION_KINDS = ['fodselsnummer', 'dnummer', 'kontonummer', 'telefonnummer', 'epost'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export interface RedactionResult {
  text: string;
  /** Each kind found, once, in the order first seen. Empty when nothing was removed. */
  kinds: RedactionKind[];
}

export interface RedactOptions {
  /** Text put in place of a removed item; the caller renders it in the user's language. */
  placeholder?: (kind: RedactionKind) => string;
  /** 8-digit public numbers that are not personal data and stay readable. */
  keepPhoneNumbers?: readonly string[];
}

/** Language-neutral default, so core never needs the locale files. */
export const NEUTRAL_PLACEHOLDER = '[…]';

/**
 * The eight-digit numbers of Nav and the help lines, from data (data/rights/contacts.json,
 * data/safety/helplines.json): a user quoting one is not sharing personal data.
 */
export const PUBLIC_PHONE_NUMBERS: readonly string[] = [...Object.values(phoneNumbers()), ...Object.values(helplineValues())]
  .map((number) => number.replace(/\D/g, ''))
  .filter((digits) => digits.length === 8);
const PUBLIC_PHONES = new Set(PUBLIC_PHONE_NUMBERS);

interface Hit {
  start: number;
  end: number;
  kind: RedactionKind;
}

/**
 * Looks at the normalised text (see normalizeForRedaction). When something is removed the result
 * is that normalised text with placeholders; when nothing is, the text comes back as it was typed.
 */
export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  const placeholder = options.placeholder ?? (() => NEUTRAL_PLACEHOLDER);
  const keep = options.keepPhoneNumbers ? new Set(options.keepPhoneNumbers) : PUBLIC_PHONES;
  const normal = normalizeForRedaction(text);
  // E-mail first: an address may hold digits that would otherwise look like a number.
  const emails: Hit[] = emailSpans(normal).map((s) => ({ ...s, kind: 'epost' }));
  // Blank out the addresses (same length, with a character that joins nothing) so the number scan cannot see their digits.
  let masked = normal;
  for (const e of emails) masked = masked.slice(0, e.start) + '\u0001'.repeat(e.end - e.start) + masked.slice(e.end);
  const hits = [...emails, ...numberHits(masked, keep)].sort((a, b) => a.start - b.start);
  if (hits.length === 0) return { text, kinds: [] };
  const kinds: RedactionKind[] = [];
  let out = '';
  let at = 0;
  for (const hit of hits) {
    if (!kinds.includes(hit.kind)) kinds.push(hit.kind);
    out += normal.slice(at, hit.start) + placeholder(hit.kind);
    at = hit.end;
  }
  return { text: out + normal.slice(at), kinds };
}

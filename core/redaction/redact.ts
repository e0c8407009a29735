import { hasValidAccountControl, hasValidPersonNumberControls } from './checksums.js';

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

/** NAV kontaktsenter (nav.no/kontakt, checked 2025-11): a user quoting it is not sharing personal data. */
export const PUBLIC_PHONE_NUMBERS: readonly string[] = ['55553333'];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digit groups joined by single separators; "+" may start it (for +47).
const DIGIT_RUN = /\+?\d+(?:[ \u00a0.-]\d+)*/g;
const SPACE_SEPARATORS = new Set([' ', '\u00a0']);
// How people write an 8-digit Norwegian phone number. "20 000 000" (an amount) is not among them.
const PHONE_GROUPINGS = new Set(['8', '2,2,2,2', '3,2,3', '4,4', '4,2,2']);
const MONEY_AFTER = /^\s*(?:kr\b|kroner|nok\b|,-|,\d)/i;
const MONEY_BEFORE = /(?:\bkr\.?|\bnok|\d,)\s*$/i;

interface Group {
  digits: string;
  start: number;
  end: number;
  /** Separator just before this group inside the run ('' for the first group). */
  sep: string;
}

interface Hit {
  start: number;
  end: number;
  kind: RedactionKind;
}

function groupsOf(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  const re = /\d+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run)) !== null) {
    const prev = m.index > 0 ? run[m.index - 1] ?? '' : '';
    groups.push({ digits: m[0], start: offset + m.index, end: offset + m.index + m[0].length, sep: groups.length ? prev : '' });
  }
  return groups;
}

/** Groups i..j whose digits add up to exactly `count`, or undefined. */
function windowOf(groups: Group[], i: number, count: number): { j: number; digits: string } | undefined {
  let digits = '';
  for (let j = i; j < groups.length; j++) {
    digits += groups[j]!.digits;
    if (digits.length === count) return { j, digits };
    if (digits.length > count) return undefined;
  }
  return undefined;
}

function personOrAccount(digits: string): RedactionKind | undefined {
  if (hasValidPersonNumberControls(digits)) {
    const first = Number(digits[0]);
    return first >= 4 && first <= 7 ? 'dnummer' : 'fodselsnummer';
  }
  return hasValidAccountControl(digits) ? 'kontonummer' : undefined;
}

function looksLikeMoney(text: string, start: number, end: number): boolean {
  return MONEY_AFTER.test(text.slice(end)) || MONEY_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}

function phoneAt(text: string, groups: Group[], i: number, keep: ReadonlySet<string>): Hit | undefined {
  const first = groups[i]!;
  const runStart = first.start - (text[first.start - 1] === '+' && first.sep === '' ? 1 : 0);
  const hasPlus = runStart < first.start;
  // +4791234567 / 004791234567 written without a space after the country code.
  const glued = (hasPlus && /^47\d{8}$/.test(first.digits)) || /^0047\d{8}$/.test(first.digits);
  let bodyIndex = i;
  let start = first.start;
  let body: { j: number; digits: string } | undefined;
  let grouping: string;
  if (glued) {
    body = { j: i, digits: first.digits.slice(-8) };
    grouping = '8';
    start = runStart;
  } else {
    const prefixed = (hasPlus && first.digits === '47') || first.digits === '0047';
    if (prefixed) {
      bodyIndex = i + 1;
      start = runStart;
      if (bodyIndex >= groups.length || !SPACE_SEPARATORS.has(groups[bodyIndex]!.sep)) return undefined;
    }
    body = windowOf(groups, bodyIndex, 8);
    if (!body) return undefined;
    const parts = groups.slice(bodyIndex, body.j + 1);
    if (parts.slice(1).some((g) => !SPACE_SEPARATORS.has(g.sep))) return undefined;
    grouping = parts.map((g) => g.digits.length).join(',');
  }
  if (!PHONE_GROUPINGS.has(grouping)) return undefined;
  if (!/^[2-9]/.test(body.digits) || keep.has(body.digits)) return undefined;
  const end = groups[body.j]!.end;
  if (looksLikeMoney(text, start, end)) return undefined;
  return { start, end, kind: 'telefonnummer' };
}

function numberHits(text: string, keep: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const offset = (m.index ?? 0) + (m[0].startsWith('+') ? 1 : 0);
    // A decimal part ("1234,5") or a longer number glued by a comma is not one of ours.
    if (/\d[,]$/.test(text.slice(0, m.index))) continue;
    const groups = groupsOf(m[0].replace(/^\+/, ''), offset);
    let i = 0;
    while (i < groups.length) {
      const eleven = windowOf(groups, i, 11);
      const kind = eleven ? personOrAccount(eleven.digits) : undefined;
      if (eleven && kind && !/^,\d/.test(text.slice(groups[eleven.j]!.end))) {
        hits.push({ start: groups[i]!.start, end: groups[eleven.j]!.end, kind });
        i = eleven.j + 1;
        continue;
      }
      const phone = phoneAt(text, groups, i, keep);
      if (phone) {
        hits.push(phone);
        i = groups.findIndex((g) => g.end === phone.end) + 1;
        continue;
      }
      i++;
    }
  }
  return hits;
}

function replaceHits(text: string, hits: Hit[], placeholder: (kind: RedactionKind) => string): string {
  let out = '';
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, hit.start) + placeholder(hit.kind);
    at = hit.end;
  }
  return out + text.slice(at);
}

export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  const placeholder = options.placeholder ?? (() => NEUTRAL_PLACEHOLDER);
  const keep = new Set(options.keepPhoneNumbers ?? PUBLIC_PHONE_NUMBERS);
  const found: RedactionKind[] = [];
  const note = (kind: RedactionKind) => {
    if (!found.includes(kind)) found.push(kind);
  };
  // E-mail first: an address may hold digits that would otherwise look like a number.
  const emails: Hit[] = [...text.matchAll(EMAIL)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'epost' }));
  // Blank out the addresses (same length) so the number scan cannot see their digits.
  let masked = text;
  for (const e of emails) masked = masked.slice(0, e.start) + ' '.repeat(e.end - e.start) + masked.slice(e.end);
  const hits = [...emails, ...numberHits(masked, keep)].sort((a, b) => a.start - b.start);
  for (const hit of hits) note(hit.kind);
  return { text: hits.length ? replaceHits(text, hits, placeholder) : text, kinds: found };
}

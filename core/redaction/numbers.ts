import { hasValidAccountControl } from './checksums.js';
import { callsItAPersonNumber, personNumberKind } from './personNumber.js';

export type NumberKind = 'fodselsnummer' | 'dnummer' | 'kontonummer' | 'telefonnummer';

export interface NumberHit {
  start: number;
  end: number;
  kind: NumberKind;
}

/**
 * Digit groups joined by any run of whitespace (line breaks and tabs too), ".", "-" (and the other
 * dashes), "/" or "_": people write "150385 12363", "150385 - 12363", "15/03/85_12363" or break the
 * line between the groups. "+" may start it (for +47). A comma is not a separator: "a,b" is a list.
 */
const SEP = String.raw`[\s._/\u2212\p{Pd}]`;
const DIGIT_RUN = new RegExp(String.raw`\+?\d+(?:${SEP}{1,10}\d+)*`, 'gu');
/** Between the groups of a phone number: a space, a dash or a dot, alone or with spaces around. */
const PHONE_SEP = /^(?:[ \u00a0]|[ \u00a0]?[.\u2212\p{Pd}][ \u00a0]?)$/u;
// How people write an 8-digit Norwegian phone number. "20 000 000" (an amount) is not among them.
const PHONE_GROUPINGS = new Set(['8', '2,2,2,2', '3,2,3', '4,4', '4,2,2']);
// A bank account number is written in one piece or as 4.2.5.
const ACCOUNT_GROUPINGS = new Set(['11', '4,2,5']);
const MONEY_AFTER = /^\s*(?:kr\b|kroner|nok\b|,-|,\d)/i;
const MONEY_BEFORE = /(?:\bkr\.?|\bnok)\s*$/i;

interface Group {
  digits: string;
  start: number;
  end: number;
  /** The separator just before this group inside the run ('' for the first group). */
  sep: string;
}

function groupsOf(text: string, runStart: number, runEnd: number): Group[] {
  const groups: Group[] = [];
  const re = /\d+/g;
  re.lastIndex = runStart;
  let previousEnd = runStart;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < runEnd) {
    groups.push({ digits: m[0], start: m.index, end: m.index + m[0].length, sep: groups.length ? text.slice(previousEnd, m.index) : '' });
    previousEnd = m.index + m[0].length;
  }
  return groups;
}

/** Groups i..j whose digits add up to exactly `count`, or undefined. */
function windowOf(groups: Group[], i: number, count: number): { j: number; digits: string; grouping: string } | undefined {
  let digits = '';
  const sizes: number[] = [];
  for (let j = i; j < groups.length; j++) {
    digits += groups[j]!.digits;
    sizes.push(groups[j]!.digits.length);
    if (digits.length === count) return { j, digits, grouping: sizes.join(',') };
    if (digits.length > count) return undefined;
  }
  return undefined;
}

function looksLikeMoney(text: string, start: number, end: number): boolean {
  return MONEY_AFTER.test(text.slice(end)) || MONEY_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}

function elevenDigitKind(window: { digits: string; grouping: string }, cue: () => boolean): NumberKind | undefined {
  const person = personNumberKind(window.digits);
  if (person) return person;
  if (ACCOUNT_GROUPINGS.has(window.grouping) && hasValidAccountControl(window.digits)) return 'kontonummer';
  if (cue()) return Number(window.digits[0]) >= 4 && Number(window.digits[0]) <= 7 ? 'dnummer' : 'fodselsnummer';
  return undefined;
}

function phoneAt(text: string, groups: Group[], i: number, keep: ReadonlySet<string>): NumberHit | undefined {
  const first = groups[i]!;
  const hasPlus = first.sep === '' && text[first.start - 1] === '+';
  const runStart = first.start - (hasPlus ? 1 : 0);
  // +4791234567 / 004791234567 written without a separator after the country code.
  const glued = (hasPlus && /^47\d{8}$/.test(first.digits)) || /^0047\d{8}$/.test(first.digits);
  let start = first.start;
  let body: { j: number; digits: string; grouping: string } | undefined;
  if (glued) {
    body = { j: i, digits: first.digits.slice(-8), grouping: '8' };
    start = runStart;
  } else {
    let bodyIndex = i;
    if ((hasPlus && first.digits === '47') || first.digits === '0047') {
      bodyIndex = i + 1;
      start = runStart;
      if (bodyIndex >= groups.length || !PHONE_SEP.test(groups[bodyIndex]!.sep)) return undefined;
    }
    body = windowOf(groups, bodyIndex, 8);
    if (!body || groups.slice(bodyIndex + 1, body.j + 1).some((g) => !PHONE_SEP.test(g.sep))) return undefined;
  }
  if (!PHONE_GROUPINGS.has(body.grouping)) return undefined;
  if (!/^[2-9]/.test(body.digits) || keep.has(body.digits)) return undefined;
  const end = groups[body.j]!.end;
  if (looksLikeMoney(text, start, end)) return undefined;
  return { start, end, kind: 'telefonnummer' };
}

/** Fødselsnummer, D-nummer, account and phone numbers in `text` (already normalised). */
export function numberHits(text: string, keepPhoneNumbers: ReadonlySet<string>): NumberHit[] {
  const hits: NumberHit[] = [];
  let cue: boolean | undefined;
  const calledAPersonNumber = () => (cue ??= callsItAPersonNumber(text));
  for (const m of text.matchAll(DIGIT_RUN)) {
    const runStart = m.index + (m[0].startsWith('+') ? 1 : 0);
    const groups = groupsOf(text, runStart, m.index + m[0].length);
    let i = 0;
    while (i < groups.length) {
      const eleven = windowOf(groups, i, 11);
      const kind = eleven ? elevenDigitKind(eleven, calledAPersonNumber) : undefined;
      if (eleven && kind) {
        hits.push({ start: groups[i]!.start, end: groups[eleven.j]!.end, kind });
        i = eleven.j + 1;
        continue;
      }
      const phone = phoneAt(text, groups, i, keepPhoneNumbers);
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

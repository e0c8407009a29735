import { idnr } from '@navikt/fnrvalidator';

export type PersonNumberKind = 'fodselsnummer' | 'dnummer';

/**
 * NAV's own validator: control digits under today's and the 2032 rules (where the first control
 * digit may take four values) and a real birth date, for fødselsnummer, D-nummer, H-nummer and
 * Test Norge numbers. Returns the kind for the placeholder, or undefined.
 */
export function personNumberKind(digits: string): PersonNumberKind | undefined {
  const result = idnr(digits);
  if (result.status !== 'valid') return undefined;
  return result.type.startsWith('dnr') ? 'dnummer' : 'fodselsnummer';
}

/**
 * The text calls a number a fødselsnummer, D-nummer, personnummer or fnr (nb, nn, en): then an
 * 11-digit number in it is taken for one even with a wrong control digit, since a mistyped
 * number of one's own is still one's own.
 */
const CUE = /f(?:ø|o|oe)dsels?(?:nummer|nr)|\bf\.?nr\b|\bd-?\s?(?:nummer|nr)\b|\bpersonn(?:umm?er|r)\b|\b(?:national|personal) (?:id(?:entity)? |identification )?number\b|\bbirth number\b/iu;

export function callsItAPersonNumber(text: string): boolean {
  return CUE.test(text);
}

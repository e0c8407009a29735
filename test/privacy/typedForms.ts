/**
 * Every way of writing an identifying number or address that an adversarial review got past the
 * redaction, with the digits (or the address) that must never be stored.
 */
export interface TypedForm {
  name: string;
  /** As typed. */
  written: string;
  /** What must not be found in anything stored, once separators are removed and digits normalised. */
  secret: string;
  kind: 'id' | 'phone' | 'email';
}

const FNR = '15038512363';
const DNR = '45019012410';
/** Valid only under the rules for numbers issued from 2032 (the first control digit from remainder 1). */
const FNR_2032 = '24079045604';

export const TYPED_FORMS: TypedForm[] = [
  { name: 'fødselsnummer in one piece', written: FNR, secret: FNR, kind: 'id' },
  { name: 'two spaces between the groups', written: '150385  12363', secret: FNR, kind: 'id' },
  { name: '" - " between the groups', written: '150385 - 12363', secret: FNR, kind: 'id' },
  { name: 'a slash', written: '150385/12363', secret: FNR, kind: 'id' },
  { name: 'an underscore', written: '150385_12363', secret: FNR, kind: 'id' },
  { name: 'a line break', written: '150385\n12363', secret: FNR, kind: 'id' },
  { name: 'a tab', written: '150385\t12363', secret: FNR, kind: 'id' },
  { name: 'dots in the date', written: '15.03.85 12363', secret: FNR, kind: 'id' },
  { name: 'a zero-width space inside', written: '1503\u200b8512363', secret: FNR, kind: 'id' },
  { name: 'a soft hyphen inside', written: '150385\u00ad12363', secret: FNR, kind: 'id' },
  { name: 'full-width digits', written: '１５０３８５１２３６３', secret: FNR, kind: 'id' },
  { name: 'D-nummer', written: '450190 12410', secret: DNR, kind: 'id' },
  { name: 'two numbers joined by a comma (first)', written: `${FNR},${DNR}`, secret: FNR, kind: 'id' },
  { name: 'two numbers joined by a comma (second)', written: `${FNR},${DNR}`, secret: DNR, kind: 'id' },
  { name: 'a number issued under the 2032 rules', written: FNR_2032, secret: FNR_2032, kind: 'id' },
  { name: 'a mistyped control digit, called fnr', written: 'fnr 150385 12364', secret: '15038512364', kind: 'id' },
  { name: 'phone with dashes', written: '912-34-567', secret: '91234567', kind: 'phone' },
  { name: 'phone with dots', written: '91.23.45.67', secret: '91234567', kind: 'phone' },
  { name: 'phone with +47 and dashes', written: '+47-412-34-567', secret: '41234567', kind: 'phone' },
  { name: 'e-mail "(at)"', written: 'kari.nordmann (at) epost.example.no', secret: 'kari.nordmann', kind: 'email' },
  { name: 'e-mail "[at]"', written: 'ola.hansen[at]epost.example.no', secret: 'ola.hansen', kind: 'email' },
  { name: 'e-mail " at "', written: 'per.olsen at epost.no', secret: 'per.olsen', kind: 'email' },
];

/** A sentence around the form, in each language. */
export const SENTENCES: Record<'nb' | 'nn' | 'en', Record<TypedForm['kind'], (x: string) => string>> = {
  nb: { id: (x) => `Fødselsnummeret mitt er ${x}, kan dere sjekke saken?`, phone: (x) => `Ring meg på ${x} i morgen`, email: (x) => `Send svaret til ${x} takk` },
  nn: { id: (x) => `Eg har nummeret ${x} og lurer på søknaden`, phone: (x) => `Du kan ringje meg på ${x}`, email: (x) => `Skriv til meg på ${x}` },
  en: { id: (x) => `My number is ${x}, please check my case`, phone: (x) => `Please call me on ${x} tomorrow`, email: (x) => `You can write to ${x} please` },
};

/**
 * Stored bytes in the form the search compares: JSON escapes decoded, Unicode NFKC, and every
 * separator, format character and dot removed, so "150385\n12363" on disk is found as 15038512363.
 */
export function searchable(stored: string): string {
  return stored
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\[ntr]/g, ' ')
    .normalize('NFKC')
    .replace(/[\s._/\u2212\p{Pd}\p{Cf}]+/gu, '');
}

export function secretOf(form: TypedForm): string {
  return form.kind === 'email' ? form.secret.replace(/\./g, '') : form.secret;
}

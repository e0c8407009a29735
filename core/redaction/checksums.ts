/**
 * Control digit for Norwegian bank account numbers (mod 11): Bits/Finans Norge, "Kontonummer –
 * kontrollsiffer" (weights 5,4,3,2,7,6,5,4,3,2). Fødselsnummer and D-nummer are checked with
 * NAV's own @navikt/fnrvalidator (see personNumber.ts).
 */
const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** True for an 11-digit bank account number whose last digit is the mod-11 control digit. */
export function hasValidAccountControl(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const sum = ACCOUNT_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const control = (11 - (sum % 11)) % 11;
  return control !== 10 && control === Number(value[10]);
}

/**
 * Control-digit checks for Norwegian numbers (mod 11).
 * Fødselsnummer and D-nummer: Skatteetaten, "Fødselsnummer" (two control digits, k1 and k2).
 * Kontonummer: Bits/Finans Norge, "Kontonummer – kontrollsiffer" (weights 5,4,3,2,7,6,5,4,3,2).
 */
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function digitsOf(value: string): number[] | undefined {
  return /^\d{11}$/.test(value) ? [...value].map(Number) : undefined;
}

/** mod-11 control digit, or undefined when the remainder gives 10 (no valid number has it). */
function mod11(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const control = (11 - (sum % 11)) % 11;
  return control === 10 ? undefined : control;
}

/** True for an 11-digit fødselsnummer or D-nummer with both control digits right. */
export function hasValidPersonNumberControls(value: string): boolean {
  const d = digitsOf(value);
  if (!d) return false;
  const k1 = mod11(d, K1_WEIGHTS);
  if (k1 === undefined || k1 !== d[9]) return false;
  const k2 = mod11(d, K2_WEIGHTS);
  return k2 !== undefined && k2 === d[10];
}

/** D-nummer: the first digit of the day is raised by 4 (days 41–71). */
export function isDNumber(value: string): boolean {
  return hasValidPersonNumberControls(value) && Number(value[0]) >= 4;
}

/** True for an 11-digit bank account number whose last digit is the mod-11 control digit. */
export function hasValidAccountControl(value: string): boolean {
  const d = digitsOf(value);
  if (!d) return false;
  const control = mod11(d, K2_WEIGHTS);
  return control !== undefined && control === d[10];
}

/**
 * True when most letters of the text are of another script than the Latin one (Arabic,
 * Cyrillic, Tigrinya …): the bot cannot read it, and says which languages it can.
 */
export function mostlyOtherScript(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
  return latin * 2 < letters.length;
}

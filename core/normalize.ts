/**
 * Normalises what a user typed for matching against word lists: lower case, no punctuation,
 * single spaces. Norwegian letters are kept (æ, ø, å carry meaning); use foldNordic as well
 * where a user may have typed "bokmal" for "bokmål".
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds æ/ø/å and other diacritics to plain letters, for users without a Norwegian keyboard. */
export function foldNordic(text: string): string {
  return text
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The form in which a typed text is compared with a word list or a button label: case,
 * punctuation, æøå and other diacritics do not matter.
 */
export function matchKey(text: string): string {
  return foldNordic(normalizeText(text));
}

/**
 * Text normalisation shared by the classifier, language detection and the crisis check.
 * People type on phones: capitals, missing or doubled letters, æøå written as ae/o/a or left out.
 */

const FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' };

/** Lower case, æøå folded to ae/o/a, other accents dropped, letter runs of 3+ cut to 2. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[æøå]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** Folded words: letters and digits only, apostrophes joined ("i'm" → "im"). */
export function words(text: string): string[] {
  return foldText(text)
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

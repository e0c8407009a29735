/**
 * Text normalisation shared by the classifier, language detection and the crisis check.
 * People type on phones: capitals, missing or doubled letters, æøå written as ae/o/a or left out.
 */

const FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' };
// æøå are letters of their own in Norwegian: kept apart (in private-use code points) while
// other accents are stripped, so that "å" keeps its ring.
const KEEP = ['æ', 'ø', 'å'];
const HIDDEN = ['\uE000', '\uE001', '\uE002'];

/** Lower case, accents other than æøå dropped (é → e), letter runs of 3+ cut to 2. */
export function lowerText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[æøå]/g, (c) => HIDDEN[KEEP.indexOf(c)] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\uE000-\uE002]/g, (c) => KEEP[HIDDEN.indexOf(c)] ?? c)
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** As lowerText, and æøå folded to ae/o/a, the way they are typed on a foreign keyboard. */
export function foldText(text: string): string {
  return lowerText(text).replace(/[æøå]/g, (c) => FOLD[c] ?? c);
}


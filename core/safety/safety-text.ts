import { foldText } from '../understanding/normalize.js';

/** The words of a message as the classifier reads them: folded (case, æøå), apostrophes joined. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Normalisation for crisis matching, stricter than the classifier's: on top of case and æøå
 * folding, every doubled letter is made single, so "ikkke", "ikke" and "ike" read the same.
 * Phrase lists and messages go through the same function.
 */
export function safetyWords(text: string): string[] {
  return foldedWords(text).map(singleLetters);
}

/** Every doubled letter made single ("ikkke" → "ike"); joining words can double one again ("ta alle"). */
export function singleLetters(text: string): string {
  return text.replace(/(\p{L})\1+/gu, '$1');
}

import { foldText } from '../understanding/normalize.js';

/**
 * Normalisation for crisis matching, stricter than the classifier's: on top of case and æøå
 * folding, every doubled letter is made single, so "ikkke", "ikke" and "ike" read the same.
 * Phrase lists and messages go through the same function.
 */
export function safetyWords(text: string): string[] {
  return foldText(text)
    .replace(/['’`´]/g, '')
    .replace(/(\p{L})\1+/gu, '$1')
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((w) => w.length > 0);
}

/**
 * LIX readability (Björnsson): words per sentence + 100 × share of long words (more than six
 * letters). Sentences end at . ! ? : or a line break (each list line counts as one sentence).
 * URLs and numbers are words; digits are not letters, so "278 697" is never a long word.
 */
export function lix(text: string): { score: number; words: number; sentences: number; longWords: number } {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
  const longWords = words.filter((w) => (w.match(/\p{L}/gu) ?? []).length > 6).length;
  const sentences = text
    .split(/[.!?:]+(?=\s|$)|\n+/)
    .filter((s) => /[\p{L}\d]/u.test(s)).length;
  const score = words.length === 0 ? 0 : words.length / Math.max(1, sentences) + (100 * longWords) / words.length;
  return { score, words: words.length, sentences, longWords };
}

import { editDistance } from '../understanding/edit-distance.js';
import { safetyWords } from './safety-text.js';

/** Words this long may carry one typo and still match. Shorter words must match exactly. */
const TYPO_MIN_LENGTH = 5;
/** A phrase written without spaces is found inside the message only when at least this long. */
const COMPACT_MIN_LENGTH = 10;

/** "(han|hun) slår meg" → ["han slår meg", "hun slår meg"]. */
export function expandPattern(pattern: string): string[] {
  const match = /\(([^()]*)\)/.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return (match[1] ?? '').split('|').flatMap((alt) => expandPattern(`${before}${alt.trim()}${after}`));
}

/** One phrase word against one message word: exact, one typo in a long word, or a prefix ("selvmord*"). */
function wordMatches(patternWord: string, word: string, typos: boolean): boolean {
  if (patternWord.endsWith('*')) {
    const stem = patternWord.slice(0, -1);
    if (word.startsWith(stem)) return true;
    if (!typos || stem.length < TYPO_MIN_LENGTH) return false;
    for (const len of [stem.length - 1, stem.length, stem.length + 1]) {
      if (len <= word.length && editDistance(word.slice(0, len), stem, 1) <= 1) return true;
    }
    return false;
  }
  if (patternWord === word) return true;
  return typos && patternWord.length >= TYPO_MIN_LENGTH && word.length >= TYPO_MIN_LENGTH - 1 && editDistance(patternWord, word, 1) <= 1;
}

/**
 * Finds maintained phrases in a message, tolerant of case, æøå spelt ae/o/a, doubled letters,
 * one typo per long word and a phrase typed without spaces.
 */
export class PhraseMatcher {
  private readonly phrases: string[][];
  private readonly vocabulary: string[];
  private readonly compact: string[];

  /** `typos: false` for phrases that must match exactly (the figures of speech to ignore). */
  constructor(patterns: readonly string[], private readonly typos = true) {
    this.phrases = patterns.flatMap(expandPattern).map(safetyWords).filter((p) => p.length > 0);
    this.vocabulary = [...new Set(this.phrases.flat())];
    this.compact = this.phrases.map((p) => p.join('').replace(/\*/g, '')).filter((c) => c.length >= COMPACT_MIN_LENGTH);
  }

  /** The first phrase found in the text (as normalised words), or undefined. */
  find(text: string): string | undefined {
    const words = safetyWords(text);
    const matchesOf = words.map((w) => new Set(this.vocabulary.filter((v) => wordMatches(v, w, this.typos))));
    for (const phrase of this.phrases) {
      for (let start = 0; start + phrase.length <= words.length; start += 1) {
        if (phrase.every((p, i) => matchesOf[start + i]?.has(p))) return phrase.join(' ');
      }
    }
    if (!this.typos) return undefined;
    const joined = words.join('');
    return this.compact.find((c) => joined.includes(c));
  }

  /** The text with every occurrence of the phrases taken out (used to remove figures of speech). */
  remove(text: string): string {
    const words = safetyWords(text);
    const keep = words.map(() => true);
    for (const phrase of this.phrases) {
      for (let start = 0; start + phrase.length <= words.length; start += 1) {
        if (phrase.every((p, i) => wordMatches(p, words[start + i] ?? '', this.typos))) {
          for (let i = 0; i < phrase.length; i += 1) keep[start + i] = false;
        }
      }
    }
    return words.filter((_, i) => keep[i]).join(' ');
  }
}

import { withinOneEdit } from '../understanding/edit-distance.js';
import { foldedWords, safetyWords, singleLetters } from './safety-text.js';

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
  return (match[1] ?? '').split('|').flatMap((alt) => expandPattern(`${before}${alt}${after}`));
}

/**
 * Finds maintained phrases in a message, tolerant of case, æøå spelt ae/o/a, doubled letters,
 * one typo per long word and a phrase typed without spaces. Fast on long messages: each
 * distinct word is looked up once, and only phrases starting with a matching word are tried.
 */
export class PhraseMatcher {
  private readonly phrasesByFirst = new Map<string, string[][]>();
  private readonly exact = new Set<string>();
  private readonly typoByLength = new Map<number, string[]>();
  private readonly prefixes: string[] = [];
  /** Phrases of COMPACT_MIN_LENGTH letters or more with the spaces taken out, and their lengths. */
  private readonly compact: Set<string>;
  private readonly compactLengths: number[];

  private readonly typos: boolean;
  private readonly typoMinLength: number;

  /**
   * `typos: false` for phrases that must match exactly (the figures of speech to ignore); a number
   * lets only phrase words at least that long carry a typo (default TYPO_MIN_LENGTH).
   */
  constructor(patterns: readonly string[], typos: boolean | number = true) {
    this.typos = typos !== false;
    this.typoMinLength = typeof typos === 'number' ? typos : TYPO_MIN_LENGTH;
    // The lists expand to some 140 000 phrases made of a few thousand words: each word is
    // normalised once (safetyWords of a phrase is that of its words, one after the other).
    const wordsOf = new Map<string, string[]>();
    const normalised = (phrase: string) =>
      phrase.split(/\s+/).flatMap((token) => {
        let words = wordsOf.get(token);
        if (!words) wordsOf.set(token, (words = safetyWords(token)));
        return words;
      });
    const phrases = patterns.flatMap(expandPattern).map(normalised).filter((p) => p.length > 0);
    for (const phrase of phrases) {
      const first = phrase[0] as string;
      const list = this.phrasesByFirst.get(first) ?? [];
      list.push(phrase);
      this.phrasesByFirst.set(first, list);
      for (const w of phrase) {
        if (w.endsWith('*')) {
          if (!this.prefixes.includes(w)) this.prefixes.push(w);
        } else if (!this.exact.has(w)) {
          this.exact.add(w);
          if (w.length >= this.typoMinLength) {
            const sameLength = this.typoByLength.get(w.length);
            if (sameLength) sameLength.push(w);
            else this.typoByLength.set(w.length, [w]);
          }
        }
      }
    }
    this.compact = new Set(
      this.typos ? phrases.map((p) => singleLetters(p.join('').replace(/\*/g, ''))).filter((c) => c.length >= COMPACT_MIN_LENGTH) : [],
    );
    this.compactLengths = [...new Set([...this.compact].map((c) => c.length))].sort((a, b) => a - b);
  }

  /** The first phrase found in the text (as normalised words), or undefined. */
  find(text: string): string | undefined {
    const words = safetyWords(text);
    const matches = this.matchesOf(words);
    for (let start = 0; start < words.length; start += 1) {
      for (const first of matches[start] ?? []) {
        for (const phrase of this.phrasesByFirst.get(first) ?? []) {
          if (phrase.every((p, i) => matches[start + i]?.has(p))) return phrase.join(' ');
        }
      }
    }
    if (this.compact.size === 0) return undefined;
    const joined = singleLetters(words.join(''));
    // Every piece of the joined message of a length some phrase has (not every phrase in turn).
    for (let start = 0; start < joined.length; start += 1) {
      for (const length of this.compactLengths) {
        if (start + length > joined.length) break;
        const piece = joined.slice(start, start + length);
        if (this.compact.has(piece)) return piece;
      }
    }
    return undefined;
  }

  /** The text with every occurrence of the phrases taken out (used to remove figures of speech). */
  remove(text: string): string {
    return this.removal(text).rest;
  }

  /** The text without the phrases, or undefined when it has none of them. */
  without(text: string): string | undefined {
    const { rest, removed } = this.removal(text);
    return removed ? rest : undefined;
  }

  /** What is left keeps each word as the classifier reads it (doubled letters too). */
  private removal(text: string): { rest: string; removed: boolean } {
    const shown = foldedWords(text);
    const words = shown.map(singleLetters);
    const matches = this.matchesOf(words);
    const keep = words.map(() => true);
    for (let start = 0; start < words.length; start += 1) {
      for (const first of matches[start] ?? []) {
        for (const phrase of this.phrasesByFirst.get(first) ?? []) {
          if (!phrase.every((p, i) => matches[start + i]?.has(p))) continue;
          for (let i = 0; i < phrase.length; i += 1) keep[start + i] = false;
        }
      }
    }
    return { rest: shown.filter((_, i) => keep[i]).join(' '), removed: keep.includes(false) };
  }

  /** For each word of a message, the phrase words it counts as; each distinct word looked up once. */
  private matchesOf(words: string[]): ReadonlySet<string>[] {
    const seen = new Map<string, ReadonlySet<string>>();
    return words.map((w) => {
      const known = seen.get(w);
      if (known) return known;
      const found = this.phraseWordsMatching(w);
      seen.set(w, found);
      return found;
    });
  }

  /** Every phrase word this message word counts as: itself, a one-typo neighbour, a prefix. */
  private phraseWordsMatching(word: string): ReadonlySet<string> {
    const found = new Set<string>();
    if (this.exact.has(word)) found.add(word);
    for (const p of this.prefixes) if (this.prefixMatches(p.slice(0, -1), word)) found.add(p);
    if (this.typos && word.length >= this.typoMinLength - 1) {
      for (let len = word.length - 1; len <= word.length + 1; len += 1) {
        for (const candidate of this.typoByLength.get(len) ?? []) {
          if (candidate !== word && withinOneEdit(candidate, word)) found.add(candidate);
        }
      }
    }
    return found;
  }

  private prefixMatches(stem: string, word: string): boolean {
    if (word.startsWith(stem)) return true;
    if (!this.typos || stem.length < this.typoMinLength) return false;
    for (const len of [stem.length - 1, stem.length, stem.length + 1]) {
      if (len <= word.length && withinOneEdit(word.slice(0, len), stem)) return true;
    }
    return false;
  }
}

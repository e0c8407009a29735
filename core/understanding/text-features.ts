import { foldText } from './normalize.js';

/**
 * What the classifier sees of a message: its words, its word pairs (word order: "ikke aap" is not
 * "aap ikke") and the 3–5-letter pieces of each word, which carry typos, dialect spellings and
 * inflections ("sjukmeldt", "sykmeldt", "sykemeldt" share most of theirs). All on folded text
 * (case, æøå as ae/o/a, accents), so a foreign keyboard reads like a Norwegian one.
 */

const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** A "word" of 2 000 letters gives no more pieces than one of this length. */
const MAX_WORD_FOR_GRAMS = 24;
/** Relative weight of each kind of feature before the whole vector is scaled to length 1. */
const WORD_WEIGHT = 1;
const PAIR_WEIGHT = 0.8;
const GRAM_WEIGHT = 0.5;

export function tokens(text: string): string[] {
  return foldText(text)
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Feature names with their raw weights (before scaling), for one message. */
export function featureCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string, weight: number): void => {
    counts.set(name, (counts.get(name) ?? 0) + weight);
  };
  const words = tokens(text);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    add(`w ${word}`, WORD_WEIGHT);
    add(`p ${i === 0 ? '^' : words[i - 1]} ${word}`, PAIR_WEIGHT);
    if (/^\p{N}+$/u.test(word)) continue;
    const padded = `<${word.slice(0, MAX_WORD_FOR_GRAMS)}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n += 1) {
      for (let s = 0; s + n <= padded.length; s += 1) add(`g ${padded.slice(s, s + n)}`, GRAM_WEIGHT);
    }
  }
  return counts;
}

export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
  /** How much of the message (0–1, by vector length) is made of features the vocabulary knows. */
  known: number;
}

/**
 * The message as a vector over a fixed vocabulary: counts dampened with log(1 + n), scaled so that
 * all its features, known or not, have length 1, then the unknown ones dropped. Long and short
 * messages weigh alike, and a message mostly of words never seen in training is a short vector,
 * weak evidence for anything ("hvem vinner eurovision i år" must not become AAP because of "år").
 */
export function vectorize(text: string, vocabulary: ReadonlyMap<string, number>): SparseVector {
  return vectorizeCounts(featureCounts(text), vocabulary);
}

/** As vectorize, from featureCounts computed already (training counts each example once). */
export function vectorizeCounts(counts: ReadonlyMap<string, number>, vocabulary: ReadonlyMap<string, number>): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  let knownNorm = 0;
  for (const [name, count] of counts) {
    const value = Math.log1p(count);
    norm += value * value;
    const index = vocabulary.get(name);
    if (index === undefined) continue;
    knownNorm += value * value;
    indices.push(index);
    values.push(value);
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { indices: Uint32Array.from(indices), values: Float32Array.from(values, (v) => v * scale), known: norm > 0 ? Math.sqrt(knownNorm / norm) : 0 };
}

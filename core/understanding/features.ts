import { StemmerNo } from '@nlpjs/lang-no';
import { editDistance } from './edit-distance.js';
import { foldText, words } from './normalize.js';

const stemmer = new StemmerNo();

/** How many typos a word of this length may carry and still be recognised. */
function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

const MIN_SPLIT_PART = 3;
/** Remembered repairs of unknown words; cleared when full so that a long-running bot stays small. */
const REPAIR_CACHE_LIMIT = 20000;

/**
 * Turns a message into the bag of features the classifier learns from: Norwegian stems
 * (lang-no's Snowball stemmer) of the words, after repairing words it has never seen
 * (a typo of a known word, two known words run together, or a compound written apart).
 */
export class FeatureExtractor {
  /** Known words by the length of their folded form (æøå as ae/o/a), for typo search. */
  private readonly byLength = new Map<number, { folded: string; word: string }[]>();
  private readonly folded = new Map<string, string>();
  private readonly repaired = new Map<string, string[]>();

  constructor(private readonly vocabulary: ReadonlySet<string>) {
    for (const word of vocabulary) {
      const folded = foldText(word);
      if (!this.folded.has(folded) || folded !== word) this.folded.set(folded, word);
      const list = this.byLength.get(folded.length) ?? [];
      list.push({ folded, word });
      this.byLength.set(folded.length, list);
    }
  }

  /** Builds an extractor whose vocabulary is every word of the given texts. */
  static fromTexts(texts: Iterable<string>): FeatureExtractor {
    const vocabulary = new Set<string>();
    for (const text of texts) for (const w of words(text)) vocabulary.add(w);
    return new FeatureExtractor(vocabulary);
  }

  /** The known words a message is read as, and how many words stayed unknown. */
  knownWords(text: string): { words: string[]; unknown: number } {
    const raw = words(text);
    const out: string[] = [];
    let unknown = 0;
    for (let i = 0; i < raw.length; i += 1) {
      const w = raw[i] as string;
      const next = raw[i + 1];
      if (next !== undefined && !this.vocabulary.has(w) && this.vocabulary.has(w + next)) {
        out.push(w + next);
        i += 1;
        continue;
      }
      const repaired = this.repair(w);
      if (repaired.length === 0) unknown += 1;
      else out.push(...repaired);
    }
    return { words: out, unknown };
  }

  /** Stems of the known words, and the share of the message's words that stayed unknown. */
  features(text: string): { features: Record<string, number>; unknownShare: number } {
    const { words: known, unknown } = this.knownWords(text);
    const features: Record<string, number> = {};
    for (const w of known) features[stem(w)] = 1;
    return { features, unknownShare: unknown === 0 ? 0 : unknown / (known.length + unknown) };
  }

  /** [word] when known, its repair when it can be repaired, [] when it stays unknown. */
  private repair(word: string): string[] {
    if (this.vocabulary.has(word)) return [word];
    const cached = this.repaired.get(word);
    if (cached) return cached;
    const folded = this.folded.get(foldText(word));
    const result = folded !== undefined ? [folded] : (this.closest(foldText(word)) ?? this.split(word) ?? []);
    if (this.repaired.size >= REPAIR_CACHE_LIMIT) this.repaired.clear();
    this.repaired.set(word, result);
    return result;
  }

  /** The known word nearest to a folded unknown word, within the typos its length allows. */
  private closest(word: string): string[] | undefined {
    const max = allowedTypos(word.length);
    if (max === 0 || /\d/.test(word)) return undefined;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (let len = word.length - max; len <= word.length + max; len += 1) {
      for (const { folded, word: candidate } of this.byLength.get(len) ?? []) {
        if (allowedTypos(folded.length) === 0) continue;
        const d = editDistance(word, folded, Math.min(max, bestDistance));
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best === undefined ? undefined : [best];
  }

  /** Two known words typed without a space ("snakkemed" → "snakke", "med"). */
  private split(word: string): string[] | undefined {
    for (let i = MIN_SPLIT_PART; i <= word.length - MIN_SPLIT_PART; i += 1) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (this.vocabulary.has(head) && this.vocabulary.has(tail)) return [head, tail];
    }
    return undefined;
  }
}

export function stem(word: string): string {
  return stemmer.stem(word);
}

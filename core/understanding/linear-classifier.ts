import { DEFAULT_LANG, type Lang } from '../language.js';
import type { IntentClassifier, IntentResult, Reading } from './classifier.js';
import { INTENT_IDS } from './intents.js';
import { detectLanguage } from './language-detect.js';
import { sentences } from './sentences.js';
import { SoftmaxModel, type TrainOptions } from './softmax-model.js';
import { featureCounts, vectorize, vectorizeCounts } from './text-features.js';
import type { TrainingExample } from './training-data.js';

/**
 * A sentence of a longer message speaks for the whole only when it is this sure of an intent,
 * and surer than the whole message is: "… jeg har vært syk lenge. kan jeg klage på vedtaket?"
 * is an appeal, though most of its words are about illness.
 */
const SENTENCE_WINS_AT = 0.6;

/**
 * A message of which the model knows less than this share (letter pieces included) is not read at
 * all: "xkcdqwv zzpt" shares a few pieces with greetings, which is no reason to ask about them (no
 * change in 5-fold cross-validation at this value).
 */
export const MIN_KNOWN = 0.3;

const MIN_WORDS_BESIDE_FIGURE = 3;

/**
 * Intent classification by a linear model over words, word pairs and letter pieces
 * (text-features.ts), trained at start-up from data/nlu in well under a second.
 */
export interface ClassifierOptions extends TrainOptions {
  /**
   * The message without its figures of speech, or undefined when it has none. A message read as
   * nothing is read again without them: "this form is killing me, where is the aap application"
   * is about AAP, though the examples teach that "… is killing me" alone is small talk.
   */
  withoutFigures?: (text: string) => string | undefined;
}

export class LinearIntentClassifier implements IntentClassifier {
  private constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly model: SoftmaxModel,
    private readonly withoutFigures?: (text: string) => string | undefined,
  ) {}

  static train(examples: readonly TrainingExample[], options: ClassifierOptions = {}): LinearIntentClassifier {
    // One pass: each example's features get their numbers, then its vector is made and its counts
    // let go (the same vocabulary and vectors as numbering all examples first).
    const vocabulary = new Map<string, number>();
    const vectors = examples.map((e) => {
      const counts = featureCounts(e.text);
      for (const name of counts.keys()) if (!vocabulary.has(name)) vocabulary.set(name, vocabulary.size);
      return vectorizeCounts(counts, vocabulary);
    });
    const labels = examples.map((e) => INTENT_IDS.indexOf(e.intent));
    const model = SoftmaxModel.train(vectors, labels, vocabulary.size, INTENT_IDS.length, options);
    return new LinearIntentClassifier(vocabulary, model, options.withoutFigures);
  }

  classify(text: string, lang?: Lang): IntentResult {
    const language = lang ?? detectLanguage(text) ?? DEFAULT_LANG;
    const [best, ...rest] = this.rank(text);
    if (!best) return { intent: 'none', score: 1, language, readings: [] };
    return { intent: best.intent, score: round(best.score), language, readings: [best, ...rest].slice(0, 3).map((r) => ({ intent: r.intent, score: round(r.score) })) };
  }

  /**
   * Every intent with its probability, best first. A message of several sentences is read whole
   * and sentence by sentence; a sentence that is clearly about one thing wins over the whole.
   */
  rank(text: string): Reading[] {
    const whole = this.rankSentences(text);
    if (whole[0] && whole[0].intent !== 'none') return whole;
    const literal = this.withoutFigures?.(text);
    // What is left must be a request of its own: "this form is killing me" leaves "this".
    if (!literal || literal.split(' ').length < MIN_WORDS_BESIDE_FIGURE) return whole;
    const plain = this.rankSentences(literal);
    return plain[0] && plain[0].intent !== 'none' && plain[0].score >= SENTENCE_WINS_AT ? plain : whole;
  }

  private rankSentences(text: string): Reading[] {
    const whole = this.rankOne(text);
    const parts = sentences(text);
    if (parts.length < 2) return whole;
    let best = whole;
    for (const part of parts) {
      const ranked = this.rankOne(part);
      const top = ranked[0];
      if (!top || top.intent === 'none' || top.score < SENTENCE_WINS_AT) continue;
      if (top.score > (best[0]?.intent === 'none' ? 0 : (best[0]?.score ?? 0))) best = ranked;
    }
    return best;
  }

  private rankOne(text: string): Reading[] {
    const vector = vectorize(text, this.vocabulary);
    if (vector.indices.length === 0 || vector.known < MIN_KNOWN) return [];
    const probabilities = this.model.probabilities(vector);
    return INTENT_IDS.map((intent, i) => ({ intent, score: probabilities[i] as number })).sort((a, b) => b.score - a.score);
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}


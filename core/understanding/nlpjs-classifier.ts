import { NeuralNetwork, type NeuralNetworkJson } from '@nlpjs/neural';
import { DEFAULT_LANG, type Lang } from '../language.js';
import type { IntentClassifier, IntentResult } from './classifier.js';
import { FeatureExtractor } from './features.js';
import { isIntentId, type IntentId } from './intents.js';
import { detectLanguage } from './language-detect.js';
import type { TrainingExample } from './training-data.js';

/** Below this score the answer is `none`: better to ask again than to guess wrong. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Words the classifier has never seen count towards `none`, as nlp.js's own "nonefeature" does:
 * "hvem vinner eurovision i år" must not become AAP because of "år".
 */
const UNKNOWN_FEATURE = '__unknown__';
/** The unknown share's weight; chosen by 5-fold cross-validation on the training data. */
const UNKNOWN_WEIGHT = 0.5;

export interface NlpjsModel {
  vocabulary: string[];
  /** Which features each intent saw in training; an intent sharing none with a message is out. */
  intentFeatures: Record<string, string[]>;
  network: NeuralNetworkJson;
}

/**
 * nlp.js's neural network (one perceptron per intent over Norwegian stems) used directly:
 * Nlp.process() is async only because its pipeline may be, so the same steps are run here
 * synchronously, the way nlp.js's NLU does them (features, run, drop intents with no shared
 * feature, square and normalise).
 */
export class NlpjsIntentClassifier implements IntentClassifier {
  private readonly extractor: FeatureExtractor;
  private readonly network: NeuralNetwork;
  private readonly intentFeatures: Map<string, Set<string>>;
  /** The trained model as plain JSON, for saving and for createIntentClassifier({ model }). */
  readonly model: NlpjsModel;

  private constructor(model: NlpjsModel, network: NeuralNetwork | undefined, private readonly threshold: number) {
    this.extractor = new FeatureExtractor(new Set(model.vocabulary));
    this.intentFeatures = new Map(Object.entries(model.intentFeatures).map(([k, v]) => [k, new Set(v)]));
    if (network) this.network = network;
    else {
      this.network = new NeuralNetwork();
      this.network.fromJSON(model.network);
    }
    this.model = model;
  }

  static train(examples: readonly TrainingExample[], threshold = DEFAULT_THRESHOLD): NlpjsIntentClassifier {
    const extractor = FeatureExtractor.fromTexts(examples.map((e) => e.text));
    const intentFeatures: Record<string, Set<string>> = {};
    const corpus = examples.map((e) => {
      const { features } = extractor.features(e.text);
      const seen = (intentFeatures[e.intent] ??= new Set());
      for (const f of Object.keys(features)) seen.add(f);
      return { input: features, output: { [e.intent]: 1 } };
    });
    corpus.push({ input: { [UNKNOWN_FEATURE]: 1 }, output: { none: 1 } });
    (intentFeatures.none ??= new Set()).add(UNKNOWN_FEATURE);
    const network = new NeuralNetwork({ log: false });
    network.train(corpus);
    const vocabulary = new Set<string>();
    for (const e of examples) for (const w of extractor.knownWords(e.text).words) vocabulary.add(w);
    const model: NlpjsModel = {
      vocabulary: [...vocabulary].sort(),
      intentFeatures: Object.fromEntries(Object.entries(intentFeatures).map(([k, v]) => [k, [...v].sort()])),
      network: network.toJSON(),
    };
    return new NlpjsIntentClassifier(model, network, threshold);
  }

  static load(model: NlpjsModel, threshold = DEFAULT_THRESHOLD): NlpjsIntentClassifier {
    return new NlpjsIntentClassifier(model, undefined, threshold);
  }

  classify(text: string, lang?: Lang): IntentResult {
    const language = lang ?? detectLanguage(text) ?? DEFAULT_LANG;
    const ranked = this.rank(text);
    const best = ranked[0];
    if (!best || best.intent === 'none' || best.score < this.threshold) {
      return { intent: 'none', score: round(best?.intent === 'none' ? best.score : 1 - (best?.score ?? 0)), language };
    }
    return { intent: best.intent, score: round(best.score), language };
  }

  /** Every intent with its score, best first (for evaluation and debugging). */
  rank(text: string): { intent: IntentId; score: number }[] {
    const { features, unknownShare } = this.extractor.features(text);
    if (Object.keys(features).length === 0) return [];
    if (unknownShare > 0) features[UNKNOWN_FEATURE] = unknownShare * UNKNOWN_WEIGHT;
    const keys = Object.keys(features);
    const raw = this.network.run(features) ?? {};
    const scored: { intent: IntentId; score: number }[] = [];
    let total = 0;
    for (const [intent, value] of Object.entries(raw)) {
      if (!isIntentId(intent) || value <= 0) continue;
      const known = this.intentFeatures.get(intent);
      if (!known || !keys.some((k) => known.has(k))) continue;
      const squared = value * value;
      total += squared;
      scored.push({ intent, score: squared });
    }
    if (total === 0) return [];
    return scored.map((s) => ({ intent: s.intent, score: s.score / total })).sort((a, b) => b.score - a.score);
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

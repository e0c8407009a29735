/**
 * Understanding free text: the public API the root dialog uses.
 *
 *   const classifier = await createIntentClassifier();   // once, at start-up
 *   classifier.classify(text, lang)                      // → { intent, score, language }
 *   detectLanguage(text)                                 // → 'nb' | 'nn' | 'en' | undefined
 */
import { DEFAULT_THRESHOLD, NlpjsIntentClassifier, type NlpjsModel } from './nlpjs-classifier.js';
import { loadTrainingExamples, NLU_DATA_DIR } from './training-data.js';
import type { IntentClassifier } from './classifier.js';

export type { IntentClassifier, IntentResult } from './classifier.js';
export { INTENT_IDS, CRISIS_INTENTS, isIntentId, type IntentId } from './intents.js';
export { detectLanguage } from './language-detect.js';
export { NlpjsIntentClassifier, DEFAULT_THRESHOLD, type NlpjsModel } from './nlpjs-classifier.js';

export interface ClassifierOptions {
  /** Folder with nb.json, nn.json, en.json training examples (default data/nlu/). */
  dataDir?: string;
  /** A model saved earlier with `classifier.model`; when given, nothing is trained. */
  model?: NlpjsModel;
  /** Below this score the answer is `none` (default 0.5). */
  threshold?: number;
}

/** Trains the default classifier from data/nlu/ (well under a second), or loads a saved model. */
export async function createIntentClassifier(options: ClassifierOptions = {}): Promise<IntentClassifier> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (options.model) return NlpjsIntentClassifier.load(options.model, threshold);
  return NlpjsIntentClassifier.train(loadTrainingExamples(options.dataDir ?? NLU_DATA_DIR), threshold);
}

/**
 * Understanding free text: the public API the root dialog uses.
 *
 *   const classifier = createIntentClassifier();   // once, at start-up (well under a second)
 *   classifier.classify(text, lang)                // → { intent, score, language, readings }
 *   decide(result)                                 // → act on it, ask which reading, or not understood
 *   detectLanguage(text)                           // → 'nb' | 'nn' | 'en' | undefined
 */
import { LinearIntentClassifier } from './linear-classifier.js';
import { loadTrainingExamples, NLU_DATA_DIR } from './training-data.js';
import type { IntentClassifier } from './classifier.js';
import { withoutFiguresOfSpeech } from '../safety/check-safety.js';

export type { IntentClassifier, IntentResult, Reading } from './classifier.js';
export { INTENT_IDS, CRISIS_INTENTS, isIntentId, type IntentId } from './intents.js';
export { detectLanguage } from './language-detect.js';
export { mostlyOtherScript } from './script.js';
export { LinearIntentClassifier } from './linear-classifier.js';
export { decide } from './decide.js';

/** Trains the classifier from data/nlu/ (or another folder of nb.json, nn.json, en.json). */
export function createIntentClassifier(dataDir = NLU_DATA_DIR): IntentClassifier {
  return LinearIntentClassifier.train(loadTrainingExamples(dataDir), { withoutFigures: withoutFiguresOfSpeech });
}

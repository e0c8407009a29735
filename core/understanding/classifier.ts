import type { Lang } from '../language.js';
import type { IntentId } from './intents.js';

/** What the bot understood a message to be about. */
export interface IntentResult {
  intent: IntentId;
  /** 0–1: how sure the classifier is. `none` when below the classifier's threshold. */
  score: number;
  /** The language the message is taken to be in: the one given, else the detected one, else nb. */
  language: Lang;
}

/**
 * Any engine that maps free text to an intent. The nlp.js one is the default; another engine
 * (or a planner backed by a language model) can replace it behind this interface.
 */
export interface IntentClassifier {
  /** Synchronous: no I/O after start-up. `lang` is the conversation's language, if known. */
  classify(text: string, lang?: Lang): IntentResult;
}

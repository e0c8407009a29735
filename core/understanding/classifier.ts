import type { Lang } from '../language.js';
import type { IntentId } from './intents.js';

/** One way of reading a message, with the classifier's probability for it. */
export interface Reading {
  intent: IntentId;
  score: number;
}

/** What the bot understood a message to be about. */
export interface IntentResult {
  intent: IntentId;
  /** 0–1: the classifier's probability for `intent`. */
  score: number;
  /** The language the message is taken to be in: the one given, else the detected one, else nb. */
  language: Lang;
  /** The likeliest readings, best first (at most three), for asking "did you mean …?". */
  readings: Reading[];
}

/**
 * Any engine that maps free text to an intent. The linear one is the default; another engine
 * (or a planner backed by a language model) can replace it behind this interface.
 */
export interface IntentClassifier {
  /** Synchronous: no I/O after start-up. `lang` is the conversation's language, if known. */
  classify(text: string, lang?: Lang): IntentResult;
}

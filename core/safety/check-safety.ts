import type { IntentClassifier } from '../understanding/classifier.js';
import { loadPhraseLists, SAFETY_KINDS, type PhraseLists, type SafetyKind } from './phrase-lists.js';
import { PhraseMatcher } from './phrase-matcher.js';

export interface SafetyHit {
  kind: SafetyKind;
  /** What found it: the maintained phrase lists, or the intent classifier backing them up. */
  via: 'phrases' | 'classifier';
}

/**
 * The classifier alone may raise a crisis alarm only when it is this sure, and only when the
 * message also has a word from the crisis vocabulary (`crisis_words` in data/safety). The phrase
 * lists are the floor; the classifier adds paraphrases of self-harm and violence the lists have
 * not met. Same-day need (emergency_aid) comes from the phrase lists only: outside a flow the root
 * already routes the classifier's rights.emergency_aid, and "i natt"/"i dag" alone must not alarm.
 */
export const CLASSIFIER_ALARM_SCORE = 0.85;

/**
 * Crisis words carry a typo only when this long: shorter ones are a typo away from everyday
 * words ("finnes" ~ "finne", "borte" ~ "bort").
 */
const CRISIS_WORD_TYPO_MIN_LENGTH = 7;

const INTENT_KIND: Record<string, SafetyKind> = {
  'crisis.self_harm': 'self_harm',
  'crisis.violence': 'violence',
};

/** Phrase matchers built from the lists; build one with your own lists in tests if needed. */
export class SafetyChecker {
  private readonly matchers: Record<SafetyKind, PhraseMatcher>;
  private readonly figuresOfSpeech: PhraseMatcher;
  private readonly crisisWords: PhraseMatcher;

  constructor(lists: PhraseLists = loadPhraseLists()) {
    this.matchers = {
      self_harm: new PhraseMatcher(lists.self_harm),
      violence: new PhraseMatcher(lists.violence),
      emergency_aid: new PhraseMatcher(lists.emergency_aid),
    };
    this.figuresOfSpeech = new PhraseMatcher(lists.not_crisis, false);
    this.crisisWords = new PhraseMatcher(lists.crisis_words, CRISIS_WORD_TYPO_MIN_LENGTH);
  }

  /** Self-harm first, then violence, then same-day need. */
  check(text: string, classifier?: IntentClassifier): SafetyHit | null {
    if (!text.trim()) return null;
    const figureOfSpeech = this.figuresOfSpeech.find(text) !== undefined;
    const literal = figureOfSpeech ? this.figuresOfSpeech.remove(text) : text;
    for (const kind of SAFETY_KINDS) {
      if (this.matchers[kind].find(literal)) return { kind, via: 'phrases' };
    }
    // The classifier reads the user's own words; a message with a known figure of speech is
    // left to the phrase lists.
    if (!classifier || figureOfSpeech) return null;
    const { intent, score } = classifier.classify(text);
    const kind = INTENT_KIND[intent];
    if (!kind || score < CLASSIFIER_ALARM_SCORE) return null;
    // The score is only relative to the other intents: a wish that shares little more than
    // "jeg vil" with the crisis examples ("jeg vil finne en jobb") once scored 0.998. A message
    // about dying, harm or danger has at least one word of the crisis vocabulary.
    return this.crisisWords.find(text) ? { kind, via: 'classifier' } : null;
  }
}

let defaultChecker: SafetyChecker | undefined;

/**
 * Run first on every user message, in every state. Returns what kind of help is needed now,
 * or null. Pass the intent classifier so that it can back up the phrase lists.
 */
export function checkSafety(text: string, classifier?: IntentClassifier): SafetyHit | null {
  defaultChecker ??= new SafetyChecker();
  return defaultChecker.check(text, classifier);
}

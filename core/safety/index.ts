/**
 * The crisis check: `checkSafety(text, classifier?)` runs first on every message.
 * Answers live in locales/<lang>/safety.json; help-line numbers in data/safety/helplines.json.
 */
export { checkSafety, SafetyChecker, CLASSIFIER_ALARM_SCORE, type SafetyHit } from './check-safety.js';
export { loadPhraseLists, SAFETY_KINDS, type SafetyKind, type PhraseLists } from './phrase-lists.js';
export { PhraseMatcher } from './phrase-matcher.js';
export { crisisAnswer, type CrisisAnswer } from './crisis-answer.js';

/**
 * The crisis check: `checkSafety(text, classifier?)` runs first on every message.
 * Answers live in locales/<lang>/safety.json; help-line numbers in data/safety/helplines.json.
 */
export {
  checkSafety,
  safetyLabel,
  SafetyChecker,
  withoutFiguresOfSpeech,
  CLASSIFIER_CRISIS_SCORE,
  CLASSIFIER_CHECK_IN_SCORE,
  CLASSIFIER_UNGATED_CHECK_IN_SCORE,
  type SafetyHit,
} from './check-safety.js';
export { loadPhraseLists, LIST_NAMES, type SafetyKind, type PhraseLists } from './phrase-lists.js';
export { PhraseMatcher } from './phrase-matcher.js';
export { crisisAnswer } from './crisis-answer.js';
export { helplineValues } from './helplines.js';

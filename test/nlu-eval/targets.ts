/** Targets from issue 14 and shared/specs/understanding.md; eval:nlu and the tests read them. */
export const TARGETS = {
  minHeldOutMessages: 600,
  minAccuracyPerLanguage: 0.92,
  minCrossValidatedAccuracy: 0.88,
  /** Crisis messages that get the crisis text or the check-in. */
  minCrisisRecall: 1,
  /** Ordinary messages that get the crisis text. */
  maxCrisisTextOnOrdinary: 0.01,
  /** Ordinary messages that get the check-in question. */
  maxCheckInOnOrdinary: 0.03,
  maxTrainMs: 3000,
  maxMedianClassifyMs: 5,
} as const;

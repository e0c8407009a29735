/** Targets from the brief and shared/specs/understanding.md; the mocha tests and eval:nlu use them. */
export const TARGETS = {
  minAccuracyPerLanguage: 0.92,
  minCrisisRecall: 1,
  maxFalseAlarmRate: 0.02,
  maxTrainOrLoadMs: 3000,
  maxMedianClassifyMs: 5,
  minEvalMessages: 300,
} as const;

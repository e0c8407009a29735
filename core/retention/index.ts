export { expiryFrom, isExpired, isOpenHandoff, shouldSweepRecord, HANDOFF_KIND, OPEN_HANDOFF_STATES } from './policy.js';
export type { RetainedRecord } from './policy.js';

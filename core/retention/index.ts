export { expiryFrom, isExpired, isOpenHandoff, shouldSweepRecord, HANDOFF_KIND, OPEN_HANDOFF_STATES, CHANNEL_SESSION_KIND } from './policy.js';
export type { RetainedRecord } from './policy.js';
export { startRetentionSweep, DEFAULT_SWEEP_INTERVAL_MS } from './scheduler.js';
export type { SweepSchedule, SweepHandle } from './scheduler.js';

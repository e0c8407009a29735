export { redact, REDACTION_KINDS, NEUTRAL_PLACEHOLDER, PUBLIC_PHONE_NUMBERS } from './redact.js';
export type { RedactionKind, RedactionResult, RedactOptions } from './redact.js';
export { hasValidPersonNumberControls, hasValidAccountControl, isDNumber } from './checksums.js';

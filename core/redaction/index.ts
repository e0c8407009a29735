export { redact, REDACTION_KINDS, NEUTRAL_PLACEHOLDER, PUBLIC_PHONE_NUMBERS } from './redact.js';
export type { RedactionKind, RedactionResult, RedactOptions } from './redact.js';
export { hasValidAccountControl } from './checksums.js';
export { personNumberKind } from './personNumber.js';
export { normalizeForRedaction } from './normalizeText.js';
export { isRedactedAtEdge, markRedactedAtEdge, redactDeep } from './edge.js';

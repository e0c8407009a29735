export { redact } from './redact.js';
export type { RedactionKind, RedactionResult } from './redact.js';
export { isRedactedAtEdge, markRedactedAtEdge, redactDeep } from './edge.js';

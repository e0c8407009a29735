export { hashResumeCode, newResumeCode, normalizeResumeCode, RESUME_ALPHABET, RESUME_CODE_BITS } from './code.js';

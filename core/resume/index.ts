export { hashResumeCode, newResumeCode, normalizeResumeCode, RESUME_ALPHABET, RESUME_CODE_BITS, RESUME_CODE_LENGTH } from './code.js';

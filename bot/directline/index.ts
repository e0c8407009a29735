export { LocalDirectLine } from './localDirectLine.js';
export { MemoryDirectLineStore } from './memoryStore.js';
export { type DirectLineStore } from './store.js';
export type { RateLimitOptions } from './rateLimit.js';

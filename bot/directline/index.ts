export { LocalDirectLine, type LocalDirectLineOptions, type DirectLineLog } from './localDirectLine.js';
export { MemoryDirectLineStore, DEFAULT_LOG_CAP, DEFAULT_MAX_CONVERSATIONS, type MemoryStoreOptions } from './memoryStore.js';
export {
  activityId,
  UnknownConversationError,
  type ConversationRecord,
  type Delivery,
  type DirectLineStore,
  type LoggedActivity,
  type Unsubscribe,
} from './store.js';
export type { RateLimitOptions } from './rateLimit.js';

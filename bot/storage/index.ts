export { createStores, uniqueSchemaName } from './createStores.js';
export type { Stores,  } from './createStores.js';
export type { ConversationStorage } from './conversationStorage.js';
;
export {  RecordConflictError, UnreadableConfigError } from './recordStore.js';
export type {
  
  
  Claim,
  
  
  
  
  RecordStore,
  
} from './recordStore.js';
export { sweepStores, startStoreSweeper } from './sweep.js';
;
export { RecordDirectLineStore,  } from './directLineRecords.js';
;
export { DataDirInUseError } from './processLock.js';
export { TurnSafeStorage } from './turnSafeStorage.js';
export { KeyedLock } from './keyedLock.js';
export { serializeTurns } from './serializeTurns.js';
;

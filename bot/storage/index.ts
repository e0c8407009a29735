export { createStores, uniqueSchemaName } from './createStores.js';
export type { Stores, StoresConfig } from './createStores.js';
export type { ConversationStorage } from './conversationStorage.js';
export { conversationOfKey } from './conversationStorage.js';
export { DamagedRecordError, RecordConflictError, UnreadableConfigError } from './recordStore.js';
export type {
  AuditEntry,
  AuditRecord,
  Claim,
  DeletionCount,
  ListFilter,
  LogEntry,
  RecordInput,
  RecordStore,
  StoredRecord,
} from './recordStore.js';
export { sweepStores, startStoreSweeper } from './sweep.js';
export type { SweepReport } from './sweep.js';
export { RecordDirectLineStore, DIRECTLINE_LOG } from './directLineRecords.js';
export type { RecordDirectLineStoreOptions } from './directLineRecords.js';
export { DataDirInUseError } from './processLock.js';
export { TurnSafeStorage } from './turnSafeStorage.js';
export { KeyedLock } from './keyedLock.js';
export { serializeTurns } from './serializeTurns.js';
export type { SerializeTurnsOptions } from './serializeTurns.js';

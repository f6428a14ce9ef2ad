/** Public surface of the conversation stores. */
export type { StoreBackend, StoreConfig } from './factory.js';
export { createStore } from './factory.js';
export type { MemoryStoreOptions } from './memory.js';
export { createMemoryStore } from './memory.js';
export type { RedisStoreOptions } from './redis.js';
export { createRedisStore, redactRedisUrl } from './redis.js';
export type { SqliteStoreOptions } from './sqlite.js';
export { createSqliteStore } from './sqlite.js';
export type { CasResult, ConversationStore, StoreOptions, Versioned } from './types.js';

import { createMemoryStore } from './memory.js';
import { createRedisStore } from './redis.js';
import { createSqliteStore } from './sqlite.js';
import type { ConversationStore, StoreOptions } from './types.js';

/** Where conversations are kept; chosen by configuration. */
export type StoreBackend =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string };

/** Everything `createStore` needs: the backend plus the shared options (idle TTL, namespace). */
export type StoreConfig = StoreBackend & StoreOptions;

/**
 * Opens the configured store. SQLite creates the file's directory; Redis connects (and fails within a couple of
 * seconds when unreachable). Misuse, such as an unknown kind, fails with a sentence listing the valid kinds.
 */
export async function createStore<T>(config: StoreConfig): Promise<ConversationStore<T>> {
  const options: StoreOptions = { ttlMs: config.ttlMs };
  if (config.namespace !== undefined) options.namespace = config.namespace;
  switch (config.kind) {
    case 'memory':
      return createMemoryStore<T>(options);
    case 'sqlite':
      return createSqliteStore<T>({ ...options, path: config.path });
    case 'redis':
      return createRedisStore<T>({ ...options, url: config.url });
    default: {
      const unknownKind: unknown = (config as { kind?: unknown }).kind;
      throw new Error(
        `Unknown conversation store kind ${JSON.stringify(unknownKind)}; use "memory", "sqlite" (with path) or "redis" (with url).`,
      );
    }
  }
}

import { KeyedMutex } from './keyed-mutex.js';
import { createPlainKeyv } from './plain-keyv.js';
import { decodeRecord, resolveOptions, storageKey } from './record.js';
import type { CasResult, ConversationStore, StoreOptions, Versioned } from './types.js';

export interface MemoryStoreOptions extends StoreOptions {
  /**
   * The backing map. Stores created over the same map share data (and one lock per key), like two
   * connections to one database; tests use this to show namespace isolation and a "restart". Default: a new,
   * private map.
   */
  map?: Map<string, unknown>;
}

/** One lock set per backing map, so every store over that map serialises the same keys. */
const mutexes = new WeakMap<Map<string, unknown>, KeyedMutex>();

function mutexFor(map: Map<string, unknown>): KeyedMutex {
  let mutex = mutexes.get(map);
  if (mutex === undefined) {
    mutex = new KeyedMutex();
    mutexes.set(map, mutex);
  }
  return mutex;
}

/**
 * A `ConversationStore` on keyv's in-memory `Map` store: for tests, the terminal chat and single-process
 * development. Data lives as long as the map. Every operation on a key runs under that key's lock, so a
 * compare-and-set's read and write cannot interleave with another operation on the same key.
 */
export function createMemoryStore<T>(opts: MemoryStoreOptions): ConversationStore<T> {
  const { namespace, ttlMs } = resolveOptions(opts);
  const map = opts.map ?? new Map<string, unknown>();
  const keyv = createPlainKeyv<Versioned<T>>(map);
  const mutex = mutexFor(map);
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new Error(`The memory conversation store "${namespace}" is closed; create a new one.`);
  };

  // keyv.get deletes a record it finds expired; running it under the lock keeps that delete from racing
  // with a concurrent write of a fresh record.
  const read = async (fullKey: string): Promise<Versioned<T> | undefined> =>
    decodeRecord<T>(await keyv.get(fullKey, { raw: true }), Date.now());

  return {
    async get(key) {
      ensureOpen();
      const fullKey = storageKey(namespace, key);
      return mutex.run(fullKey, () => read(fullKey));
    },

    async compareAndSet(key, expectedVersion, value): Promise<CasResult> {
      ensureOpen();
      const fullKey = storageKey(namespace, key);
      return mutex.run(fullKey, async (): Promise<CasResult> => {
        const currentVersion = (await read(fullKey))?.version ?? 0;
        if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
        const version = expectedVersion + 1;
        await keyv.set(fullKey, { value, version }, ttlMs);
        return { ok: true, version };
      });
    },

    async delete(key) {
      ensureOpen();
      const fullKey = storageKey(namespace, key);
      await mutex.run(fullKey, () => keyv.delete(fullKey));
    },

    async close() {
      closed = true;
    },
  };
}

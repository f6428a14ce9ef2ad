/**
 * Versioned conversation storage with compare-and-set.
 *
 * Contract (shared by every implementation and proven by `test/engine/store/conformance.ts`):
 * - `get` returns the stored value and its version, or `undefined` when absent or expired.
 * - `compareAndSet(key, expected, value)` writes only when the stored version equals `expected`
 *   (`0` means "must not exist yet"), then returns the new version (`expected + 1`). Otherwise it writes
 *   nothing and returns the version actually stored (`0` when absent). Two writers racing with the same
 *   `expected` version: exactly one wins.
 * - Every successful write (re)starts the record's time to live; an idle record disappears after `ttlMs`.
 * - Values are JSON: what goes in comes out deep-equal.
 */
export type CasResult = { ok: true; version: number } | { ok: false; currentVersion: number };

export interface Versioned<T> {
  value: T;
  version: number;
}

export interface ConversationStore<T> {
  get(key: string): Promise<Versioned<T> | undefined>;
  compareAndSet(key: string, expectedVersion: number, value: T): Promise<CasResult>;
  delete(key: string): Promise<void>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Idle time to live of a record, in milliseconds. */
  ttlMs: number;
  /** Namespace prefix for keys, so several stores can share one database. */
  namespace?: string;
}

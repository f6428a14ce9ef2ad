/**
 * The on-disk shape shared by every store implementation, and the rules for reading it.
 *
 * Records use keyv's own layout, `{"value": <payload>, "expires": <epoch ms>}` serialised as plain JSON, so a
 * plain `Keyv` instance over the same backend can read them. The payload is `{ value, version }`. Redis records
 * omit `expires` (the key carries a native PX expiry instead).
 */
import type { StoreOptions, Versioned } from './types.js';

/** Namespace used when `StoreOptions.namespace` is not given. */
export const DEFAULT_NAMESPACE = 'conversation';

/** Keyv's stored envelope around our versioned payload. */
export interface StoredRecord<T> {
  value: Versioned<T>;
  expires?: number;
}

/**
 * The backend key of a conversation: `<namespace>:<key>`. Namespaces contain no `:`, so the first `:` splits a
 * backend key unambiguously and two namespaces never collide
 * (keyv's own prefixing skips keys that already start with the namespace, which would let `a:b` in namespace
 * `a` collide with `b`; that is why every store builds keys here and runs keyv with `useKeyPrefix: false`).
 */
export function storageKey(namespace: string, key: string): string {
  return `${namespace}:${key}`;
}

/** Resolves the namespace and checks `ttlMs`; throws a sentence naming the valid range when it is wrong. */
export function resolveOptions(opts: StoreOptions): { namespace: string; ttlMs: number } {
  if (!Number.isSafeInteger(opts.ttlMs) || opts.ttlMs <= 0) {
    throw new RangeError(
      `Store ttlMs must be a positive whole number of milliseconds (for example 86400000 for one day); got ${String(opts.ttlMs)}.`,
    );
  }
  const namespace = opts.namespace ?? DEFAULT_NAMESPACE;
  if (namespace.length === 0 || namespace.includes(':')) {
    throw new RangeError(
      `Store namespace must be a non-empty string without ":" (it separates namespace and key), or omitted to use "${DEFAULT_NAMESPACE}"; got ${JSON.stringify(namespace)}.`,
    );
  }
  return { namespace, ttlMs: opts.ttlMs };
}

/** Serialises a record in keyv's layout. `expiresAt` is omitted for backends with native expiry. */
export function encodeRecord<T>(value: T, version: number, expiresAt?: number): string {
  const record: StoredRecord<T> = { value: { value, version } };
  if (expiresAt !== undefined) record.expires = expiresAt;
  return JSON.stringify(record);
}

/** keyv's expiry rule: a record is expired once the clock has passed `expires`. */
export function isExpired(expires: unknown, now: number): boolean {
  return typeof expires === 'number' && now > expires;
}

/**
 * Reads a stored record (a JSON string, or an already-parsed object) and returns its payload, or `undefined`
 * when it is absent, expired at `now`, or not a record this module wrote. Malformed data reads as absent, the
 * same way compare-and-set treats it (version 0).
 */
export function decodeRecord<T>(raw: unknown, now: number): Versioned<T> | undefined {
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (!isObject(parsed) || isExpired(parsed.expires, now)) return undefined;
  const payload = parsed.value;
  if (!isObject(payload) || !isVersion(payload.version) || !('value' in payload)) return undefined;
  return { value: payload.value as T, version: payload.version };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * A small "remember the last thing posted here" store, keyed by a string: what the Slack adapter's open questions,
 * the Teams adapter's open cards and the agents' rooms' thread controls each keep, so buttons can be taken off
 * later — by this process or, with a shared store, by another instance after a restart.
 *
 * - {@link memoryRemembered}: this process's memory, bounded: past `limit` keys the least recently remembered is
 *   forgotten (re-remembering a key makes it the newest).
 * - {@link keyvRemembered}: the configured keyv store (SQLite file or Redis), each entry kept `ttlMs`.
 *
 * `take` reads and forgets, only when `accept` agrees (left in place otherwise). In memory it is synchronous, so of
 * two turns racing on one key exactly one takes it; with a shared store both may take it (callers make acting on it
 * twice harmless). Losing an entry only leaves old buttons in place, which the engine or the desk then refuses.
 */
import type { Keyv } from 'keyv';

export interface Remembered<T> {
  get(key: string): Promise<T | undefined>;
  remember(key: string, value: T): Promise<void>;
  /** Removes and returns the value when `accept` agrees (a value left in place otherwise). */
  take(key: string, accept?: (value: T) => boolean): Promise<T | undefined>;
  close(): Promise<void>;
}

export const MAX_REMEMBERED = 10_000;

export function memoryRemembered<T>(limit = MAX_REMEMBERED): Remembered<T> & { readonly size: number } {
  const values = new Map<string, T>();
  return {
    get size() {
      return values.size;
    },
    async get(key) {
      return values.get(key);
    },
    async remember(key, value) {
      values.delete(key);
      values.set(key, value);
      if (values.size > limit) {
        const oldest = values.keys().next().value;
        if (oldest !== undefined) values.delete(oldest);
      }
    },
    async take(key, accept = () => true) {
      const value = values.get(key);
      if (value === undefined || !accept(value)) return undefined;
      values.delete(key);
      return value;
    },
    async close() {},
  };
}

export function keyvRemembered<T>(keyv: Keyv<T>, ttlMs: number): Remembered<T> {
  return {
    async get(key) {
      return (await keyv.get(key)) ?? undefined;
    },
    async remember(key, value) {
      await keyv.set(key, value, ttlMs);
    },
    async take(key, accept = () => true) {
      const value = (await keyv.get(key)) ?? undefined;
      if (value === undefined || !accept(value)) return undefined;
      await keyv.delete(key);
      return value;
    },
    close: () => keyv.disconnect(),
  };
}

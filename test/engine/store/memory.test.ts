import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/engine/store/memory.js';
import { type Json, runStoreConformance } from './conformance.js';

// One map for the whole suite: stores over it behave like connections to one database.
const sharedMap = new Map<string, unknown>();
runStoreConformance('memory', async (options) => createMemoryStore<Json>({ ...options, map: sharedMap }));

describe('createMemoryStore', () => {
  it('serialises two compare-and-set calls with the same expected version: exactly one wins', async () => {
    const store = createMemoryStore<string>({ ttlMs: 60_000 });
    const [a, b] = await Promise.all([store.compareAndSet('k', 0, 'a'), store.compareAndSet('k', 0, 'b')]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(await store.get('k')).toEqual({ value: a.ok ? 'a' : 'b', version: 1 });
  });

  it('keeps stores without a shared map apart', async () => {
    const first = createMemoryStore<string>({ ttlMs: 60_000 });
    const second = createMemoryStore<string>({ ttlMs: 60_000 });
    await first.compareAndSet('k', 0, 'only in first');
    expect(await second.get('k')).toBeUndefined();
  });

  it('stores keyv-format records under "<namespace>:<key>", readable as plain JSON', async () => {
    const map = new Map<string, unknown>();
    const store = createMemoryStore<{ a: number }>({ ttlMs: 60_000, namespace: 'chat', map });
    await store.compareAndSet('web:42', 0, { a: 1 });
    const raw = map.get('chat:web:42');
    expect(typeof raw).toBe('string');
    expect(JSON.parse(String(raw))).toEqual({
      value: { value: { a: 1 }, version: 1 },
      expires: expect.any(Number),
    });
  });

  it('refuses use after close with a sentence saying so', async () => {
    const store = createMemoryStore<string>({ ttlMs: 60_000, namespace: 'closing' });
    await store.close();
    await expect(store.get('k')).rejects.toThrow(/memory conversation store "closing" is closed/);
  });
});

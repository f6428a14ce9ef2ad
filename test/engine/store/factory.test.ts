import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, type StoreConfig } from '../../../src/engine/store/factory.js';

const dir = mkdtempSync(join(tmpdir(), 'store-factory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createStore', () => {
  it('opens a working memory store', async () => {
    const store = await createStore<string>({ kind: 'memory', ttlMs: 60_000 });
    expect(await store.compareAndSet('k', 0, 'v')).toEqual({ ok: true, version: 1 });
    expect(await store.get('k')).toEqual({ value: 'v', version: 1 });
    await store.close();
  });

  it('opens a SQLite store at the configured path, with the namespace', async () => {
    const path = join(dir, 'state', 'bot.sqlite');
    const store = await createStore<string>({ kind: 'sqlite', path, ttlMs: 60_000, namespace: 'bot' });
    await store.compareAndSet('k', 0, 'v');
    await store.close();
    expect(existsSync(path)).toBe(true);
    const reopened = await createStore<string>({ kind: 'sqlite', path, ttlMs: 60_000, namespace: 'bot' });
    expect(await reopened.get('k')).toEqual({ value: 'v', version: 1 });
    await reopened.close();
    const otherNamespace = await createStore<string>({ kind: 'sqlite', path, ttlMs: 60_000 });
    expect(await otherNamespace.get('k')).toBeUndefined();
    await otherNamespace.close();
  });

  it('passes the Redis URL through (an unreachable one fails to open)', async () => {
    await expect(createStore({ kind: 'redis', url: 'redis://127.0.0.1:1', ttlMs: 1000 })).rejects.toThrow(
      'Could not connect to Redis at redis://127.0.0.1:1',
    );
  });

  it('rejects an unknown kind with a sentence listing the valid kinds', async () => {
    const config = { kind: 'postgres', ttlMs: 1000 } as unknown as StoreConfig;
    await expect(createStore(config)).rejects.toThrow(
      'Unknown conversation store kind "postgres"; use "memory", "sqlite" (with path) or "redis" (with url).',
    );
  });

  it('rejects a TTL that is not a positive whole number of milliseconds', async () => {
    for (const ttlMs of [0, -1, 1.5, Number.NaN]) {
      await expect(createStore({ kind: 'memory', ttlMs })).rejects.toThrow(/ttlMs must be a positive whole/);
    }
  });
});

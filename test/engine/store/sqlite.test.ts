import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/engine/store/sqlite.js';
import { type Json, runStoreConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
// A nested, not-yet-existing directory: the store must create it.
const sharedFile = join(dir, 'nested', 'data', 'conversations.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every store in the suite opens the same file: two calls are two processes, or one before and after a restart.
runStoreConformance('sqlite', async (options) => createSqliteStore<Json>({ ...options, path: sharedFile }));

/** Runs one statement on the file through a separate connection, as another program would. */
async function rawQuery(
  file: string,
  sql: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const db = new Database(file);
  try {
    const statement = db.prepare<unknown[], Record<string, unknown>>(sql);
    if (statement.reader) return statement.all(...params);
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}

describe('createSqliteStore', () => {
  it('races two store instances on one file through many rounds: each round has exactly one winner', async () => {
    const file = join(dir, 'race.sqlite');
    const [first, second] = await Promise.all([
      createSqliteStore<number>({ ttlMs: 60_000, path: file }),
      createSqliteStore<number>({ ttlMs: 60_000, path: file }),
    ]);
    try {
      for (let expected = 0; expected < 5; expected += 1) {
        const results = await Promise.all([
          first.compareAndSet('round', expected, 1),
          second.compareAndSet('round', expected, 2),
          first.compareAndSet('round', expected, 3),
          second.compareAndSet('round', expected, 4),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
      }
      expect((await second.get('round'))?.version).toBe(5);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('keeps keyv table layout and record format, with the version inside the JSON', async () => {
    const file = join(dir, 'layout.sqlite');
    const store = await createSqliteStore<{ step: string }>({ ttlMs: 60_000, path: file, namespace: 'chat' });
    await store.compareAndSet('teams:abc', 0, { step: '確認' });
    await store.close();
    const rows = await rawQuery(file, 'SELECT key, value FROM conversations');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toBe('chat:teams:abc');
    expect(JSON.parse(String(rows[0]?.value))).toEqual({
      value: { value: { step: '確認' }, version: 1 },
      expires: expect.any(Number),
    });
  });

  it('sweeps expired records of its namespace when opened, and leaves other namespaces alone', async () => {
    const file = join(dir, 'sweep.sqlite');
    await (await createSqliteStore({ ttlMs: 60_000, path: file })).close(); // creates the table
    const past = JSON.stringify({ value: { value: 'old', version: 3 }, expires: Date.now() - 1000 });
    await rawQuery(file, 'INSERT INTO conversations (key, value) VALUES (?, ?), (?, ?)', [
      'mine:old',
      past,
      'other:old',
      past,
    ]);
    const store = await createSqliteStore<string>({ ttlMs: 60_000, path: file, namespace: 'mine' });
    await store.close();
    const keys = (await rawQuery(file, 'SELECT key FROM conversations ORDER BY key')).map((row) => row.key);
    expect(keys).toEqual(['other:old']);
  });

  it('treats an expired row as absent for compare-and-set without waiting for the sweep', async () => {
    const file = join(dir, 'expired-row.sqlite');
    const store = await createSqliteStore<string>({ ttlMs: 60_000, path: file, namespace: 'ns' });
    try {
      const past = JSON.stringify({ value: { value: 'old', version: 4 }, expires: Date.now() - 1 });
      await rawQuery(file, 'INSERT INTO conversations (key, value) VALUES (?, ?)', ['ns:k', past]);
      expect(await store.compareAndSet('k', 4, 'stale')).toEqual({ ok: false, currentVersion: 0 });
      expect(await store.compareAndSet('k', 0, 'new')).toEqual({ ok: true, version: 1 });
      expect(await store.get('k')).toEqual({ value: 'new', version: 1 });
    } finally {
      await store.close();
    }
  });

  it('fails to open with a sentence naming the file when the path is unusable', async () => {
    const notADirectory = join(dir, 'layout.sqlite', 'inside.sqlite');
    await expect(createSqliteStore({ ttlMs: 1000, path: notADirectory })).rejects.toThrow(
      `SQLite conversation store at ${notADirectory}`,
    );
  });
});

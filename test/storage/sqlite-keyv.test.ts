/**
 * The Keyv adapter on better-sqlite3 (receipts, de-duplication marks, agent sessions with STORE=sqlite): values
 * round-trip, a time to live expires them, deletes and namespace clears work, and what one instance wrote another
 * instance on the same file (a restart, a second process) reads. The table keeps `@keyv/sqlite`'s layout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openKeyv } from '../../src/storage/open-keyv.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-keyv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = { STORE: 'sqlite' as const, SQLITE_PATH: join(dir, 'nested', 'conversations.sqlite') };

describe('openKeyv on SQLite (better-sqlite3)', () => {
  it('stores, expires, deletes and survives a reopen', async () => {
    const first = await openKeyv<{ n: number }>(config, 'sample-records');
    await first.set('kept', { n: 1 });
    await first.set('short', { n: 2 }, 30);
    await first.set('gone', { n: 3 });
    expect(await first.get('kept')).toEqual({ n: 1 });
    expect(await first.delete('gone')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await first.get('short')).toBeUndefined();
    await first.disconnect();

    const second = await openKeyv<{ n: number }>(config, 'sample-records');
    expect(await second.get('kept')).toEqual({ n: 1 });
    expect(await second.get('gone')).toBeUndefined();
    expect(await second.has('kept')).toBe(true);
    await second.clear();
    expect(await second.get('kept')).toBeUndefined();
    await second.disconnect();
  });

  it('keeps the @keyv/sqlite table layout: (key, value) rows in <name>.sqlite, table <name with underscores>', async () => {
    const keyv = await openKeyv<string>(config, 'layout-check');
    await keyv.set('a', 'x');
    await keyv.disconnect();
    const db = new Database(join(dir, 'nested', 'layout-check.sqlite'), { readonly: true });
    try {
      const columns = db.prepare('PRAGMA table_info(layout_check)').all() as { name: string }[];
      expect(columns.map((column) => column.name)).toEqual(['key', 'value']);
      const row = db.prepare('SELECT key, value FROM layout_check').get() as { key: string; value: string };
      expect(row.key).toBe('layout-check:a');
      expect(JSON.parse(row.value)).toEqual(expect.objectContaining({ value: 'x' }));
    } finally {
      db.close();
    }
  });
});

/**
 * The SQLite audit schema follows PostgreSQL's rule: versioned migrations applied by `npm run db:migrate`, the bot
 * only checks the version — except that a new or empty file (the embedded default's first start) gets its schema
 * from the bot, so `npm start` needs no extra step, and outside production an older file is upgraded too. In
 * production a file at an older version (here: one whose table an older bot created at start, without a version
 * table) refuses to open with one line naming `npm run db:migrate`, and the start-up error names SQLITE_PATH.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, toRow } from '../../src/audit-log/log.js';
import { migrateSqliteAuditFile } from '../../src/audit-log/migrate-cli.js';
import { auditSqlitePath, openAuditLog } from '../../src/audit-log/open.js';
import {
  LATEST_SQLITE_SCHEMA_VERSION,
  readSqliteSchemaVersion,
  SQLITE_MIGRATIONS,
} from '../../src/audit-log/sqlite-migrations.js';
import { loadConfig } from '../../src/config.js';
import { describeStartupFailure } from '../../src/startup.js';
import { sampleEntry } from './support.js';

let dir = '';
let dirs = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-sqlite-migrations-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A configuration whose audit file is new, in a directory of its own. */
function configIn(env: Record<string, string> = {}) {
  dirs += 1;
  // (Production needs a backend URL; nothing here calls it.)
  const backend = env.NODE_ENV === 'production' ? { BACKEND_URL: 'http://127.0.0.1:9' } : {};
  return loadConfig({ SQLITE_PATH: join(dir, `d${dirs}`, 'conversations.sqlite'), ...backend, ...env });
}

/** The audit file as an older bot left it: the table made at start, no version table; one entry in it. */
function legacyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.exec(SQLITE_MIGRATIONS[0]?.sql('audit_log') ?? '');
  db.prepare(
    `INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  ).run(...toRow(sampleEntry()));
  db.close();
}

const versionOf = (path: string): number | undefined => {
  const db = new Database(path, { readonly: true });
  try {
    return readSqliteSchemaVersion(db, 'audit_log');
  } finally {
    db.close();
  }
};

describe('SQLite audit schema migrations', () => {
  it('the embedded default (development, new file): the bot applies the migrations itself', async () => {
    const config = configIn();
    const log = await openAuditLog(config);
    await log.append([sampleEntry()]);
    await log.close();
    expect(versionOf(auditSqlitePath(config))).toBe(LATEST_SQLITE_SCHEMA_VERSION);
    // And opens it again as it is.
    await (await openAuditLog(config)).close();
  });

  it('production with a new file (a first start): the bot applies the migrations too', async () => {
    const config = configIn({ NODE_ENV: 'production' });
    await (await openAuditLog(config)).close();
    expect(versionOf(auditSqlitePath(config))).toBe(LATEST_SQLITE_SCHEMA_VERSION);
  });

  it('production: an older file is never upgraded by the bot — refused, one line naming npm run db:migrate', async () => {
    const config = configIn({ NODE_ENV: 'production' });
    const path = auditSqlitePath(config);
    legacyFile(path);

    const failure = await openAuditLog(config).then(
      () => undefined,
      (error: unknown) => error,
    );
    const line = describeStartupFailure(failure, config);
    expect(line.variable).toBe('SQLITE_PATH');
    expect(line.message).toMatch(/unversioned \(created by an older bot\).*npm run db:migrate/);
    expect(line.message.split('\n')).toHaveLength(1);
    expect(versionOf(path)).toBeUndefined();
  });

  it('outside production the bot upgrades an older file itself (the demo data directory), keeping its entries', async () => {
    const config = configIn();
    const path = auditSqlitePath(config);
    legacyFile(path);
    const log = await openAuditLog(config);
    try {
      expect(await log.query({ limit: 10 })).toHaveLength(1);
    } finally {
      await log.close();
    }
    expect(versionOf(path)).toBe(LATEST_SQLITE_SCHEMA_VERSION);
  });

  it('npm run db:migrate (the same SQLITE_PATH) upgrades an older file, keeping its entries; then production starts', async () => {
    const config = configIn({ NODE_ENV: 'production' });
    const path = auditSqlitePath(config);
    legacyFile(path);

    const first = await migrateSqliteAuditFile(path);
    expect(first).toMatchObject({ from: 0, to: LATEST_SQLITE_SCHEMA_VERSION, applied: [1, 2, 3, 4] });
    const again = await migrateSqliteAuditFile(path);
    expect(again).toMatchObject({ from: 4, to: 4, applied: [] });
    // Migration 3 drops migration 2's index (kind, at): the dashboard reads the summary, appends write one index less.
    const db = new Database(path, { readonly: true });
    try {
      const indexes = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'",
        )
        .all()
        .map((row) => row.name);
      expect(indexes).toContain('audit_log_at');
      expect(indexes).not.toContain('audit_log_kind_at');
    } finally {
      db.close();
    }

    const log = await openAuditLog(config);
    try {
      const entries = await log.query({ limit: 10 });
      expect(entries).toHaveLength(1);
    } finally {
      await log.close();
    }
  });
});

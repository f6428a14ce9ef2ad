/**
 * The audit log the configuration asks for: PostgreSQL when `DATABASE_URL` is set (one table shared by every
 * instance); otherwise memory with `STORE=memory`; otherwise the SQLite file `audit.sqlite` beside
 * `SQLITE_PATH` (also with `STORE=redis`: each host then keeps its own file — set `DATABASE_URL` to share one).
 * Schemas are migrated by `npm run db:migrate`; a SQLite file is migrated at open only when it is new or empty, or
 * outside production (see sqlite-migrations.ts).
 */
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { AuditLog } from './log.js';
import { createMemoryAuditLog } from './memory.js';
import { createPostgresAuditLog } from './postgres.js';
import { createSqliteAuditLog } from './sqlite.js';

export type AuditLogConfig = Pick<Config, 'STORE' | 'SQLITE_PATH' | 'DATABASE_URL' | 'NODE_ENV'>;

/** Where the log goes, for the start-up banner (no password). */
export function describeAuditLog(config: AuditLogConfig): string {
  if (config.DATABASE_URL !== undefined) return 'PostgreSQL';
  if (config.STORE === 'memory') return 'memory';
  return auditSqlitePath(config);
}

export function auditSqlitePath(config: Pick<Config, 'SQLITE_PATH'>): string {
  return join(dirname(resolve(config.SQLITE_PATH)), 'audit.sqlite');
}

export function openAuditLog(
  config: AuditLogConfig,
  options: {
    onError?: (error: Error) => void;
    onWarning?: (message: string) => void;
    /** SQLite: a catch-up of the analytics summary failed (`summary-catch-up.ts`); appends go on. */
    onSummaryError?: (error: Error) => void;
  } = {},
): Promise<AuditLog> {
  if (config.DATABASE_URL !== undefined) {
    return createPostgresAuditLog({
      connectionString: config.DATABASE_URL,
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
  }
  if (config.STORE === 'memory') return Promise.resolve(createMemoryAuditLog());
  // The embedded default must start with no extra step: a new or empty file (a first start) gets its schema from
  // the bot. A file at an older version is `npm run db:migrate`'s in production, like PostgreSQL's schema; outside
  // production (the demo's data directory, the tests') the bot upgrades it too, so that `npm start` keeps working
  // on a data directory an earlier version left.
  return createSqliteAuditLog({
    path: auditSqlitePath(config),
    schema: config.NODE_ENV === 'production' ? 'migrate-if-new' : 'migrate',
    ...(options.onSummaryError ? { onError: options.onSummaryError } : {}),
  });
}

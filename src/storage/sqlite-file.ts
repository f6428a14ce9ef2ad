/**
 * Opening a SQLite file with better-sqlite3, the way every SQLite user here needs it: the parent directory created,
 * WAL journal (readers never block the writer; several processes may share the file), and a busy timeout so a
 * statement waits for another process's lock instead of failing at once. better-sqlite3 is synchronous: each
 * statement runs to completion on the calling thread, which for these small statements (one row, an index
 * lookup) costs microseconds and makes every statement atomic with respect to this process's other work.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface SqliteFileOptions {
  /** How long a statement waits for another connection's lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

/** Opens (creating when missing) the database at `path`; `what` names it in the error ("the audit log"). */
export function openSqliteFile(path: string, what: string, options: SqliteFileOptions = {}): SqliteDatabase {
  const file = resolve(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    throw new Error(`Could not open the SQLite file for ${what} at ${file}.`, { cause: error });
  }
}

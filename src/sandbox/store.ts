/**
 * Where the sandbox keeps its state: in memory (tests) or in a SQLite file (default; survives a restart). The
 * whole state is one JSON document written in a single statement, so a save is atomic.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SandboxState } from './model.js';

export interface StateStore {
  /** The saved state, or undefined when nothing was saved yet. */
  load(): Promise<SandboxState | undefined>;
  save(state: SandboxState): Promise<void>;
  close(): Promise<void>;
}

export type StoreOption = 'memory' | { sqlitePath: string };

export function memoryStore(): StateStore {
  let saved: string | undefined;
  return {
    load: async () => (saved === undefined ? undefined : (JSON.parse(saved) as SandboxState)),
    save: async (state) => {
      saved = JSON.stringify(state);
    },
    close: async () => {},
  };
}

/** A SQLite file holding one row with the state document. Creates the file and its directory if needed. */
export async function sqliteStore(sqlitePath: string): Promise<StateStore> {
  await mkdir(dirname(sqlitePath), { recursive: true });
  const { default: sqlite3 } = await import('sqlite3');
  const db = await new Promise<InstanceType<typeof sqlite3.Database>>((resolve, reject) => {
    const opened = new sqlite3.Database(sqlitePath, (error) => (error ? reject(error) : resolve(opened)));
  });
  const run = (sql: string, params: unknown[] = []): Promise<void> =>
    new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  await run(
    'CREATE TABLE IF NOT EXISTS sandbox_state (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL, saved_at TEXT NOT NULL)',
  );
  return {
    load: () =>
      new Promise((resolve, reject) =>
        db.get<{ document: string } | undefined>(
          'SELECT document FROM sandbox_state WHERE id = 1',
          [],
          (error, row) => {
            if (error) reject(error);
            else resolve(row ? (JSON.parse(row.document) as SandboxState) : undefined);
          },
        ),
      ),
    save: (state) =>
      run('INSERT OR REPLACE INTO sandbox_state (id, document, saved_at) VALUES (1, ?, ?)', [
        JSON.stringify(state),
        new Date().toISOString(),
      ]),
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  };
}

export async function openStore(option: StoreOption): Promise<StateStore> {
  return option === 'memory' ? memoryStore() : sqliteStore(option.sqlitePath);
}

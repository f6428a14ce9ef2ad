/**
 * Where the sandbox keeps its state: in memory (tests) or in a SQLite file (default; survives a restart). The
 * whole state is one JSON document written in a single statement, so a save is atomic.
 */
import { openSqliteFile } from '../storage/sqlite-file.js';
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
  const db = openSqliteFile(sqlitePath, 'the sandbox backend');
  db.exec(
    'CREATE TABLE IF NOT EXISTS sandbox_state (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL, saved_at TEXT NOT NULL)',
  );
  const read = db.prepare<[], { document: string }>('SELECT document FROM sandbox_state WHERE id = 1');
  const write = db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO sandbox_state (id, document, saved_at) VALUES (1, ?, ?)',
  );
  return {
    load: async () => {
      const row = read.get();
      return row ? (JSON.parse(row.document) as SandboxState) : undefined;
    },
    save: async (state) => {
      write.run(JSON.stringify(state), new Date().toISOString());
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}

export async function openStore(option: StoreOption): Promise<StateStore> {
  return option === 'memory' ? memoryStore() : sqliteStore(option.sqlitePath);
}

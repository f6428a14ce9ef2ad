/**
 * Wires the bot from configuration: the conversation store, the backend (the embedded sandbox or
 * `BACKEND_URL`), the dialogs and their collaborators. Used by the HTTP server and the terminal chat.
 */

import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../dialogs/sample/sample-dialog.js';
import type { Config } from './config.js';
import { createEngine, type Engine } from './engine/runtime.js';
import type { ConversationState } from './engine/state.js';
import { createStore } from './engine/store/index.js';
import type { ConversationStore } from './engine/store/types.js';

export interface Bot {
  engine: Engine;
  /** What is running, for the start-up message. */
  banner: string;
  close(): Promise<void>;
}

export interface BotOptions {
  /** Run the engine's sample dialog with a fake backend instead of the procedures. */
  sample?: boolean;
  quiet?: boolean;
}

function storeFor(config: Config): Promise<ConversationStore<ConversationState>> {
  // Kept past the idle limit, so an expired conversation can still be told that nothing changed.
  const ttlMs = config.CONVERSATION_IDLE_HOURS * 3600_000 * 2;
  if (config.STORE === 'memory') return createStore({ kind: 'memory', ttlMs });
  if (config.STORE === 'redis') return createStore({ kind: 'redis', url: config.REDIS_URL ?? '', ttlMs });
  return createStore({ kind: 'sqlite', path: config.SQLITE_PATH, ttlMs });
}

export async function createBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  const store = await storeFor(config);
  const fixedNow = config.BOT_NOW ? new Date(config.BOT_NOW) : undefined;
  const backend = createFakeBackend();
  const engine = createEngine({
    dialogs: [menuDialog, deleteDialog],
    rootDialog: 'menu',
    catalogs: sampleCatalogs,
    behaviour: sampleBehaviour,
    operations: backend.operations,
    store,
    idleTtlMs: config.CONVERSATION_IDLE_HOURS * 3600_000,
    ...(fixedNow ? { now: () => fixedNow } : {}),
  });
  void options;
  return {
    engine,
    banner: `sample dialog; conversations in ${config.STORE}`,
    close: () => store.close(),
  };
}

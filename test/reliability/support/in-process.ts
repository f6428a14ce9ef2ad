/**
 * In-process pieces for reliability tests whose property is not about processes: the reference sandbox served
 * on 127.0.0.1 (so it outlives any bot, like a real backend) and bots wired by `createBot` exactly as the server
 * wires them, pointed at it through `BACKEND_URL` (usually via the fault proxy).
 */
import { procedureBundle } from '../../../dialogs/index.js';
import { type Bot, createBot } from '../../../src/bot.js';
import type { Clock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { type RecordedCall, recording } from '../../support/bot-harness.js';

export interface Backend {
  sandbox: Sandbox;
  url: string;
  /** The latest one-time code mailed to `email`. */
  codeFor(email: string): string;
  close(): Promise<void>;
}

/** A fresh sandbox with the demo data, in memory, on a free loopback port. */
export async function startBackend(clock: Clock): Promise<Backend> {
  const sandbox = await createSandbox({ store: 'memory', clock, seed: true });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  return {
    sandbox,
    url,
    codeFor(email) {
      const mail = sandbox.outbox.filter((m) => m.to === email).at(-1);
      if (!mail) throw new Error(`The sandbox mailed no code to ${email}`);
      return mail.code;
    },
    close: () => sandbox.close(),
  };
}

export interface BotOptions {
  /** Configuration as environment variables (BACKEND_URL is required; STORE, SQLITE_PATH, …). */
  env: Record<string, string>;
  clock: Clock;
  /** Every operation call of this bot is appended here. */
  calls?: RecordedCall[];
  /** Faults of our own; a test fails on any (collected, not thrown, so the bot's answer is still seen). */
  errors?: unknown[];
}

/** The full bot (procedure dialogs, receipts, agent sessions) on the configured store and backend. */
export function startBot(options: BotOptions): Promise<Bot> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const calls = options.calls;
  return createBot(config, {
    bundle: procedureBundle(),
    clock: options.clock,
    ...(calls ? { decorateOperations: (operations) => recording(calls, operations) } : {}),
    onError: (error) => {
      options.errors?.push(error);
    },
  });
}

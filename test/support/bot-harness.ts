/**
 * Runs dialogs on the real engine, against the real reference sandbox (in memory, demo data, fixed clock),
 * through the real typed client: the closest thing to production a unit test can have.
 */
import { type BotOptions, createBot, type DialogBundle } from '../../src/bot.js';
import { manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { type OperationRegistry, observeOperations } from '../../src/engine/operations.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { Actor } from '../../src/engine/turn.js';
import type { OutboxMail } from '../../src/sandbox/api/route.js';
import { type Driver, driveEngine } from '../engine/harness.js';

export const DEFAULT_TEST_NOW = '2026-11-23T10:00:00+09:00';

export interface RecordedCall {
  operation: string;
  args: Readonly<Record<string, unknown>>;
  idempotencyKey: string | undefined;
  outcome: 'ok' | 'refused' | 'unreachable' | 'bug';
  code?: string;
}

export interface TestBot extends Driver {
  calls: RecordedCall[];
  outbox: OutboxMail[];
  events: EngineEvent[];
  /** dialogId → node ids entered at least once. */
  visited: Map<string, Set<string>>;
  clock: ReturnType<typeof manualClock>;
  /** Answers the identification questions for the customer with this e-mail (reads the code from the outbox). */
  verify(email: string): Promise<void>;
  /** Another user (or the same one in another conversation) on the same bot. */
  as(who: {
    conversationKey?: string;
    actor?: Actor;
    channel?: string;
    credentials?: Record<string, string>;
  }): Driver;
  close(): Promise<void>;
}

export interface TestBotOptions extends DialogBundle {
  now?: string;
  actor?: Actor;
  conversationKey?: string;
  decorateOperations?: BotOptions['decorateOperations'];
  /** Configuration variables besides `STORE=memory` (e.g. `CONVERSATION_IDLE_HOURS`). */
  env?: Record<string, string>;
}

export function recording(calls: RecordedCall[], operations: OperationRegistry): OperationRegistry {
  return observeOperations(operations, (operation, outcome, { args, ctx }) => {
    calls.push({
      operation,
      args,
      idempotencyKey: ctx.idempotencyKey,
      outcome: outcome.ok ? 'ok' : outcome.kind,
      ...(!outcome.ok && outcome.kind === 'refused' ? { code: outcome.code } : {}),
    });
  });
}

export async function createTestBot(options: TestBotOptions): Promise<TestBot> {
  const clock = manualClock(options.now ?? DEFAULT_TEST_NOW);
  const calls: RecordedCall[] = [];
  const outbox: OutboxMail[] = [];
  const events: EngineEvent[] = [];
  const visited = new Map<string, Set<string>>();
  const bot = await createBot(loadConfig({ ...options.env, STORE: 'memory' }), {
    bundle: options,
    clock,
    store: createMemoryStore<ConversationState>({ ttlMs: 7 * 24 * 3600_000 }),
    sandboxInMemory: true,
    onMail: (mail) => outbox.push(mail),
    decorateOperations: (ops) =>
      recording(calls, options.decorateOperations ? options.decorateOperations(ops) : ops),
    onEvent: (event) => {
      events.push(event);
    },
    trace: (dialogId, nodeId) => {
      const nodes = visited.get(dialogId) ?? new Set<string>();
      nodes.add(nodeId);
      visited.set(dialogId, nodes);
    },
    onError: (error) => {
      // Surfacing our own faults makes a failing transcript explain itself.
      console.error('engine error:', error);
    },
  });
  const driver = driveEngine(bot.engine, {
    conversationKey: options.conversationKey ?? 'test:conversation',
    actor: options.actor ?? { kind: 'customer', id: 'web-user-1' },
  });
  const testBot: TestBot = Object.assign(driver, {
    calls,
    outbox,
    events,
    visited,
    clock,
    async verify(email: string) {
      await driver.say(email);
      const mail = outbox.filter((m) => m.to === email).at(-1);
      if (!mail)
        throw new Error(`No one-time code was sent to ${email}; last bot text: ${driver.lastText()}`);
      await driver.say(mail.code);
    },
    as: (who: {
      conversationKey?: string;
      actor?: Actor;
      channel?: string;
      credentials?: Record<string, string>;
    }) => driveEngine(bot.engine, who),
    close: () => bot.close(),
  });
  return testBot;
}

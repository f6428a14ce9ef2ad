/**
 * Drives an engine like a user would: text, button clicks (echoing the last reply's state version), ticks and
 * typed confirmations. Shared by the engine tests and the transcript runner.
 */
import { createEngine, type Engine, type EngineOptions } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import type { Actor, Reply, TurnInput } from '../../src/engine/turn.js';

export interface Harness extends Driver {
  engine: Engine;
  store: ConversationStore<ConversationState>;
  clock: { now: Date; advance(ms: number): void };
}

export function replyText(replies: Reply[]): string {
  return replies
    .map((r) =>
      [
        r.text,
        ...(r.facts ?? []).map((f) => `${f.label}: ${f.value}`),
        ...(r.choices ?? []).map((c) => `[${c.label}]`),
        ...(r.acknowledgements ?? []).map((a) => `☐ ${a.label}`),
      ].join('\n'),
    )
    .join('\n');
}

export interface Driver {
  last: Reply[];
  send(input: TurnInput): Promise<Reply[]>;
  say(text: string): Promise<Reply[]>;
  click(choiceId: string, stateVersion?: number): Promise<Reply[]>;
  tick(ackIds: string[]): Promise<Reply[]>;
  type(text: string): Promise<Reply[]>;
  lastText(): string;
}

/** Talks to any engine as one user in one conversation. */
export function driveEngine(
  engine: Engine,
  who: {
    conversationKey?: string;
    actor?: Actor;
    channel?: string;
    credentials?: Record<string, string>;
  } = {},
): Driver {
  const driver: Driver = {
    last: [],
    async send(input) {
      driver.last = await engine.handle({
        conversationKey: who.conversationKey ?? 'test:conversation',
        channel: who.channel ?? 'test',
        actor: who.actor ?? { kind: 'customer', id: 'c-1' },
        credentials: who.credentials,
        input,
      });
      return driver.last;
    },
    say: (text) => driver.send({ kind: 'text', text }),
    click: (choiceId, stateVersion) =>
      driver.send({ kind: 'choice', choiceId, stateVersion: stateVersion ?? currentVersion(driver.last) }),
    tick: (ackIds) => driver.send({ kind: 'acknowledge', ackIds, stateVersion: currentVersion(driver.last) }),
    type: (text) => driver.send({ kind: 'typed', text, stateVersion: currentVersion(driver.last) }),
    lastText: () => replyText(driver.last),
  };
  return driver;
}

export function createHarness(
  options: Omit<EngineOptions, 'store' | 'now'> & {
    store?: ConversationStore<ConversationState>;
    conversationKey?: string;
    actor?: Actor;
    start?: Date;
  },
): Harness {
  const clock = {
    now: options.start ?? new Date('2026-11-23T01:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const store = options.store ?? createMemoryStore<ConversationState>({ ttlMs: 7 * 24 * 3600_000 });
  const engine = createEngine({ ...options, store, now: () => clock.now });
  const driver = driveEngine(engine, { conversationKey: options.conversationKey, actor: options.actor });
  // The harness is the driver plus the engine, its store and its clock.
  return Object.assign(driver, { engine, store, clock }) as Harness;
}

function currentVersion(replies: Reply[]): number {
  return replies[replies.length - 1]?.stateVersion ?? 0;
}

/**
 * Drives an engine like a user would: text, button clicks (echoing the last reply's state version), ticks and
 * typed confirmations. Shared by the engine tests and the transcript runner.
 */
import { createEngine, type Engine, type EngineOptions } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import type { Actor, Reply, TurnInput } from '../../src/engine/turn.js';

export interface Harness {
  engine: Engine;
  store: ConversationStore<ConversationState>;
  clock: { now: Date; advance(ms: number): void };
  /** The replies of the last turn. */
  last: Reply[];
  send(input: TurnInput): Promise<Reply[]>;
  say(text: string): Promise<Reply[]>;
  click(choiceId: string, stateVersion?: number): Promise<Reply[]>;
  tick(ackIds: string[]): Promise<Reply[]>;
  type(text: string): Promise<Reply[]>;
  /** All reply text (and facts, choices, acknowledgements) of the last turn as one string, for `toContain`. */
  lastText(): string;
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
  const conversationKey = options.conversationKey ?? 'test:conversation';
  const harness: Harness = {
    engine,
    store,
    clock,
    last: [],
    async send(input) {
      harness.last = await engine.handle({
        conversationKey,
        channel: 'test',
        actor: options.actor ?? { kind: 'customer', id: 'c-1' },
        input,
      });
      return harness.last;
    },
    say: (text) => harness.send({ kind: 'text', text }),
    click: (choiceId, stateVersion) =>
      harness.send({ kind: 'choice', choiceId, stateVersion: stateVersion ?? currentVersion(harness.last) }),
    tick: (ackIds) =>
      harness.send({ kind: 'acknowledge', ackIds, stateVersion: currentVersion(harness.last) }),
    type: (text) => harness.send({ kind: 'typed', text, stateVersion: currentVersion(harness.last) }),
    lastText: () => replyText(harness.last),
  };
  return harness;
}

function currentVersion(replies: Reply[]): number {
  return replies[replies.length - 1]?.stateVersion ?? 0;
}

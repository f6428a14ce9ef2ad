/**
 * The full bot (real procedure bundle, in-memory sandbox with demo data, fixed clock, memory store) for property
 * tests, recording — per turn — every backend call, every engine event and every fault our code reported. Cheap
 * enough (~50 ms) to create one per generated run, so every run starts from the same demo data.
 */
import { procedureBundle } from '../../../dialogs/index.js';
import { createBot } from '../../../src/bot.js';
import type { ChannelContext } from '../../../src/channels/channel.js';
import { type RateLimit, slidingWindow } from '../../../src/channels/rate-limit.js';
import { manualClock } from '../../../src/clock.js';
import { type Config, loadConfig } from '../../../src/config.js';
import type { EngineEvent } from '../../../src/engine/events.js';
import { type OperationRegistry, observeOperations } from '../../../src/engine/operations.js';
import type { Engine } from '../../../src/engine/runtime.js';
import type { ConversationState } from '../../../src/engine/state.js';
import { createMemoryStore } from '../../../src/engine/store/memory.js';
import type { ConversationStore } from '../../../src/engine/store/types.js';
import type { Reply, Turn } from '../../../src/engine/turn.js';
import type { OutboxMail } from '../../../src/sandbox/api/route.js';
import { DEFAULT_TEST_NOW } from '../../support/bot-harness.js';

export interface FuzzCall {
  operation: string;
  args: Readonly<Record<string, unknown>>;
  conversationKey: string;
  outcome: 'ok' | 'refused' | 'unreachable' | 'bug';
  /** The operation's metadata: destructive, or a write (creating a draft, starting a session…). */
  destructive: boolean;
  mutates: boolean;
  /** Index (in {@link FuzzBot.turns}) of the turn during which the call ran. */
  turn: number;
}

export interface FuzzTurn {
  turn: Turn;
  replies: Reply[];
}

export interface FuzzEvent {
  event: EngineEvent;
  /** Index of the turn that reported it. */
  turn: number;
}

export interface FuzzBot {
  engine: Engine;
  config: Config;
  /**
   * The context channels are created from, exactly as the server does, except that its engine is
   * {@link FuzzBot.handle} (so turns through a channel are recorded too) and its faults land in `errors`.
   */
  context: ChannelContext;
  /** The conversation store (tests clone a prepared conversation under a new key). */
  store: ConversationStore<ConversationState>;
  /** Every turn handled through {@link FuzzBot.handle}, in order, with its replies. */
  turns: FuzzTurn[];
  calls: FuzzCall[];
  events: FuzzEvent[];
  /** Faults our own code reported (engine and channel `onError`): a property run must end with none. */
  errors: unknown[];
  outbox: OutboxMail[];
  clock: ReturnType<typeof manualClock>;
  /** `engine.handle`, recorded. Throws only if the engine itself throws (which is a failure). */
  handle(turn: Turn): Promise<Reply[]>;
  close(): Promise<void>;
}

export interface FuzzBotOptions {
  now?: string;
  /** Extra configuration (Slack / Teams settings, agent ids); the store is always memory. */
  env?: Record<string, string>;
  /** The channels' per-user turn limit (default: practically none, so properties explore turns). */
  rateLimit?: RateLimit;
}

export async function createFuzzBot(options: FuzzBotOptions = {}): Promise<FuzzBot> {
  const clock = manualClock(options.now ?? DEFAULT_TEST_NOW);
  const calls: FuzzCall[] = [];
  const events: FuzzEvent[] = [];
  const errors: unknown[] = [];
  const outbox: OutboxMail[] = [];
  const turns: FuzzTurn[] = [];
  // The turn in progress; calls and events are attributed to it (turns are handled one at a time).
  let current = -1;
  const record = (operations: OperationRegistry): OperationRegistry =>
    observeOperations(operations, (name, outcome, { args, ctx, operation }) => {
      calls.push({
        operation: name,
        args,
        conversationKey: ctx.conversationKey,
        destructive: operation.destructive,
        mutates: operation.mutates === true,
        outcome: outcome.ok ? 'ok' : outcome.kind,
        turn: current,
      });
    });
  const store = createMemoryStore<ConversationState>({ ttlMs: 7 * 24 * 3600_000 });
  const config = loadConfig({ ...options.env, STORE: 'memory', LOG_LEVEL: 'silent' });
  const bot = await createBot(config, {
    bundle: procedureBundle(),
    clock,
    store,
    sandboxInMemory: true,
    onMail: (mail) => outbox.push(mail),
    decorateOperations: record,
    onEvent: (event) => {
      events.push({ event, turn: current });
    },
    onError: (error) => {
      errors.push(error);
    },
  });
  const handle = async (turn: Turn): Promise<Reply[]> => {
    current = turns.length;
    const entry: FuzzTurn = { turn, replies: [] };
    turns.push(entry);
    entry.replies = await bot.pipeline.engine.handle(turn);
    return entry.replies;
  };
  const context: ChannelContext = {
    config,
    pipeline: bot.pipeline.with({
      engine: { ...bot.pipeline.engine, handle },
      limiter: slidingWindow(options.rateLimit ?? { max: 1_000_000, windowMs: 1_000 }),
    }),
    speakers: bot.channels.speakers,
    deduper: bot.channels.deduper,
    now: () => clock.now(),
    receipts: bot.receipts,
    liveDesk: bot.liveDesk,
    onError: (error) => {
      errors.push(error);
    },
  };
  return {
    engine: bot.engine,
    config,
    context,
    store,
    turns,
    calls,
    events,
    errors,
    outbox,
    clock,
    handle,
    close: () => bot.close(),
  };
}

/** One user in one conversation of a {@link FuzzBot}: text, clicks, ticks and typed phrases on the last replies. */
export interface FuzzDriver {
  last: Reply[];
  version(): number;
  send(input: Turn['input']): Promise<Reply[]>;
  say(text: string): Promise<Reply[]>;
  click(choiceId: string): Promise<Reply[]>;
  tick(ackIds?: string[]): Promise<Reply[]>;
  type(text: string): Promise<Reply[]>;
  /** Says the e-mail address, then the code mailed to it. */
  verify(email: string): Promise<Reply[]>;
}

export function drive(
  bot: FuzzBot,
  conversationKey: string,
  actor: Turn['actor'] = { kind: 'customer', id: 'fuzz:user' },
): FuzzDriver {
  const driver: FuzzDriver = {
    last: [],
    version: () => driver.last.at(-1)?.stateVersion ?? 0,
    async send(input) {
      driver.last = await bot.handle({ conversationKey, channel: 'fuzz', actor, input });
      return driver.last;
    },
    say: (text) => driver.send({ kind: 'text', text }),
    click: (choiceId) => driver.send({ kind: 'choice', choiceId, stateVersion: driver.version() }),
    tick: (ackIds) =>
      driver.send({
        kind: 'acknowledge',
        ackIds: ackIds ?? driver.last.flatMap((r) => r.acknowledgements ?? []).map((a) => a.id),
        stateVersion: driver.version(),
      }),
    type: (text) => driver.send({ kind: 'typed', text, stateVersion: driver.version() }),
    async verify(email) {
      await driver.say(email);
      const code = bot.outbox.filter((m) => m.to === email).at(-1)?.code;
      if (!code) throw new Error(`no code was mailed to ${email}`);
      return driver.say(code);
    },
  };
  return driver;
}

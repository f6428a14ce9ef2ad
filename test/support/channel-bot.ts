/**
 * The full bot (procedure dialogs, in-memory sandbox with demo data, fixed clock, memory store) for channel
 * tests, with every backend call and every one-time-code mail recorded. Channels are created from it exactly
 * as the server does.
 */
import { procedureBundle } from '../../dialogs/index.js';
import { type Bot, createBot } from '../../src/bot.js';
import type { ChannelContext } from '../../src/channels/channel.js';
import { slidingWindow, USER_RATE_LIMIT } from '../../src/channels/rate-limit.js';
import { manualClock } from '../../src/clock.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { OutboxMail } from '../../src/sandbox/api/route.js';
import { DEFAULT_TEST_NOW, type RecordedCall, recording } from './bot-harness.js';

export interface ChannelTestBot {
  bot: Bot;
  config: Config;
  context: ChannelContext;
  calls: RecordedCall[];
  outbox: OutboxMail[];
  clock: ReturnType<typeof manualClock>;
  errors: unknown[];
  /** The latest one-time code mailed to this address. */
  codeFor(email: string): string;
  close(): Promise<void>;
}

/** `env`: extra configuration (Slack/Teams settings, agent ids); STORE is always memory. */
export async function createChannelTestBot(env: Record<string, string> = {}): Promise<ChannelTestBot> {
  const config = loadConfig({ ...env, STORE: 'memory', LOG_LEVEL: 'silent' });
  const clock = manualClock(DEFAULT_TEST_NOW);
  const calls: RecordedCall[] = [];
  const outbox: OutboxMail[] = [];
  const errors: unknown[] = [];
  const bot = await createBot(config, {
    bundle: procedureBundle(),
    clock,
    store: createMemoryStore<ConversationState>({ ttlMs: 7 * 24 * 3600_000 }),
    sandboxInMemory: true,
    onMail: (mail) => outbox.push(mail),
    decorateOperations: (ops) => recording(calls, ops),
    onError: (error) => {
      errors.push(error);
      console.error('bot error:', error);
    },
  });
  const context: ChannelContext = {
    config,
    pipeline: bot.pipeline.with({ limiter: slidingWindow(USER_RATE_LIMIT) }),
    speakers: bot.channels.speakers,
    deduper: bot.channels.deduper,
    now: () => clock.now(),
    receipts: bot.receipts,
    liveDesk: bot.liveDesk,
    onError: (error) => {
      errors.push(error);
      console.error('channel error:', error);
    },
  };
  return {
    bot,
    config,
    context,
    calls,
    outbox,
    clock,
    errors,
    codeFor(email) {
      const mail = outbox.filter((m) => m.to === email).at(-1);
      if (!mail) throw new Error(`No one-time code was mailed to ${email}`);
      return mail.code;
    },
    close: () => bot.close(),
  };
}

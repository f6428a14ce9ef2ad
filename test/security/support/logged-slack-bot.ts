/**
 * The full bot behind the real Slack adapter, wired like src/server.ts (the bot's own fault log, channel faults
 * into it), with every log line — the bot's fault log and the Slack adapter's Bolt / Web API logger — captured in
 * memory at the configured level. The Slack adapter writes to `pino.destination(2)`, which is replaced by the
 * capture while this bot runs (`restore()` puts it back).
 */
import pino from 'pino';
import { vi } from 'vitest';
import { createSlackChannel, type SlackChannel } from '../../../adapters/slack/channel.js';
import { procedureBundle } from '../../../dialogs/index.js';
import { type BotOptions, createBot } from '../../../src/bot.js';
import type { ChannelContext } from '../../../src/channels/channel.js';
import { slidingWindow, USER_RATE_LIMIT } from '../../../src/channels/rate-limit.js';
import { manualClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import type { ConversationState } from '../../../src/engine/state.js';
import { createMemoryStore } from '../../../src/engine/store/memory.js';
import { type Served, serve } from '../../../src/http/serve.js';
import type { OutboxMail } from '../../../src/sandbox/api/route.js';
import { DEFAULT_TEST_NOW } from '../../support/bot-harness.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';
import { type SlackRequest, sendSlack } from '../../support/slack-requests.js';

export const SIGNING_SECRET = 'log-scan-signing-secret-0123456789';
export const SLACK_BOT_TOKEN = 'xoxb-123456789012-1234567890123-LogScanTokenAbCdEf';

/** Collects pino's output lines (pino writes one JSON line per call to `write`). */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): boolean {
    this.lines.push(line);
    return true;
  }
}

export interface LoggedSlackBot {
  capture: LogCapture;
  outbox: OutboxMail[];
  fake: FakeSlack;
  channel: SlackChannel;
  send(request: SlackRequest): Promise<number>;
  close(): Promise<void>;
}

export async function startLoggedSlackBot(
  env: Record<string, string>,
  options: Pick<BotOptions, 'onEvent' | 'decorateOperations'> = {},
): Promise<LoggedSlackBot> {
  const capture = new LogCapture();
  const destination = vi
    .spyOn(pino, 'destination')
    .mockImplementation(() => capture as unknown as ReturnType<typeof pino.destination>);
  const fake = await startFakeSlack();
  const outbox: OutboxMail[] = [];
  const clock = manualClock(DEFAULT_TEST_NOW);
  const config = loadConfig({
    ...env,
    STORE: 'memory',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: fake.url,
  });
  const bot = await createBot(config, {
    bundle: procedureBundle(),
    clock,
    store: createMemoryStore<ConversationState>({ ttlMs: 7 * 24 * 3600_000 }),
    sandboxInMemory: true,
    onMail: (mail) => outbox.push(mail),
    logDestination: capture,
    ...options,
  });
  // As src/server.ts: channel faults go to the bot's fault log.
  const context: ChannelContext = {
    config,
    pipeline: bot.pipeline.with({ limiter: slidingWindow(USER_RATE_LIMIT) }),
    speakers: bot.channels.speakers,
    deduper: bot.channels.deduper,
    now: () => clock.now(),
    receipts: bot.receipts,
    liveDesk: bot.liveDesk,
    onError: (error, { channel, phase }) => bot.onError(error, { conversationKey: channel, phase }),
  };
  const channel = await createSlackChannel(context);
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  const url = `${served.url}/slack/events`;
  return {
    capture,
    outbox,
    fake,
    channel,
    async send(request) {
      const response = await sendSlack(url, SIGNING_SECRET, request);
      await response.text();
      await channel.idle();
      return response.status;
    },
    async close() {
      await served.close();
      await channel.close();
      await bot.close();
      await fake.close();
      destination.mockRestore();
    },
  };
}

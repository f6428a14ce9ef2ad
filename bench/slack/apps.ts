/**
 * The two Slack apps the Slack benchmark compares, both on Bolt's HTTPReceiver over `serve()` on 127.0.0.1:
 * the full bot (the Slack channel from adapters/slack on the whole bot, as test/support/channel-bot.ts builds it)
 * and a bare Bolt app with the same receiver settings whose listener does nothing. Also the categories used to
 * read the full bot's CPU profile.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import {
  createSlackChannel,
  SLACK_BODY_LIMIT_BYTES,
  SLACK_EVENTS_PATH,
} from '../../adapters/slack/channel.js';
import { boltLogger } from '../../adapters/slack/logger.js';
import { serve } from '../../src/http/serve.js';
import { createChannelTestBot } from '../../test/support/channel-bot.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../../test/support/fake-slack.js';
import type { Category } from '../lib/profile.js';

export const SECRET = 'bench-signing-secret-0123456789';
const TOKEN = 'xoxb-bench-token';

/** Where the full bot's CPU goes while it handles Slack events, by category (first match wins). */
export const BOT_CATEGORIES: readonly Category[] = [
  { name: 'conversation engine (src/engine)', matches: (_f, file) => file.startsWith('src/engine/') },
  {
    name: 'FAQ answerer and router (src/faq, dialogs)',
    matches: (_f, file) => /^(src\/faq|dialogs)\//.test(file),
  },
  {
    name: 'sandbox backend and its client (src/sandbox, src/backend, openapi-fetch)',
    matches: (_f, file) => /^src\/(sandbox|backend)\//.test(file) || file.includes('openapi-fetch'),
  },
  { name: 'Slack adapter (adapters/slack)', matches: (_f, file) => file.startsWith('adapters/slack/') },
  { name: 'Bolt (@slack/bolt)', matches: (_f, file) => file.includes('@slack/bolt') },
  {
    // @slack/web-api posts with the global fetch (undici); no backend call is made in this benchmark.
    name: 'Slack Web API client (@slack/web-api and its fetch/undici)',
    matches: (_f, file) => /@slack\/web-api|undici/.test(file),
  },
  {
    name: 'Node HTTP server, sockets and streams',
    matches: (fn, file) =>
      /^node:(_http|net|internal\/(streams|http|stream_base))/.test(file) ||
      ['writev', 'writeLatin1String', 'writeUtf8String', 'writeBuffer'].includes(fn),
  },
  { name: 'crypto (signature checks, random ids)', matches: (_f, file) => file.includes('internal/crypto') },
  { name: 'garbage collection', matches: (fn) => fn === '(garbage collector)' },
  {
    name: 'promises, timers and async hooks',
    matches: (fn, file) => fn === 'runMicrotasks' || /async_hooks|timers|task_queues/.test(file),
  },
];

export interface AppUnderTest {
  url: string;
  /** Resolves when every acknowledged delivery has been handled (the bare app has nothing to wait for). */
  idle(): Promise<void>;
  /** Faults the app reported (the full bot's onError). */
  faults(): number;
  /** The Slack channel's work queue (the full bot only): deliveries refused as busy, largest backlog. */
  queue?(options?: { resetHighWater?: boolean }): { refused: number; maxBacklog: number; handled: number };
  close(): Promise<void>;
}

export async function startFullBot(apiUrl: string): Promise<AppUnderTest> {
  const testBot = await createChannelTestBot({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: apiUrl,
    SLACK_BOT_ID: FAKE_BOT_ID,
    SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
  });
  const channel = await createSlackChannel(testBot.context);
  const served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  return {
    url: `${served.url}${SLACK_EVENTS_PATH}`,
    idle: () => channel.idle(),
    faults: () => testBot.errors.length,
    queue: (options) => channel.queueStats(options),
    async close() {
      await served.close();
      await channel.close();
      await testBot.close();
    },
  };
}

export async function startBareBolt(apiUrl: string): Promise<AppUnderTest> {
  const logger = boltLogger('silent');
  const receiver = new HTTPReceiver({
    signingSecret: SECRET,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
    bodyLimit: SLACK_BODY_LIMIT_BYTES,
    logger,
  });
  const app = new App({
    token: TOKEN,
    receiver,
    logger,
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER_ID,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.event('message', async () => {});
  const served = await serve(
    [{ method: 'POST', path: SLACK_EVENTS_PATH, handle: (req, res) => receiver.requestListener(req, res) }],
    { host: '127.0.0.1', port: 0 },
  );
  return {
    url: `${served.url}${SLACK_EVENTS_PATH}`,
    idle: async () => {},
    faults: () => 0,
    close: () => served.close(),
  };
}

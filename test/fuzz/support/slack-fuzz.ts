/**
 * The real Slack channel (Bolt HTTP receiver on 127.0.0.1:0, fake Web API) over a {@link FuzzBot}, so every Turn
 * the adapter makes is recorded with its replies, backend calls and engine events. `send` signs the request as
 * Slack does and waits until the adapter has handled it. Same wiring as test/adapters/slack/harness.ts.
 */
import { createSlackChannel, type SlackChannel } from '../../../adapters/slack/channel.js';
import type { RateLimit } from '../../../src/channels/rate-limit.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';
import { type SendOptions, type SlackRequest, sendSlack } from '../../support/slack-requests.js';
import { createFuzzBot, type FuzzBot } from './fuzz-bot.js';

export const SIGNING_SECRET = 'fuzz-signing-secret-0123456789';
export const TEAM = 'T0FAKE';
export const SLACK_BOT_TOKEN = 'xoxb-fuzz-token-0000';

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

export interface SlackFuzz {
  bot: FuzzBot;
  fake: FakeSlack;
  channel: SlackChannel;
  url: string;
  send(request: SlackRequest, options?: SendOptions): Promise<{ status: number; body: string }>;
  /** Messages posted in a channel, as currently shown (after updates), oldest first. */
  shown(channelId: string): SlackMessage[];
  close(): Promise<void>;
}

export async function startSlackFuzz(
  env: Record<string, string> = {},
  rateLimit?: RateLimit,
): Promise<SlackFuzz> {
  const fake = await startFakeSlack();
  const bot = await createFuzzBot({
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL: fake.url, ...env },
    ...(rateLimit ? { rateLimit } : {}),
  });
  const channel = await createSlackChannel(bot.context);
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  const url = `${served.url}/slack/events`;
  return {
    bot,
    fake,
    channel,
    url,
    async send(request, options) {
      const response = await sendSlack(url, SIGNING_SECRET, request, options);
      const body = await response.text();
      await channel.idle();
      return { status: response.status, body };
    },
    shown(channelId) {
      const messages = new Map<string, SlackMessage>();
      for (const call of fake.calls) {
        if (call.body.channel !== channelId) continue;
        const blocks = Array.isArray(call.body.blocks) ? call.body.blocks : [];
        if (call.method === 'chat.postMessage') {
          const ts = String(call.response.ts);
          messages.set(ts, { channel: channelId, ts, text: String(call.body.text ?? ''), blocks });
        } else if (call.method === 'chat.update') {
          const message = messages.get(String(call.body.ts));
          if (message) {
            message.text = String(call.body.text ?? message.text);
            message.blocks = blocks;
          }
        }
      }
      return [...messages.values()];
    },
    async close() {
      await served.close();
      await channel.close();
      await bot.close();
      await fake.close();
    },
  };
}

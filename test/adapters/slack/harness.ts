/**
 * The full bot behind the real Slack adapter for tests: a fake Web API, the channel's route served on
 * 127.0.0.1:0, signed requests in, and what each conversation shows read back from the recorded
 * `chat.postMessage` / `chat.update` calls. `send` waits until the adapter has handled the delivery.
 */
import { createSlackChannel, type SlackChannel } from '../../../adapters/slack/channel.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';
import { type SendOptions, type SlackRequest, sendSlack } from '../../support/slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0FAKE';

/** One posted message as Slack currently shows it, with the blocks it was first posted with. */
export interface ShownMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  original: unknown[];
  /** How many times it was updated. */
  updates: number;
}

export interface SlackHarness {
  testBot: ChannelTestBot;
  channel: SlackChannel;
  fake: FakeSlack;
  url: string;
  /** Posts a signed request to `/slack/events`, then waits until the adapter is idle. */
  send(request: SlackRequest, options?: SendOptions): Promise<{ status: number; body: string }>;
  /** Messages posted in `channel` (and `threadTs`, when given), oldest first, as currently shown. */
  shown(channel: string, threadTs?: string): ShownMessage[];
  close(): Promise<void>;
}

export async function startSlackHarness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const testBot = await createChannelTestBot({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.url,
    ...env,
  });
  let channel: SlackChannel | undefined;
  let served: Served | undefined;
  try {
    channel = await createSlackChannel(testBot.context);
    served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  } catch (error) {
    await testBot.close();
    await fake.close();
    throw error;
  }
  const ready = { channel, served };
  const url = `${served.url}/slack/events`;
  return {
    testBot,
    channel,
    fake,
    url,
    async send(request, options) {
      const response = await sendSlack(url, SIGNING_SECRET, request, options);
      const body = await response.text();
      await ready.channel.idle();
      return { status: response.status, body };
    },
    shown(channelId, threadTs) {
      const messages = new Map<string, ShownMessage>();
      for (const call of fake.calls) {
        if (call.body.channel !== channelId) continue;
        if (call.method === 'chat.postMessage') {
          const thread = typeof call.body.thread_ts === 'string' ? call.body.thread_ts : undefined;
          if (threadTs !== undefined && thread !== threadTs) continue;
          const ts = String(call.response.ts);
          const blocks = Array.isArray(call.body.blocks) ? call.body.blocks : [];
          messages.set(ts, {
            channel: channelId,
            ts,
            ...(thread ? { threadTs: thread } : {}),
            text: String(call.body.text ?? ''),
            blocks,
            original: blocks,
            updates: 0,
          });
        } else if (call.method === 'chat.update') {
          const message = messages.get(String(call.body.ts));
          if (!message) continue;
          message.text = String(call.body.text ?? message.text);
          message.blocks = Array.isArray(call.body.blocks) ? call.body.blocks : [];
          message.updates += 1;
        }
      }
      return [...messages.values()];
    },
    async close() {
      await ready.served.close();
      await ready.channel.close();
      await testBot.close();
      await fake.close();
    },
  };
}

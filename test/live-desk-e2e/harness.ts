/**
 * The whole bot as the server wires it, with live desk: the web chat, Slack and Teams on one HTTP server
 * (127.0.0.1:0), a fake Slack Web API and a fake Bot Connector, and a clock in business hours (Tuesday 2026-11-24
 * 10:00 JST; the default test day 11-23 is a public holiday). Agents' rooms: SLACK_HANDOFF_CHANNEL (Slack agents
 * UAGENT1, UAGENT2) and/or TEAMS_HANDOFF_CONVERSATION (Teams agent aad-agent-1), as the options say.
 */
import type { Entry } from '../../adapters/web/transcript.js';
import type { ChannelContext } from '../../src/channels/channel.js';
import { createChannels } from '../../src/channels/enabled.js';
import type { Served } from '../../src/http/serve.js';
import { serve } from '../../src/http/serve.js';
import { WebClient } from '../adapters/web/support.js';
import { type ChannelTestBot, createChannelTestBot } from '../support/channel-bot.js';
import { type FakeConnector, type PostedActivity, startFakeConnector } from '../support/fake-connector.js';
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from '../support/fake-slack.js';
import {
  blockActions,
  eventCallback,
  nextSlackTs,
  type SendOptions,
  type SlackRequest,
  sendSlack,
} from '../support/slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0FAKE';
export const ROOM = 'G0AGENTS';
export const AGENT = 'UAGENT1';
export const OTHER_AGENT = 'UAGENT2';
export const NOT_AGENT = 'UNOTAGENT';
export const OPEN_NOW = '2026-11-24T10:00:00+09:00';
export const TEAMS_ROOM = '19:agents@thread.tacv2';
export const TEAMS_AGENT = 'aad-agent-1';

export interface LiveDeskHarnessOptions {
  /** SLACK_HANDOFF_CHANNEL set (default true). */
  slackRoom?: boolean;
  /** TEAMS_HANDOFF_CONVERSATION set, at the fake connector (default false). */
  teamsRoom?: boolean;
  env?: Record<string, string>;
}

export interface LiveDeskHarness {
  testBot: ChannelTestBot;
  fake: FakeSlack;
  connector: FakeConnector;
  url: string;
  context: ChannelContext;
  /** A browser-like client of the web chat (keeps its cookie). */
  web(): WebClient;
  /** Posts a signed request to `/slack/events` and waits until the Slack channel has handled it. */
  slack(request: SlackRequest, options?: SendOptions): Promise<number>;
  /** Posts an activity to `/api/messages` (Teams, authentication disabled); resolves with the HTTP status. */
  teams(activity: Record<string, unknown>): Promise<number>;
  /** Recorded Web API calls of `method` in the agents' room. */
  roomCalls(method: string): FakeSlackCall[];
  close(): Promise<void>;
}

export async function startLiveDeskHarness(options: LiveDeskHarnessOptions = {}): Promise<LiveDeskHarness> {
  const fake = await startFakeSlack();
  const connector = await startFakeConnector();
  const testBot = await createChannelTestBot({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.url,
    SLACK_AGENT_USERS: `${AGENT},${OTHER_AGENT}`,
    ...(options.slackRoom === false ? {} : { SLACK_HANDOFF_CHANNEL: ROOM }),
    TEAMS_AUTH_DISABLED: 'true',
    TEAMS_AGENT_USERS: TEAMS_AGENT,
    ...(options.teamsRoom
      ? { TEAMS_HANDOFF_CONVERSATION: TEAMS_ROOM, TEAMS_HANDOFF_SERVICE_URL: connector.url }
      : {}),
    ...options.env,
  });
  testBot.clock.set(OPEN_NOW);
  const context: ChannelContext = { ...testBot.context, liveDesk: testBot.bot.liveDesk };
  const channels = await createChannels(context);
  let served: Served;
  try {
    served = await serve(
      channels.flatMap((channel) => channel.routes),
      { host: '127.0.0.1', port: 0 },
    );
  } catch (error) {
    await testBot.close();
    await fake.close();
    await connector.close();
    throw error;
  }
  const slackChannel = channels.find((channel) => channel.name === 'slack') as
    | ((typeof channels)[number] & { idle?: () => Promise<void> })
    | undefined;
  return {
    testBot,
    fake,
    connector,
    url: served.url,
    context,
    web: () => new WebClient(served.url),
    async slack(request, options) {
      const response = await sendSlack(`${served.url}/slack/events`, SIGNING_SECRET, request, options);
      await response.text();
      await slackChannel?.idle?.();
      return response.status;
    },
    async teams(activity) {
      const response = await fetch(`${served.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      return response.status;
    },
    roomCalls: (method) => fake.calls.filter((c) => c.method === method && c.body.channel === ROOM),
    async close() {
      await served.close();
      for (const channel of channels) await channel.close();
      await testBot.close();
      await fake.close();
      await connector.close();
    },
  };
}

/** The texts of the bot entries. */
export function botTexts(entries: readonly Entry[]): string[] {
  return entries.flatMap((entry) => (entry.from === 'bot' ? [entry.reply.text] : []));
}

/** The button of `actionId` in recorded blocks, as Slack would send it back on a click. */
export function buttonIn(blocks: unknown, actionId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { type?: string; elements?: Record<string, unknown>[] }[]) {
    if (block.type !== 'actions') continue;
    const found = block.elements?.find((element) => element.action_id === actionId);
    if (found) return found;
  }
  return undefined;
}

/** All text in recorded blocks (sections, context), for `toContain` checks. */
export function blocksText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

/** The ticket's root post in the agents' room (the first one, unless `index` says otherwise). */
export function rootPost(harness: LiveDeskHarness, index = 0) {
  const root = harness.roomCalls('chat.postMessage').filter((c) => c.body.thread_ts === undefined)[index];
  if (!root) throw new Error('No ticket was posted in the agents’ room');
  return { ts: String(root.response.ts), text: String(root.body.text), blocks: root.body.blocks };
}

/** A signed click on a room button (`handoff.claim`…) of `message`, by `user`. */
export function click(
  user: string,
  actionId: string,
  message: { ts: string; text: string; blocks: unknown },
) {
  const button = buttonIn(message.blocks, actionId);
  if (!button) throw new Error(`No ${actionId} button in ${blocksText(message.blocks)}`);
  return blockActions({
    teamId: TEAM,
    user,
    action: button,
    message: {
      channel: ROOM,
      ts: message.ts,
      text: message.text,
      blocks: message.blocks as unknown[],
      ...('threadTs' in message ? { threadTs: String(message.threadTs) } : {}),
    },
  });
}

/** A signed `message` event: `user` writes `text` in the thread of `threadTs` in the agents' room. */
export function threadReply(user: string, threadTs: string, text: string) {
  const ts = nextSlackTs();
  return eventCallback(TEAM, {
    type: 'message',
    channel: ROOM,
    channel_type: 'group',
    user,
    text,
    ts,
    event_ts: ts,
    thread_ts: threadTs,
  });
}

/** Everything a card posted to the fake Bot Connector says, and the data of its submit actions. */
export function cardOf(posted: PostedActivity | undefined): {
  text: string;
  actions: Record<string, unknown>[];
} {
  const content = posted?.activity.attachments?.[0]?.content;
  const json = JSON.stringify(content ?? {});
  const actions: Record<string, unknown>[] = [];
  JSON.parse(json, (key, value: unknown) => {
    if (key === 'data' && value && typeof value === 'object') actions.push(value as Record<string, unknown>);
    return value;
  });
  return { text: json, actions };
}

/**
 * The request paths the manifests and the install guide name are the ones the channel adapters mount:
 * Slack `POST /slack/events` (manifest request URLs), Teams `POST /api/messages` (the Azure Bot messaging endpoint
 * in docs/install-slack-teams.md). Skipped while an adapter is still the placeholder that refuses to start.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { readSlackManifest } from '../../manifest/slack/validate.js';
import type { Channel } from '../../src/channels/channel.js';
import { type ChannelTestBot, createChannelTestBot } from '../support/channel-bot.js';

const guide = readFileSync(new URL('../../docs/install-slack-teams.md', import.meta.url), 'utf8');

let bot: ChannelTestBot | undefined;
let channel: Channel | undefined;
afterEach(async () => {
  await channel?.close();
  await bot?.close();
  channel = undefined;
  bot = undefined;
});

/** Creates the channel, or skips the test while the adapter is the "not built yet" placeholder. */
async function mount(
  context: TestContext,
  create: (bot: ChannelTestBot) => Promise<Channel>,
  env: Record<string, string>,
): Promise<Channel> {
  bot = await createChannelTestBot(env);
  try {
    channel = await create(bot);
  } catch (error) {
    if (error instanceof Error && /not built yet/.test(error.message)) context.skip('adapter not built yet');
    throw error;
  }
  return channel;
}

const routesOf = (c: Channel) => c.routes.map((route) => `${route.method} ${route.path}`);

describe('manifests and adapters agree on request paths', () => {
  it('Slack: every request URL of the manifest is a route the Slack channel mounts', async (context) => {
    const { createSlackChannel } = await import('../../adapters/slack/channel.js');
    const slack = await mount(context, (b) => createSlackChannel(b.context), {
      SLACK_SIGNING_SECRET: 'manifest-test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-manifest-test',
      SLACK_BOT_USER_ID: 'UBOTMANIFEST',
      SLACK_BOT_ID: 'BBOTMANIFEST',
      // Nothing may be called while mounting; a closed loopback port makes any call fail fast.
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    const manifest = readSlackManifest() as {
      features: { slash_commands: { url: string }[] };
      settings: { event_subscriptions: { request_url: string }; interactivity: { request_url: string } };
    };
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(routesOf(slack)).toContain(`POST ${new URL(url).pathname}`);
  });

  it('Teams: the messaging endpoint in the install guide is the route the Teams channel mounts', async (context) => {
    const { createTeamsChannel } = await import('../../adapters/teams/channel.js');
    const teams = await mount(context, (b) => createTeamsChannel(b.context), { TEAMS_AUTH_DISABLED: 'true' });
    expect(guide).toContain('https://HOST/api/messages');
    expect(routesOf(teams)).toContain('POST /api/messages');
  });
});

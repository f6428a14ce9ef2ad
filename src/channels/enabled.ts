/**
 * Which chat channels run, from the configuration, each loaded only when enabled (so a deployment without Teams
 * never loads botbuilder). The web chat is always on; Slack, Teams and LINE when configured.
 */
import { type Config, demoMode } from '../config.js';
import type { Channel, ChannelContext } from './channel.js';

export function slackEnabled(config: Config): boolean {
  return config.SLACK_SIGNING_SECRET !== undefined || config.SLACK_APP_TOKEN !== undefined;
}

export function teamsEnabled(config: Config): boolean {
  return config.MicrosoftAppId !== undefined || config.TEAMS_AUTH_DISABLED;
}

export function lineEnabled(config: Config): boolean {
  return config.LINE_CHANNEL_SECRET !== undefined && config.LINE_CHANNEL_ACCESS_TOKEN !== undefined;
}

export async function createChannels(context: ChannelContext): Promise<Channel[]> {
  const { createWebChannel } = await import('../../adapters/web/channel.js');
  const channels: Channel[] = [
    await createWebChannel(context, {
      demo: demoMode(context.config),
      receipts: context.receipts,
      frameAncestors: context.config.WEB_FRAME_ANCESTORS,
      now: () => context.now(),
    }),
  ];
  if (slackEnabled(context.config)) {
    const { createSlackChannel } = await import('../../adapters/slack/channel.js');
    channels.push(await createSlackChannel(context));
  }
  if (teamsEnabled(context.config)) {
    const { createTeamsChannel } = await import('../../adapters/teams/channel.js');
    channels.push(await createTeamsChannel(context));
  }
  if (lineEnabled(context.config)) {
    const { createLineChannel } = await import('../../adapters/line/channel.js');
    channels.push(await createLineChannel(context));
  }
  return channels;
}

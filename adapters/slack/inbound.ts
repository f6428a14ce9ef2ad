/**
 * Slack deliveries → inbound turns for the one turn pipeline (src/pipeline: de-duplication by the platform id,
 * rate limit, speaker, …), replies → Slack. Every listener acknowledges first (Events API deliveries are
 * acknowledged by Bolt before listeners run; commands and actions call `ack()` at once). Nothing here decides
 * anything about a procedure.
 *
 * - Direct messages (`message` in an `im`, no subtype, not from a bot) and mentions in channels (`app_mention`,
 *   answered in the thread, one conversation per thread and user).
 * - The slash command (see `command.ts`); its replies go to the user's direct messages with the bot.
 * - The Home tab (`app_home_opened` → `views.publish`); its buttons start an entry point in the direct messages.
 * - Buttons (`block_actions` with our action ids): choice, acknowledgement submit, typed submit, entry point.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { agentCommandOrText } from '../../src/channels/agent-commands.js';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { SpeakerDeps } from '../../src/channels/speaker.js';
import type { TurnInput } from '../../src/engine/turn.js';
import type { TurnPipeline } from '../../src/pipeline/index.js';
import { ACTION_ID_PATTERN, decodeButtonValue, inputOfButton } from './actions.js';
import type { SlackApi } from './api.js';
import { commandInput } from './command.js';
import { homeView } from './home.js';
import type { ClickedMessage, Outbound } from './outbound.js';
import { conversationKeyOf, plainTextOf, type SlackPlace } from './place.js';
import { SLASH_COMMAND_ACK } from './texts.js';

export interface InboundDeps {
  context: ChannelContext;
  /** The turn pipeline, with the channel's speakers (the configured directory plus the Slack user group). */
  pipeline: TurnPipeline;
  /** Who is an agent (the Home tab differs for agents). */
  speakers: SpeakerDeps;
  api: SlackApi;
  outbound: Outbound;
}

export function registerInbound(app: App, deps: InboundDeps): void {
  const { context, pipeline, speakers, api, outbound } = deps;
  const { config } = context;
  const directMessages = new Map<string, string>();

  const directMessageOf = async (userId: string): Promise<string> => {
    const known = directMessages.get(userId);
    if (known) return known;
    const channel = await api.openDirectMessage(userId);
    directMessages.set(userId, channel);
    return channel;
  };

  /** Runs one delivery's work; our faults go to `onError`, never to the user or to Bolt's retry logic. */
  const guarded = async (phase: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      context.onError(error, { channel: 'slack', phase });
    }
  };

  // Slack gives no locale without users.info; the conversation's own locale is on every engine reply.
  const deliver = async (place: SlackPlace, input: TurnInput, id: string, clicked?: ClickedMessage) => {
    const { replies, outcome } = await pipeline.handle({
      channel: 'slack',
      user: { platform: 'slack', userId: place.userId },
      baseKey: conversationKeyOf(place),
      deliveryId: id,
      input,
    });
    if (outcome === 'duplicate') return;
    await outbound.show(place, replies, outcome === 'rate-limited' ? undefined : clicked);
  };

  app.event('message', async ({ event, body, context: bolt }) => {
    await guarded('message', async () => {
      if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id) return;
      const text = plainTextOf(event.text ?? '', bolt.botUserId);
      if (!event.user || text === '') return;
      const id = `slack:event:${body.event_id}`;
      await deliver(
        { teamId: body.team_id, channelId: event.channel, userId: event.user },
        agentCommandOrText(text),
        id,
      );
    });
  });

  app.event('app_mention', async ({ event, body, context: bolt }) => {
    await guarded('mention', async () => {
      // Direct messages arrive as `message` events; a mention there would be the same message twice.
      if (event.channel.startsWith('D') || event.bot_id || !event.user) return;
      // The agents' room (live desk) is not a place to talk to the bot: see live-desk-inbound.ts.
      if (event.channel === config.SLACK_HANDOFF_CHANNEL) return;
      const id = `slack:event:${body.event_id}`;
      const text = plainTextOf(event.text, bolt.botUserId);
      const place = {
        teamId: body.team_id,
        channelId: event.channel,
        threadTs: event.thread_ts ?? event.ts,
        userId: event.user,
      };
      await deliver(place, text === '' ? { kind: 'start', dialogId: 'menu' } : agentCommandOrText(text), id);
    });
  });

  app.command(config.SLACK_COMMAND, async ({ command, ack }) => {
    await ack({ response_type: 'ephemeral', text: SLASH_COMMAND_ACK });
    await guarded('command', async () => {
      const id = `slack:command:${command.trigger_id}`;
      const channelId = await directMessageOf(command.user_id);
      const place = { teamId: command.team_id, channelId, userId: command.user_id };
      await deliver(place, commandInput(plainTextOf(command.text)), id);
    });
  });

  app.event('app_home_opened', async ({ event }) => {
    await guarded('home', async () => {
      if (event.tab !== 'home') return;
      const isAgent = await speakers.directory.isAgent({ platform: 'slack', userId: event.user });
      await api.publishHome(event.user, homeView({ isAgent, command: config.SLACK_COMMAND }));
    });
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION_ID_PATTERN },
    async ({ ack, body, action }) => {
      await ack();
      await guarded('action', async () => {
        if (action.type !== 'button') return;
        const value = decodeButtonValue(action.value);
        if (!value) return;
        const userId = body.user.id;
        const id = `slack:action:${action.action_ts}:${action.action_id}:${userId}`;
        const teamId = body.team?.id ?? body.user.team_id ?? '';
        const input = inputOfButton(value, body.state?.values);
        const { message, channel } = body;
        if (!message || !channel) {
          // The Home tab: the conversation happens in the user's direct messages.
          await deliver({ teamId, channelId: await directMessageOf(userId), userId }, input, id);
          return;
        }
        const threadTs: unknown = message.thread_ts;
        const place = {
          teamId,
          channelId: channel.id,
          threadTs: typeof threadTs === 'string' ? threadTs : undefined,
          userId,
        };
        const blocks: unknown = message.blocks;
        const clicked: ClickedMessage = {
          channel: channel.id,
          ts: message.ts,
          text: message.text ?? '',
          blocks: Array.isArray(blocks) ? blocks : [],
          label: action.text.text,
        };
        await deliver(place, input, id, clicked);
      });
    },
  );
}

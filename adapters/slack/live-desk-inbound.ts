/**
 * What agents do in the Slack agents' room (live desk) → the desk. Every listener acknowledges first, then
 * de-duplicates by the platform id, then asks the desk, which alone decides (the directory says who is an agent;
 * only the claimer may write to the customer or end a claimed ticket).
 *
 * - Buttons (`block_actions`, action ids `handoff.*` — a stored spelling: buttons already posted carry it —,
 *   value = ticket id): 「対応する」 → `desk.claim`, 「ボットに戻す」 → `desk.handBack`, 「終了する」 → `desk.close`.
 *   A refusal (not an agent, taken by someone else, already closed) is told to the clicker alone (`chat.postEphemeral`).
 * - Thread replies (`message` events in the room channel, inside a ticket's thread, by a person) →
 *   `desk.fromAgent`. The claimer's words reach the customer. Anyone else's stay in the thread (agents may talk
 *   among themselves); an agent who writes before claiming, or after the end, is told so ephemerally.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Locale } from '../../src/engine/turn.js';
import type { AgentActionResult, AgentRef, ClaimResult, LiveDesk } from '../../src/live-desk/index.js';
import type { DeskSlackApi } from './live-desk-api.js';
import { DESK_ACTION_PATTERN, deskActionOf, refusalText } from './live-desk-render.js';
import { SLACK_ROOM_NAME, threadRefOf } from './live-desk-room.js';
import { plainTextOf } from './place.js';

export interface DeskInboundDeps {
  context: ChannelContext;
  desk: LiveDesk;
  api: DeskSlackApi;
  /** The agents' channel id (SLACK_HANDOFF_CHANNEL). */
  channel: string;
  locale?: Locale;
}

type Refusal = Exclude<ClaimResult | AgentActionResult, { ok: true }>['reason'];

/** Refusals a thread writer is told about; others (not the claimer, not an agent) are internal talk. */
const TOLD_TO_WRITER = new Set<Refusal>(['not-claimed', 'closed', 'undeliverable', 'unknown']);

export function registerDeskInbound(app: App, deps: DeskInboundDeps): void {
  const { context, desk, api, channel } = deps;
  const locale = deps.locale ?? 'ja';

  const guarded = async (phase: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      context.onError(error, { channel: 'slack', phase: `live desk ${phase}` });
    }
  };

  const tell = (user: string, threadTs: string | undefined, reason: Refusal) =>
    api.postEphemeral({ channel, user, threadTs, text: refusalText(reason, locale) });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: DESK_ACTION_PATTERN },
    async ({ ack, body, action }) => {
      await ack();
      await guarded('action', async () => {
        const kind = deskActionOf(action.action_id);
        const ticketId = action.value;
        if (!kind || !ticketId || body.channel?.id !== channel) return;
        const id = `slack:action:${action.action_ts}:${action.action_id}:${body.user.id}`;
        if (!(await context.deduper.firstTime(id))) return;
        const agent: AgentRef = {
          platform: 'slack',
          userId: body.user.id,
          displayName: body.user.name ?? body.user.username,
        };
        const result =
          kind === 'claim'
            ? await desk.claim(ticketId, agent)
            : kind === 'handBack'
              ? await desk.handBack(ticketId, agent)
              : await desk.close(ticketId, agent);
        if (result.ok) return;
        const threadTs: unknown = body.message?.thread_ts;
        await tell(body.user.id, typeof threadTs === 'string' ? threadTs : undefined, result.reason);
      });
    },
  );

  app.event('message', async ({ event, body, context: bolt }) => {
    await guarded('message', async () => {
      if (event.subtype !== undefined || event.channel !== channel || event.bot_id || !event.user) return;
      const threadTs = event.thread_ts;
      if (threadTs === undefined || threadTs === event.ts) return; // the channel itself, not a ticket's thread
      const text = plainTextOf(event.text ?? '', bolt.botUserId);
      if (text === '') return;
      const id = `slack:event:${body.event_id}`;
      if (!(await context.deduper.firstTime(id))) return;
      const ticket = await desk.ticketForThread(SLACK_ROOM_NAME, threadRefOf(channel, threadTs));
      if (!ticket) return;
      const result = await desk.fromAgent(ticket.id, { platform: 'slack', userId: event.user }, text);
      if (!result.ok && TOLD_TO_WRITER.has(result.reason)) await tell(event.user, threadTs, result.reason);
    });
  });
}

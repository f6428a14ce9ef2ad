/**
 * What agents do in the Teams agents' room (live desk) → the desk. Activities of the room's conversation
 * (the channel, and every thread in it) never reach the engine: the room is not a place to talk to the bot.
 *
 * - Card buttons (`{ hh, ticketId }`): 「対応する」 → `desk.claim`, 「ボットに戻す」 → `desk.handBack`,
 *   「終了する」 → `desk.close`. Teams has no message only the clicker sees, so a refusal is a short note in the
 *   thread naming the clicker.
 * - Thread replies (Teams delivers channel messages that mention the bot, or all of them with the resource-specific
 *   permission ChannelMessage.Read.Group) → `desk.fromAgent`, mentions removed. The claimer's words reach the
 *   customer; anyone else's stay in the thread; an agent writing before claiming or after the end is told so.
 * Redelivered activities are dropped by the deduper; the desk alone decides who may do what.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Locale } from '../../src/engine/turn.js';
import type { AgentActionResult, AgentRef, ClaimResult, LiveDesk } from '../../src/live-desk/index.js';
import { roomTexts } from '../../src/live-desk/index.js';
import { stripMentions } from './inbound.js';
import { labelsFor } from './labels.js';
import { deskSubmitOf, noteCard } from './live-desk-cards.js';
import { TEAMS_ROOM_NAME } from './live-desk-room.js';

export interface TeamsDeskInboundDeps {
  context: ChannelContext;
  desk: LiveDesk;
  /** The agents' channel conversation id (TEAMS_HANDOFF_CONVERSATION). */
  roomConversationId: string;
  locale?: Locale;
}

type Refusal = Exclude<ClaimResult | AgentActionResult, { ok: true }>['reason'];

/** Refusals a thread writer is told about; others (not the claimer, not an agent) are internal talk. */
const TOLD_TO_WRITER = new Set<Refusal>(['not-claimed', 'closed', 'undeliverable', 'unknown']);

const THREAD_MARK = ';messageid=';

export interface TeamsDeskInbound {
  /** Whether the activity belongs to the agents' room (then it was handled here and the bot must not see it). */
  handle(turnContext: TurnContext): Promise<boolean>;
}

export function teamsDeskInbound(deps: TeamsDeskInboundDeps): TeamsDeskInbound {
  const { context, desk, roomConversationId } = deps;
  const locale = deps.locale ?? 'ja';
  const inRoom = (id: string | undefined) =>
    id !== undefined && (id === roomConversationId || id.startsWith(`${roomConversationId}${THREAD_MARK}`));

  const refusal = (reason: Refusal): string =>
    reason === 'undeliverable' ? labelsFor(locale).deskUndeliverable : roomTexts(locale).refused(reason);

  const tell = async (turnContext: TurnContext, who: string, reason: Refusal) => {
    await turnContext.sendActivity({
      type: 'message',
      attachments: [noteCard(`${who}: ${refusal(reason)}`)],
    });
  };

  async function handleMessage(turnContext: TurnContext, activity: Activity): Promise<void> {
    const userId = activity.from?.aadObjectId ?? activity.from?.id;
    if (!userId || activity.from?.id === activity.recipient?.id) return;
    const deliveryId = `teams:${activity.conversation.id}:${activity.id}`;
    if (activity.id && !(await context.deduper.firstTime(deliveryId))) return;
    const who = activity.from?.name?.trim() || userId;
    const agent: AgentRef = { platform: 'teams', userId, displayName: who };
    if (activity.value !== undefined && activity.value !== null) {
      const submit = deskSubmitOf(activity.value);
      if (!submit) return;
      const result =
        submit.hh === 'claim'
          ? await desk.claim(submit.ticketId, agent)
          : submit.hh === 'handBack'
            ? await desk.handBack(submit.ticketId, agent)
            : await desk.close(submit.ticketId, agent);
      if (!result.ok) await tell(turnContext, who, result.reason);
      return;
    }
    const at = activity.conversation.id.indexOf(THREAD_MARK);
    const rootId = at < 0 ? '' : activity.conversation.id.slice(at + THREAD_MARK.length);
    if (rootId === '' || rootId === activity.id) return; // a new post in the channel, not a ticket's thread
    const ticket = await desk.ticketForThread(TEAMS_ROOM_NAME, rootId);
    const text = stripMentions(activity.text ?? '');
    if (!ticket || text === '') return;
    const result = await desk.fromAgent(ticket.id, agent, text);
    if (!result.ok && TOLD_TO_WRITER.has(result.reason)) await tell(turnContext, who, result.reason);
  }

  return {
    async handle(turnContext) {
      const activity = turnContext.activity;
      if (!inRoom(activity.conversation?.id)) return false;
      if (activity.type !== 'message') return true;
      try {
        await handleMessage(turnContext, activity);
      } catch (error) {
        context.onError(error, { channel: 'teams', phase: 'live desk' });
      }
      return true;
    },
  };
}

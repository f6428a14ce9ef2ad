/**
 * The agents' room on Teams (live desk): one channel (TEAMS_HANDOFF_CONVERSATION at
 * TEAMS_HANDOFF_SERVICE_URL), each ticket a new post (card with its summary and 「対応する」), the conversation
 * with the customer in that post's thread. The thread reference is the root post's activity id.
 *
 * - `post` → a new post in the channel; `markClaimed` → the root card updated (button gone, who handles it) and the
 *   claimer's controls (「ボットに戻す」/「終了する」) posted once in the thread; `relay` → a thread reply naming the
 *   writer; `markClosed` → root and controls lose their buttons, and the reason is posted in the thread.
 * Translation only: who may claim, write or close is the desk's decision (see live-desk-inbound.ts).
 */
import type { Locale } from '../../src/engine/turn.js';
import {
  type AgentRoom,
  formatPostedSummary,
  type RelayAuthor,
  roomTexts,
  type Ticket,
} from '../../src/live-desk/index.js';
import { memoryControls, type RoomControls } from '../../src/live-desk/room-controls.js';
import { controlsCard, noteCard, relayCard, settledCard, ticketCard } from './live-desk-cards.js';
import { type TeamsConversation, type TeamsPoster, threadConversation } from './live-desk-connector.js';

export const TEAMS_ROOM_NAME = 'teams';

export class TeamsAgentRoom implements AgentRoom {
  readonly name = TEAMS_ROOM_NAME;
  readonly platform = 'teams' as const;

  constructor(
    private readonly poster: TeamsPoster,
    /** The agents' channel. */
    readonly channel: TeamsConversation,
    private readonly locale: Locale = 'ja',
    /** Ticket → activity id of the claimer's controls in its thread (shared by instances: see `RoomControls`). */
    private readonly controls: RoomControls = memoryControls(),
  ) {}

  #thread(rootId: string): TeamsConversation {
    return { ...this.channel, conversationId: threadConversation(this.channel.conversationId, rootId) };
  }

  post(ticket: Ticket, summaryText: string): Promise<string> {
    return this.poster.send(this.channel, ticketCard(ticket.id, summaryText, this.locale));
  }

  async relay(_ticket: Ticket, threadRef: string, text: string, from: RelayAuthor): Promise<void> {
    await this.poster.send(this.#thread(threadRef), relayCard(text, from, this.locale));
  }

  async markClaimed(ticket: Ticket, threadRef: string, agentLabel: string): Promise<void> {
    const status = `🧑‍💻 ${roomTexts(this.locale).claimedBy(agentLabel)}`;
    await this.poster.update(
      this.#thread(threadRef),
      threadRef,
      settledCard(formatPostedSummary(ticket, this.locale), status),
    );
    if ((await this.controls.get(this.name, ticket.id)) !== undefined) return;
    const controls = await this.poster.send(
      this.#thread(threadRef),
      controlsCard(ticket.id, agentLabel, this.locale),
    );
    await this.controls.remember(this.name, ticket.id, controls);
  }

  async markClosed(ticket: Ticket, threadRef: string, note: string): Promise<void> {
    const thread = this.#thread(threadRef);
    const status = `🔒 ${note}`;
    await this.poster.update(
      thread,
      threadRef,
      settledCard(formatPostedSummary(ticket, this.locale), status),
    );
    const controls = await this.controls.take(this.name, ticket.id);
    if (controls) await this.poster.update(thread, controls, noteCard(status));
    await this.poster.send(thread, noteCard(status));
  }
}

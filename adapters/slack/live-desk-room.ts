/**
 * The agents' room on Slack (live desk): one channel (SLACK_HANDOFF_CHANNEL, private), each ticket a root post
 * with its summary and 「対応する」, the conversation with the customer in that post's thread.
 *
 * - `post` → `chat.postMessage` to the channel; the thread reference is `<channel>:<ts>` of the root post.
 * - `markClaimed` → `chat.update` of the root (claim button gone, 「<@agent> さんが対応中です。」) so every agent
 *   sees it is taken, and the claimer's controls (「ボットに戻す」/「終了する」) posted once in the thread.
 * - `relay` → a thread reply naming who wrote it (the customer, or an agent on another platform).
 * - `markClosed` → the root and the controls lose their buttons and show why; the reason is also posted in the
 *   thread, where the agents are reading.
 * Translation only: who may claim, write or close is the desk's decision (see live-desk-inbound.ts).
 */
import type { Locale } from '../../src/engine/turn.js';
import {
  type AgentRoom,
  formatPostedSummary,
  type RelayAuthor,
  type Ticket,
} from '../../src/live-desk/index.js';
import { memoryControls, type RoomControls } from '../../src/live-desk/room-controls.js';
import type { DeskSlackApi } from './live-desk-api.js';
import {
  claimedPost,
  closedControls,
  closedPost,
  relayMessage,
  threadControls,
  ticketPost,
} from './live-desk-render.js';

/** The room's name in `Ticket.threads` and in the desk's thread records. */
export const SLACK_ROOM_NAME = 'slack';

export interface ThreadRef {
  channel: string;
  ts: string;
}

export function threadRefOf(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

export function parseThreadRef(ref: string): ThreadRef {
  const at = ref.indexOf(':');
  if (at <= 0 || at === ref.length - 1) throw new Error(`Not a Slack thread reference: "${ref}"`);
  return { channel: ref.slice(0, at), ts: ref.slice(at + 1) };
}

export class SlackAgentRoom implements AgentRoom {
  readonly name = SLACK_ROOM_NAME;
  readonly platform = 'slack' as const;

  constructor(
    private readonly api: DeskSlackApi,
    /** The agents' channel id. */
    readonly channel: string,
    private readonly locale: Locale = 'ja',
    /** Ticket → ts of the claimer's controls in its thread (shared by instances: see `RoomControls`). */
    private readonly controls: RoomControls = memoryControls(),
  ) {}

  async post(ticket: Ticket, summaryText: string): Promise<string> {
    const ts = await this.api.postMessage({
      channel: this.channel,
      ...ticketPost(ticket, summaryText, this.locale),
    });
    return threadRefOf(this.channel, ts);
  }

  async relay(_ticket: Ticket, threadRef: string, text: string, from: RelayAuthor): Promise<void> {
    const { channel, ts } = parseThreadRef(threadRef);
    await this.api.postMessage({ channel, threadTs: ts, ...relayMessage(text, from, this.locale) });
  }

  async markClaimed(ticket: Ticket, threadRef: string, agentLabel: string): Promise<void> {
    const { channel, ts } = parseThreadRef(threadRef);
    await this.api.update({
      channel,
      ts,
      ...claimedPost(ticket, formatPostedSummary(ticket, this.locale), agentLabel, this.locale),
    });
    if ((await this.controls.get(this.name, ticket.id)) !== undefined) return;
    const controls = await this.api.postMessage({
      channel,
      threadTs: ts,
      ...threadControls(ticket, agentLabel, this.locale),
    });
    await this.controls.remember(this.name, ticket.id, controls);
  }

  async markClosed(ticket: Ticket, threadRef: string, note: string): Promise<void> {
    const { channel, ts } = parseThreadRef(threadRef);
    await this.api.update({ channel, ts, ...closedPost(formatPostedSummary(ticket, this.locale), note) });
    const controls = await this.controls.take(this.name, ticket.id);
    if (controls) await this.api.update({ channel, ts: controls, ...closedControls(note) });
    await this.api.postMessage({ channel, threadTs: ts, ...closedControls(note) });
  }
}

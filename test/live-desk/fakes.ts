/**
 * In-memory stand-ins for what the channel adapters will implement (agents' rooms, delivery to the customer),
 * recording every call, and a set-up of the live desk in front of the full bot (real engine, sandbox, demo data).
 */
import { staticAgentDirectory } from '../../src/channels/agent-directory.js';
import type { Engine } from '../../src/engine/runtime.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import type { Reply } from '../../src/engine/turn.js';
import {
  type AgentRef,
  type AgentRoom,
  type CustomerDelivery,
  calendarHours,
  createLiveDesk,
  type DeliveryContext,
  type DeskRecord,
  LIVE_DESK_TTL_MS,
  type LiveDesk,
  type LiveDeskOptions,
  type RelayAuthor,
  type Ticket,
} from '../../src/live-desk/index.js';
import { type Driver, driveEngine, replyText } from '../engine/harness.js';
import { type ChannelTestBot, createChannelTestBot } from '../support/channel-bot.js';

export type RoomEvent =
  | { kind: 'post'; ticketId: string; status: Ticket['status']; summary: string; ticket: Ticket }
  | { kind: 'relay'; ticketId: string; threadRef: string; text: string; from: RelayAuthor }
  | { kind: 'claimed'; ticketId: string; threadRef: string; label: string }
  | { kind: 'closed'; ticketId: string; threadRef: string; note: string; reason: Ticket['closedReason'] };

export class FakeRoom implements AgentRoom {
  readonly events: RoomEvent[] = [];
  /** When set, every call rejects (a platform outage). */
  failing = false;
  #threads = 0;

  constructor(
    readonly name: string,
    readonly platform?: AgentRoom['platform'],
  ) {}

  async post(ticket: Ticket, summary: string): Promise<string> {
    this.#check();
    this.#threads += 1;
    this.events.push({ kind: 'post', ticketId: ticket.id, status: ticket.status, summary, ticket });
    return `${this.name}/thread-${this.#threads}`;
  }

  async relay(ticket: Ticket, threadRef: string, text: string, from: RelayAuthor): Promise<void> {
    this.#check();
    this.events.push({ kind: 'relay', ticketId: ticket.id, threadRef, text, from });
  }

  async markClaimed(ticket: Ticket, threadRef: string, label: string): Promise<void> {
    this.#check();
    this.events.push({ kind: 'claimed', ticketId: ticket.id, threadRef, label });
  }

  async markClosed(ticket: Ticket, threadRef: string, note: string): Promise<void> {
    this.#check();
    this.events.push({ kind: 'closed', ticketId: ticket.id, threadRef, note, reason: ticket.closedReason });
  }

  of<K extends RoomEvent['kind']>(kind: K): Extract<RoomEvent, { kind: K }>[] {
    return this.events.filter((e): e is Extract<RoomEvent, { kind: K }> => e.kind === kind);
  }

  #check(): void {
    if (this.failing) throw new Error(`room ${this.name} is down`);
  }
}

export interface Delivered {
  conversationKey: string;
  replies: Reply[];
  context: DeliveryContext;
}

export class FakeDelivery implements CustomerDelivery {
  readonly delivered: Delivered[] = [];
  failing = false;

  async deliver(conversationKey: string, replies: Reply[], context: DeliveryContext): Promise<void> {
    if (this.failing) throw new Error('customer channel is down');
    this.delivered.push({ conversationKey, replies, context });
  }

  /** Everything delivered to a conversation, as one text. */
  textFor(conversationKey: string): string {
    return replyText(
      this.delivered.filter((d) => d.conversationKey === conversationKey).flatMap((d) => d.replies),
    );
  }
}

export const AGENT_ONE: AgentRef = { platform: 'slack', userId: 'UAGENT1', displayName: '佐藤' };
export const AGENT_TWO: AgentRef = { platform: 'teams', userId: 'aad-agent-2', displayName: 'Suzuki' };
/** Someone in the agents' channel who is not a configured agent. */
export const NOT_AN_AGENT: AgentRef = { platform: 'slack', userId: 'UINTRUDER', displayName: 'Mallory' };

/** Tuesday 2026-11-24 10:00 JST: every desk is open. (The default test day, 11-23, is a public holiday.) */
export const OPEN_NOW = '2026-11-24T10:00:00+09:00';

export const CUSTOMER_KEY = 'web:session-1';

export interface LiveDeskSetup {
  t: ChannelTestBot;
  desk: LiveDesk;
  rooms: FakeRoom[];
  delivery: FakeDelivery;
  store: ConversationStore<DeskRecord>;
  /** The bot's engine behind the live-desk front (what channels would call). */
  front: Engine;
  /** The customer, talking to the bot through the front. */
  customer: Driver;
  errors: unknown[];
  close(): Promise<void>;
}

export async function setupLiveDesk(
  options: {
    now?: string;
    rooms?: FakeRoom[];
    store?: ConversationStore<DeskRecord>;
    onHandoff?: LiveDeskOptions['onHandoff'];
    afterLiveEnded?: LiveDeskOptions['afterLiveEnded'];
  } = {},
): Promise<LiveDeskSetup> {
  const t = await createChannelTestBot();
  if (options.now) t.clock.set(options.now);
  const rooms = options.rooms ?? [
    new FakeRoom('slack-agents', 'slack'),
    new FakeRoom('teams-agents', 'teams'),
  ];
  const delivery = new FakeDelivery();
  const store = options.store ?? createMemoryStore<DeskRecord>({ ttlMs: LIVE_DESK_TTL_MS });
  const errors: unknown[] = [];
  const desk = createLiveDesk({
    store,
    engine: t.bot.engine,
    rooms,
    customers: delivery,
    directory: staticAgentDirectory({ slack: ['UAGENT1'], teams: ['aad-agent-2'] }),
    ...calendarHours([]),
    now: () => t.clock.now(),
    onError: (error) => errors.push(error),
    ...(options.onHandoff ? { onHandoff: options.onHandoff } : {}),
    ...(options.afterLiveEnded ? { afterLiveEnded: options.afterLiveEnded } : {}),
  });
  const pipeline = t.bot.pipeline.with({ desk, onError: (error) => errors.push(error) });
  const front: Engine = {
    definition: t.bot.engine.definition,
    describe: (key) => t.bot.engine.describe(key),
    handle: async (turn) => (await pipeline.handleTurn(turn)).replies,
  };
  const customer = driveEngine(front, {
    conversationKey: CUSTOMER_KEY,
    channel: 'web',
    actor: { kind: 'customer', id: 'web:visitor-1' },
  });
  return { t, desk, rooms, delivery, store, front, customer, errors, close: () => t.close() };
}

/** Camera deletion up to its final confirmation, every consequence acknowledged (demo customer CUS-1001). */
export async function toFinalConfirmation(s: LiveDeskSetup): Promise<void> {
  await s.customer.say('カメラを削除したい');
  await s.customer.say('camera-two@example.com');
  await s.customer.say(s.t.codeFor('camera-two@example.com'));
  await s.customer.say('CameraOA');
  await s.customer.click('delete');
  await s.customer.tick(['no-refund', 'license-forfeit', 'data-loss']);
}

/** The choice ids of every reply in `replies`. */
export function choiceIds(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) => (r.choices ?? []).map((c) => c.id));
}

/** The state version a reply with this choice carries (to click it like a channel would). */
export function versionOf(replies: readonly Reply[], choiceId: string): number {
  const reply = replies.find((r) => r.choices?.some((c) => c.id === choiceId));
  if (!reply) throw new Error(`No reply offers "${choiceId}"; got: ${replyText([...replies])}`);
  return reply.stateVersion;
}

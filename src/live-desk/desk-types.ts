/** The live desk's public contract: what it needs, what it offers and the outcomes it reports. */
import type { AgentDirectory } from '../channels/speaker.js';
import type { Engine } from '../engine/runtime.js';
import type { Locale, Reply } from '../engine/turn.js';
import type { DeskOffer, DeskStore } from './records.js';
import type { AgentRoom, CustomerDelivery, ErrorSink } from './rooms.js';
import type { AgentRef, Ticket } from './ticket.js';

export interface LiveDeskOptions {
  /** Tickets and per-conversation live desk state; shared by every instance (see `createStore`). */
  store: DeskStore;
  /** For `describe` (the summary) and dialog titles. */
  engine: Pick<Engine, 'describe' | 'definition'>;
  /**
   * The agents' rooms; with none, no live chat is offered and every request answers "unavailable". Read live: the
   * array may be filled after the desk is built (see `DeskRegistry`).
   */
  rooms: readonly AgentRoom[];
  customers: CustomerDelivery;
  /** Who is an agent: only they may claim, speak, hand back or close. */
  directory: AgentDirectory;
  /** Whether a person can join a live chat about this dialog now (see `calendarHours`). */
  isOpen(dialogId: string | undefined, now: Date): boolean;
  /** When a person is next available, told to customers leaving a request. */
  nextOpening?(dialogId: string | undefined, now: Date): Date | undefined;
  now?: () => Date;
  /** The language of the agents' rooms (default `ja`). */
  agentLocale?: Locale;
  /** Our own faults (a room or a delivery failing), for the operator's log. Never includes message text. */
  onError?: ErrorSink;
  /**
   * Told of each handoff as it happens (audit trail, metrics): a live chat asked for, a request left, a claim.
   * A failure is reported to `onError` and never changes what the customer or the agent is told.
   */
  onHandoff?: (event: HandoffEvent) => void | Promise<void>;
  /**
   * After an agent ended a live chat (closed it or handed it back) and the customer was told: what the bot adds
   * in the customer's chat (the satisfaction question, `src/pipeline/desk-notices.ts`), delivered after the desk's
   * message. Not called when the customer could not be told, nor for a request (its customer is with the bot).
   */
  afterLiveEnded?: (ticket: Ticket) => Promise<Reply[]>;
}

/**
 * A handoff as the audit trail and metrics see it: `live` (a live chat was asked for and reached the rooms),
 * `request` (a callback request was left for later; the stored spelling of the audit log's `what.handoff`),
 * `claimed` (an agent took a waiting live chat; `waitedMs` from the request to the claim).
 */
export interface HandoffEvent {
  kind: 'live' | 'request' | 'claimed';
  ticket: Ticket;
  /** When it happened (ISO). */
  at: string;
  /** `claimed`: milliseconds from the ticket's creation to the claim. */
  waitedMs?: number | undefined;
  /** `claimed`: the claiming agent's actor id (`slack:U…`). */
  agentId?: string | undefined;
}

/** Something to tell the customer, as the engine would (the caller adds the state version). */
export type CustomerText = Pick<Reply, 'text' | 'tone'>;

export interface TicketRequest {
  /** The customer's channel (`web`, `slack`, `teams`). */
  channel: string;
  locale: Locale;
  /** The customer's actor id (`slack:U…`). */
  actorId: string;
  dialogId?: string | undefined;
  /** The bot's last texts the customer saw (see `recentTexts`); at most ten are kept. */
  recentReplies: readonly string[];
  /** Given: a callback request left for later (status `request`, any time). Absent: a live chat now (in hours). */
  callbackRequest?: string | undefined;
  /** The bot's question the customer was at, shown again when the conversation comes back to the bot. */
  resume?: Reply | undefined;
  /** The engine's state version at the handoff. */
  stateVersion?: number | undefined;
}

export type OpenTicketResult =
  | { ok: true; ticket: Ticket; messages: CustomerText[] }
  | { ok: false; reason: 'no-rooms' | 'closed' | 'undeliverable'; messages: CustomerText[] };

export type ClaimResult =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: 'not-agent' | 'closed' | 'unknown' }
  | { ok: false; reason: 'already-claimed'; claimedBy: string; claimedByLabel: string };

export type AgentActionResult =
  | { ok: true; ticket: Ticket }
  | {
      ok: false;
      reason: 'not-agent' | 'not-claimer' | 'not-claimed' | 'closed' | 'unknown' | 'undeliverable';
    };

export interface CustomerRelay {
  /** Whether the text reached at least one agents' room. */
  relayed: boolean;
  /** The live ticket the text belonged to; `undefined`: no live ticket, the text is the bot's. */
  ticket?: Ticket | undefined;
  /** What to tell the customer (possibly nothing). */
  messages: CustomerText[];
  /**
   * The business hours ended before anyone claimed the ticket: it was kept as a request and the customer is back
   * with the bot; `resume` is the question they were at.
   */
  released?: boolean | undefined;
  resume?: Reply | undefined;
}

export interface LeaveResult {
  ticket: Ticket;
  /** What to tell the customer (the bot is back), then the question they were at, when known. */
  messages: CustomerText[];
  resume?: Reply | undefined;
}

/** Where a conversation stands with the desk. */
export interface ConversationDeskState {
  /** Its waiting or claimed ticket: the customer is talking to a person. */
  active?: Ticket | undefined;
  offer?: DeskOffer | undefined;
  /** The customer chose to leave a request, recently: their next text is it. */
  awaitingCallbackRequest: boolean;
}

/** An offer as the front notes it; the desk adds the time. */
export type NewOffer = Omit<DeskOffer, 'at'>;

export interface LiveDesk {
  /** Whether any agents' room is registered now (rooms may be added after the desk is built). */
  readonly available: boolean;
  isOpen(dialogId: string | undefined): boolean;
  nextOpening(dialogId: string | undefined): Date | undefined;
  /** Opens a ticket and posts its summary to every room. */
  openTicket(conversationKey: string, request: TicketRequest): Promise<OpenTicketResult>;
  claim(ticketId: string, agent: AgentRef): Promise<ClaimResult>;
  /** Delivers the claimer's text to the customer; anyone else is refused. */
  fromAgent(ticketId: string, agent: AgentRef, text: string): Promise<AgentActionResult>;
  /** Gives the conversation back to the bot (the claimer; any agent while unclaimed). */
  handBack(ticketId: string, agent: AgentRef): Promise<AgentActionResult>;
  /** Ends the ticket (the claimer; any agent while unclaimed). */
  close(ticketId: string, agent: AgentRef): Promise<AgentActionResult>;
  /** Relays the customer's text to the live ticket's thread in every room. */
  fromCustomer(conversationKey: string, text: string): Promise<CustomerRelay>;
  /** The customer leaves the live chat ("back to bot"); `undefined` when there was none. */
  leave(conversationKey: string): Promise<LeaveResult | undefined>;
  /** The waiting or claimed ticket of the conversation. */
  activeTicket(conversationKey: string): Promise<Ticket | undefined>;
  ticket(ticketId: string): Promise<Ticket | undefined>;
  /**
   * The conversation's latest ticket unless it is closed: waiting, claimed, or a request left for later (which an
   * agent may still claim and answer). Channels use it to know whether messages may arrive outside a turn.
   */
  currentTicket(conversationKey: string): Promise<Ticket | undefined>;
  /** The ticket a room's thread belongs to (for a reply an agent writes in that thread). */
  ticketForThread(roomName: string, threadRef: string): Promise<Ticket | undefined>;
  /** Where the conversation stands with the desk: live ticket, last offer, writing a request. */
  state(conversationKey: string): Promise<ConversationDeskState>;
  /** Remembers what was offered (the front calls this when it offers a person); replaces the previous offer. */
  noteOffer(conversationKey: string, offer: NewOffer): Promise<void>;
  /** Starts or stops taking the customer's next text as a request. */
  awaitCallbackRequest(conversationKey: string, awaiting: boolean): Promise<void>;
}

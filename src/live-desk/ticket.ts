/**
 * The live desk's ticket: one customer's request for a person (a live chat or a callback request), as stored (JSON)
 * and as shown to agents' rooms.
 *
 * Life cycle: `waiting` (live chat asked in business hours, nobody has claimed it yet) or `request` (left out of
 * hours; the customer went on with the bot) → `claimed` (one agent talks with the customer; messages are relayed
 * both ways) → `closed` (handed back, closed by an agent, left by the customer, replaced or undeliverable).
 * Only the claimer may speak to the customer; a closed ticket never opens again.
 */
import { randomBytes } from 'node:crypto';
import type { Platform } from '../channels/speaker.js';
import type { Fact, Locale, Reply } from '../engine/turn.js';

/**
 * Stored (persisted) values, so their spelling stays: `request` is a callback request (the customer left a request
 * to be called back, see `TicketRequest.callbackRequest`).
 */
export type TicketStatus = 'waiting' | 'claimed' | 'closed' | 'request';

/** Why a ticket was closed; rooms may show it, the customer is told in their own words. */
export type CloseReason =
  | 'handed-back' // the claimer gave the conversation back to the bot
  | 'closed-by-agent' // an agent closed it (resolved, or dismissed an unclaimed one)
  | 'customer-left' // the customer said "back to bot"
  | 'replaced' // the same conversation asked again; the newer ticket stands
  | 'undeliverable'; // no agents' room could be reached

/** What an agent needs to take over, built from `engine.describe` and what the bot last showed. */
export interface TicketSummary {
  /** The chat user (`slack:U…`, `web:<session>`), and the customer id once verified by one-time code. */
  customer: { actorId: string; customerId?: string | undefined };
  /** Innermost last: the procedure in progress and its step (empty when nothing was in progress). */
  position: { dialogId: string; nodeId: string; title?: string | undefined }[];
  /** The dialog the handoff was offered from (`Reply.contactsShown.dialogId`). */
  dialogId?: string | undefined;
  /** Acknowledgements the customer ticked, with the texts they were shown. */
  acknowledged: { id: string; text: string }[];
  /** Final confirmations given and not yet used. */
  confirmed: { finalQuestion: string; facts: Fact[] }[];
  /** A destructive operation whose outcome is still unknown. */
  pendingOperation?: string | undefined;
  /** The last bot messages the customer saw (texts and facts only), oldest first, at most {@link MAX_RECENT}. */
  recentReplies: string[];
  /** The customer's own words when they left a callback request (stored name `request`, kept). */
  request?: string | undefined;
}

export interface Ticket {
  /** Short and unguessable (see {@link newTicketId}); also the number the customer and the agents quote. */
  id: string;
  conversationKey: string;
  /** The customer's channel (`web`, `slack`, `teams`), for delivery. */
  channel: string;
  locale: Locale;
  status: TicketStatus;
  /** Actor id of the claiming agent (`slack:U…`), and how rooms name them. */
  claimedBy?: string | undefined;
  claimedByLabel?: string | undefined;
  summary: TicketSummary;
  /**
   * The bot's question the customer was at when they asked for a person, shown again when the conversation
   * comes back to the bot. Dropped once the customer went on with the bot (a request left out of hours).
   */
  resume?: Reply | undefined;
  /** The engine's state version at the handoff; messages delivered to the customer carry it. */
  stateVersion: number;
  /** Room name → that room's thread (opaque, set by the room). */
  threads: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  closedReason?: CloseReason | undefined;
}

/** An agent as a room reports them. Whether they are an agent is decided by the `AgentDirectory`, never by this. */
export interface AgentRef {
  platform: Platform;
  userId: string;
  displayName?: string | undefined;
}

export const MAX_RECENT = 10;

/** Crockford base32 without I, L, O, U: readable over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `HK-` and 10 random base32 characters (50 bits): short enough to quote, too many to guess. */
export function newTicketId(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return `HK-${id}`;
}

/** Waiting or claimed: the customer's messages go to the agents, not to the bot. */
export function isLive(ticket: Ticket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'claimed';
}

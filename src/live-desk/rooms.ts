/**
 * What the live desk needs from the platforms, implemented by the channel adapters:
 * - an {@link AgentRoom} is one agents' channel (a Slack channel, a Teams channel) where tickets are posted, each
 *   in a thread of its own, with buttons to claim, hand back and close;
 * - the {@link CustomerDelivery} puts messages into the customer's own chat outside of a turn (the web chat
 *   appends them to the session transcript; Slack and Teams post to the customer's conversation).
 * Adapters translate; they decide nothing. Whether someone may claim, speak or close is decided by the desk.
 */
import type { Platform } from '../channels/speaker.js';
import type { Locale, Reply } from '../engine/turn.js';
import type { Ticket } from './ticket.js';

/** Who wrote a relayed message. */
export type RelayAuthor = { kind: 'customer' } | { kind: 'agent'; label: string } | { kind: 'bot' };

export interface AgentRoom {
  /** Unique among the desk's rooms; the key of this room's thread in `Ticket.threads`. */
  readonly name: string;
  /**
   * The platform whose agents work in this room. An agent's message is mirrored into the rooms of the other
   * platforms (their own room already shows it). Rooms without a platform get no mirrored agent messages.
   */
  readonly platform?: Platform | undefined;
  /**
   * Posts a new ticket (status `waiting` or `request`) with its summary (plain text in the agents' language, see
   * `formatSummary`) and a claim button carrying `ticket.id`. Resolves to this room's reference to the post's
   * thread (opaque to the desk, e.g. Slack `channel:ts`), which later calls get back.
   */
  post(ticket: Ticket, summaryText: string): Promise<string>;
  /** Adds a message to the ticket's thread: the customer's words, the claiming agent's (mirrored), a bot note. */
  relay(ticket: Ticket, threadRef: string, text: string, from: RelayAuthor): Promise<void>;
  /** Shows that the ticket was claimed (e.g. replaces the claim button with "<agent> is handling this"). */
  markClaimed(ticket: Ticket, threadRef: string, agentLabel: string): Promise<void>;
  /** Shows that the ticket is closed (`ticket.closedReason`); `note` is that reason in the agents' language. */
  markClosed(ticket: Ticket, threadRef: string, note: string): Promise<void>;
}

/** Where a delivery goes, besides the conversation key. */
export interface DeliveryContext {
  /** The customer's channel (`web`, `slack`, `teams`): composition roots route by it. */
  channel: string;
  ticketId: string;
  locale: Locale;
}

export interface CustomerDelivery {
  /**
   * Shows `replies` in the customer's conversation, in order, as the channel shows the engine's replies. They
   * carry the engine's state version of the handoff; a reply with choices is the bot's question shown again
   * after the conversation came back to the bot. Rejects when the messages could not be delivered.
   */
  deliver(conversationKey: string, replies: Reply[], context: DeliveryContext): Promise<void>;
}

export type ErrorSink = (error: unknown, context: { phase: string; ticketId?: string }) => void;

/**
 * Runs `action` for every room holding a thread of the ticket (all at once); a room's failure is logged and does
 * not stop the others. Returns how many rooms succeeded.
 */
export async function eachThread(
  rooms: readonly AgentRoom[],
  ticket: Ticket,
  phase: string,
  onError: ErrorSink,
  action: (room: AgentRoom, threadRef: string) => Promise<unknown>,
): Promise<number> {
  const targets = rooms.flatMap((room) => {
    const ref = ticket.threads[room.name];
    return ref === undefined ? [] : [{ room, ref }];
  });
  const settled = await Promise.allSettled(targets.map(({ room, ref }) => action(room, ref)));
  let ok = 0;
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') ok += 1;
    else onError(outcome.reason, { phase: `${phase} (${targets[i]?.room.name})`, ticketId: ticket.id });
  });
  return ok;
}

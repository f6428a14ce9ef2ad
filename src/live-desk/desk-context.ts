/**
 * What the live desk's operations share: the records, the rooms, the clock and the few steps every side needs
 * (telling the customer, closing a ticket and telling the rooms). Internal to src/live-desk.
 */
import type { ConversationDeskState, CustomerText, HandoffEvent, LiveDeskOptions } from './desk-types.js';
import { roomTexts } from './messages.js';
import { DeskRecords } from './records.js';
import { type AgentRoom, type ErrorSink, eachThread } from './rooms.js';
import { type CloseReason, isLive, type Ticket } from './ticket.js';

/** After choosing "leave a request", the customer's next text is taken as the request for this long. */
export const AWAIT_REQUEST_MS = 30 * 60_000;
/** Longest relayed message, either way. */
export const MAX_RELAY_CHARS = 4000;

export class DeskContext {
  readonly records: DeskRecords;
  readonly rooms: readonly AgentRoom[];
  readonly now: () => Date;
  readonly onError: ErrorSink;

  constructor(readonly options: LiveDeskOptions) {
    this.records = new DeskRecords(options.store);
    this.rooms = options.rooms;
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => {});
  }

  /** Tells `onHandoff` (audit trail, metrics); its failure goes to the fault log only. */
  async reportHandoff(event: HandoffEvent): Promise<void> {
    try {
      await this.options.onHandoff?.(event);
    } catch (error) {
      this.onError(error, { phase: `report handoff ${event.kind}`, ticketId: event.ticket.id });
    }
  }

  get agentLocale() {
    return this.options.agentLocale ?? 'ja';
  }

  isOpen(dialogId: string | undefined): boolean {
    return this.options.isOpen(dialogId, this.now());
  }

  nextOpening(dialogId: string | undefined): Date | undefined {
    try {
      return this.options.nextOpening?.(dialogId, this.now());
    } catch (error) {
      this.onError(error, { phase: 'next opening' });
      return undefined;
    }
  }

  async state(conversationKey: string): Promise<ConversationDeskState> {
    const c = await this.records.conversation(conversationKey);
    const ticket = c.ticketId === undefined ? undefined : await this.records.ticket(c.ticketId);
    const since = c.awaitingRequestSince ? Date.parse(c.awaitingRequestSince) : Number.NaN;
    return {
      active: ticket && isLive(ticket) ? ticket : undefined,
      offer: c.offer,
      awaitingCallbackRequest: this.now().getTime() - since < AWAIT_REQUEST_MS,
    };
  }

  /**
   * Shows messages in the customer's chat with the ticket's state version, then (`withResume`) the question they
   * were at. A failure is logged and reported as `false`.
   */
  async deliver(ticket: Ticket, messages: CustomerText[], withResume: boolean): Promise<boolean> {
    const replies = messages.map((m) => ({ ...m, stateVersion: ticket.stateVersion }));
    if (withResume && ticket.resume) replies.push(ticket.resume);
    try {
      await this.options.customers.deliver(ticket.conversationKey, replies, {
        channel: ticket.channel,
        ticketId: ticket.id,
        locale: ticket.locale,
      });
      return true;
    } catch (error) {
      this.onError(error, { phase: 'deliver to customer', ticketId: ticket.id });
      return false;
    }
  }

  /** Delivers what the bot adds after a live chat ended (`LiveDeskOptions.afterLiveEnded`); failures are logged. */
  async afterLiveEnded(ticket: Ticket): Promise<void> {
    try {
      const replies = (await this.options.afterLiveEnded?.(ticket)) ?? [];
      if (replies.length === 0) return;
      const context = { channel: ticket.channel, ticketId: ticket.id, locale: ticket.locale };
      await this.options.customers.deliver(ticket.conversationKey, replies, context);
    } catch (error) {
      this.onError(error, { phase: 'after live chat ended', ticketId: ticket.id });
    }
  }

  tellRoomsClosed(ticket: Ticket): Promise<number> {
    const note = roomTexts(this.agentLocale).closed(ticket.closedReason ?? 'closed-by-agent');
    return eachThread(this.rooms, ticket, 'mark closed', this.onError, (room, ref) =>
      room.markClosed(ticket, ref, note),
    );
  }

  /**
   * Closes a ticket when it is open and `allowed` (checked inside the compare-and-set), tells the rooms and
   * unlinks it from its conversation. Returns the ticket before and after, or `undefined` when nothing changed.
   */
  async closeTicket(
    ticketId: string,
    reason: CloseReason,
    allowed: (ticket: Ticket) => boolean = () => true,
  ): Promise<{ before: Ticket; after: Ticket } | undefined> {
    const changed = await this.records.updateTicket(ticketId, (current) => {
      if (!current || current.status === 'closed' || !allowed(current)) return { result: undefined };
      const after: Ticket = {
        ...current,
        status: 'closed',
        closedReason: reason,
        updatedAt: this.now().toISOString(),
      };
      return { next: after, result: { before: current, after } };
    });
    if (!changed) return undefined;
    await this.records.updateConversation(changed.after.conversationKey, (c) =>
      c.ticketId === ticketId
        ? { next: { ...c, ticketId: undefined }, result: undefined }
        : { result: undefined },
    );
    await this.tellRoomsClosed(changed.after);
    return changed;
  }
}

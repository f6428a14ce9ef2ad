/**
 * The live desk: hands a customer's conversation to a person and back, platform-neutral.
 *
 * - `openTicket` opens a ticket (`waiting` in business hours, `request` when a message is left) and posts its
 *   summary to every agents' room.
 * - `claim` lets exactly one agent take it (compare-and-set on the ticket); the rooms show who did.
 * - From then on the claimer's texts reach the customer (`fromAgent`) and the customer's texts reach the thread
 *   (`fromCustomer`), until the claimer hands back or closes, or the customer leaves.
 * Nobody but a directory agent can claim; nobody but the claimer can speak to the customer or end a claimed
 * ticket. The engine never sees the relayed messages, so the procedure resumes where it was.
 */
import { agentMessage, claimTicket, finishTicket } from './agent-side.js';
import { customerMessage, leaveLiveChat, openTicket } from './customer-side.js';
import { DeskContext } from './desk-context.js';
import type { LiveDesk, LiveDeskOptions } from './desk-types.js';

export function createLiveDesk(options: LiveDeskOptions): LiveDesk {
  const ctx = new DeskContext(options);
  return {
    // Read on every use: channels register their rooms after the desk is built (see `DeskRegistry`).
    get available() {
      return ctx.rooms.length > 0;
    },
    isOpen: (dialogId) => ctx.isOpen(dialogId),
    nextOpening: (dialogId) => ctx.nextOpening(dialogId),
    openTicket: (conversationKey, request) => openTicket(ctx, conversationKey, request),
    claim: (ticketId, agent) => claimTicket(ctx, ticketId, agent),
    fromAgent: (ticketId, agent, text) => agentMessage(ctx, ticketId, agent, text),
    handBack: (ticketId, agent) => finishTicket(ctx, ticketId, agent, 'handed-back'),
    close: (ticketId, agent) => finishTicket(ctx, ticketId, agent, 'closed-by-agent'),
    fromCustomer: (conversationKey, text) => customerMessage(ctx, conversationKey, text),
    leave: (conversationKey) => leaveLiveChat(ctx, conversationKey),
    state: (conversationKey) => ctx.state(conversationKey),
    activeTicket: async (conversationKey) => (await ctx.state(conversationKey)).active,
    ticket: (ticketId) => ctx.records.ticket(ticketId),
    async currentTicket(conversationKey) {
      const { ticketId } = await ctx.records.conversation(conversationKey);
      const ticket = ticketId === undefined ? undefined : await ctx.records.ticket(ticketId);
      return ticket?.status === 'closed' ? undefined : ticket;
    },
    async ticketForThread(roomName, threadRef) {
      const ticketId = await ctx.records.ticketOfThread(roomName, threadRef);
      return ticketId === undefined ? undefined : ctx.records.ticket(ticketId);
    },
    async noteOffer(conversationKey, offer) {
      await ctx.records.updateConversation(conversationKey, (c) => ({
        next: { ...c, offer: { ...offer, at: ctx.now().toISOString() } },
        result: undefined,
      }));
    },
    async awaitCallbackRequest(conversationKey, awaiting) {
      const since = awaiting ? ctx.now().toISOString() : undefined;
      await ctx.records.updateConversation(conversationKey, (c) =>
        c.awaitingRequestSince === since
          ? { result: undefined }
          : { next: { ...c, awaitingRequestSince: since }, result: undefined },
      );
    },
  };
}

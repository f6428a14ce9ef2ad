/**
 * What the customer's side does with the desk: open a ticket (a live chat now, or a request left for later), send
 * their words to the agents while a ticket is live, and leave ("back to bot").
 */
import type { DeskContext } from './desk-context.js';
import { MAX_RELAY_CHARS } from './desk-context.js';
import type {
  CustomerRelay,
  CustomerText,
  LeaveResult,
  OpenTicketResult,
  TicketRequest,
} from './desk-types.js';
import { customerTexts, formatOpening } from './messages.js';
import { eachThread } from './rooms.js';
import { buildSummary, formatSummary, truncate } from './summary.js';
import { isLive, newTicketId, type Ticket } from './ticket.js';

export async function openTicket(
  ctx: DeskContext,
  conversationKey: string,
  req: TicketRequest,
): Promise<OpenTicketResult> {
  const t = customerTexts(req.locale);
  const unavailable: CustomerText[] = [{ text: t.unavailable, tone: 'warning' }];
  if (ctx.rooms.length === 0) return { ok: false, reason: 'no-rooms', messages: unavailable };
  const isCallbackRequest = req.callbackRequest !== undefined;
  if (!isCallbackRequest && !ctx.isOpen(req.dialogId)) {
    return { ok: false, reason: 'closed', messages: [{ text: t.nowClosed, tone: 'info' }] };
  }
  const described = await ctx.options.engine.describe(conversationKey);
  const at = ctx.now().toISOString();
  const summaryInput = {
    actorId: req.actorId,
    dialogId: req.dialogId,
    recentReplies: req.recentReplies,
    request: req.callbackRequest,
  };
  const draft: Ticket = {
    id: newTicketId(),
    conversationKey,
    channel: req.channel,
    locale: req.locale,
    status: isCallbackRequest ? 'request' : 'waiting',
    summary: buildSummary(described, summaryInput, ctx.options.engine, ctx.agentLocale),
    // A customer who left a request goes on with the bot: the question they were at will be stale.
    resume: isCallbackRequest ? undefined : req.resume,
    stateVersion: req.stateVersion ?? req.resume?.stateVersion ?? 0,
    threads: {},
    createdAt: at,
    updatedAt: at,
  };
  await ctx.records.createTicket(draft);
  const previous = await ctx.records.updateConversation(conversationKey, (c) => ({
    next: { ...c, ticketId: draft.id, awaitingRequestSince: undefined },
    result: c.ticketId,
  }));
  if (previous !== undefined) await ctx.closeTicket(previous, 'replaced');

  const threads = await postToRooms(ctx, draft);
  if (Object.keys(threads).length === 0) {
    await ctx.closeTicket(draft.id, 'undeliverable');
    return { ok: false, reason: 'undeliverable', messages: unavailable };
  }
  const stored = await ctx.records.updateTicket(draft.id, (current) => {
    const base = current ?? draft;
    const next = { ...base, threads: { ...base.threads, ...threads } };
    return { next, result: next };
  });
  // Claimed or closed through a room that answered before the others were posted: bring those up to date.
  if (stored.status === 'claimed') {
    const label = stored.claimedByLabel ?? stored.claimedBy ?? '';
    await eachThread(ctx.rooms, stored, 'mark claimed', ctx.onError, (room, ref) =>
      room.markClaimed(stored, ref, label),
    );
  } else if (stored.status === 'closed') {
    await ctx.tellRoomsClosed(stored);
  }
  await ctx.reportHandoff({ kind: isCallbackRequest ? 'request' : 'live', ticket: stored, at });
  const next = isCallbackRequest ? ctx.nextOpening(req.dialogId) : undefined;
  const text = isCallbackRequest
    ? t.callbackRequestTaken(draft.id, next && formatOpening(next, req.locale))
    : t.waiting(draft.id);
  return { ok: true, ticket: stored, messages: [{ text, tone: 'success' }] };
}

/** Posts the summary to every room at once; returns the threads of the rooms that took it. */
async function postToRooms(ctx: DeskContext, ticket: Ticket): Promise<Record<string, string>> {
  const summaryText = formatSummary(ticket, ctx.agentLocale);
  const posted = await Promise.allSettled(ctx.rooms.map((room) => room.post(ticket, summaryText)));
  const threads: Record<string, string> = {};
  posted.forEach((outcome, i) => {
    const room = ctx.rooms[i];
    if (!room) return;
    if (outcome.status === 'fulfilled') threads[room.name] = outcome.value;
    else ctx.onError(outcome.reason, { phase: `post ticket (${room.name})`, ticketId: ticket.id });
  });
  await Promise.all(
    Object.entries(threads).map(([room, ref]) => ctx.records.linkThread(room, ref, ticket.id)),
  );
  return threads;
}

export async function customerMessage(
  ctx: DeskContext,
  conversationKey: string,
  text: string,
): Promise<CustomerRelay> {
  const ticket = (await ctx.state(conversationKey)).active;
  if (!ticket) return { relayed: false, messages: [] };
  const t = customerTexts(ticket.locale);
  const body = truncate(text, MAX_RELAY_CHARS);
  if (ticket.status === 'waiting' && !ctx.isOpen(ticket.summary.dialogId)) {
    const released = await keepAsCallbackRequest(ctx, ticket, body);
    if (released) return released;
  }
  const relayed = await eachThread(ctx.rooms, ticket, 'relay customer message', ctx.onError, (room, ref) =>
    room.relay(ticket, ref, body, { kind: 'customer' }),
  );
  if (relayed === 0) return { relayed: false, ticket, messages: [{ text: t.relayFailed, tone: 'warning' }] };
  const messages: CustomerText[] =
    ticket.status === 'waiting' ? [{ text: t.relayedWaiting, tone: 'info' }] : [];
  return { relayed: true, ticket, messages };
}

/**
 * Nobody claimed the ticket before the hours ended: it becomes a request (this text its words) and the customer
 * goes back to the bot. `undefined` when it was claimed meanwhile (then the text is relayed as usual).
 */
async function keepAsCallbackRequest(
  ctx: DeskContext,
  ticket: Ticket,
  body: string,
): Promise<CustomerRelay | undefined> {
  const converted = await ctx.records.updateTicket(ticket.id, (current) => {
    if (current?.status !== 'waiting') return { result: undefined };
    const next: Ticket = {
      ...current,
      status: 'request',
      resume: undefined,
      summary: { ...current.summary, request: body },
      updatedAt: ctx.now().toISOString(),
    };
    return { next, result: next };
  });
  if (!converted) return undefined;
  const relayed = await eachThread(ctx.rooms, converted, 'relay customer message', ctx.onError, (room, ref) =>
    room.relay(converted, ref, body, { kind: 'customer' }),
  );
  const next = ctx.nextOpening(ticket.summary.dialogId);
  const text = customerTexts(ticket.locale).hoursEnded(next && formatOpening(next, ticket.locale));
  return {
    relayed: relayed > 0,
    ticket: converted,
    messages: [{ text, tone: 'info' }],
    released: true,
    resume: ticket.resume,
  };
}

export async function leaveLiveChat(
  ctx: DeskContext,
  conversationKey: string,
): Promise<LeaveResult | undefined> {
  const ticket = (await ctx.state(conversationKey)).active;
  if (!ticket) return undefined;
  const changed = await ctx.closeTicket(ticket.id, 'customer-left', isLive);
  if (!changed) return undefined;
  return {
    ticket: changed.after,
    messages: [{ text: customerTexts(ticket.locale).customerLeft, tone: 'info' }],
    resume: changed.before.resume,
  };
}

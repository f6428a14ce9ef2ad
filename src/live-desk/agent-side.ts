/**
 * What agents do with a ticket: claim it (exactly one wins), speak to the customer (only the claimer), hand the
 * conversation back to the bot or close it (the claimer; any agent while nobody has claimed it). Every action
 * first asks the `AgentDirectory`: a room's button or thread is never proof that someone is an agent.
 */
import { actorId } from '../channels/speaker.js';
import type { DeskContext } from './desk-context.js';
import { MAX_RELAY_CHARS } from './desk-context.js';
import type { AgentActionResult, ClaimResult } from './desk-types.js';
import { customerTexts } from './messages.js';
import type { Change } from './records.js';
import { eachThread } from './rooms.js';
import { truncate } from './summary.js';
import { type AgentRef, type CloseReason, isLive, type Ticket } from './ticket.js';

export async function claimTicket(ctx: DeskContext, ticketId: string, agent: AgentRef): Promise<ClaimResult> {
  if (!(await ctx.options.directory.isAgent(agent))) return { ok: false, reason: 'not-agent' };
  const id = actorId(agent);
  const label = agent.displayName?.trim() || id;
  const { result, fresh } = await ctx.records.updateTicket(
    ticketId,
    (current): Change<Ticket, { result: ClaimResult; fresh: boolean }> => {
      const answer = (result: ClaimResult) => ({ result: { result, fresh: false } });
      if (!current) return answer({ ok: false, reason: 'unknown' });
      if (current.status === 'closed') return answer({ ok: false, reason: 'closed' });
      if (current.status === 'claimed') {
        if (current.claimedBy === id) return answer({ ok: true, ticket: current }); // a double click
        const by = current.claimedBy ?? '';
        const byLabel = current.claimedByLabel ?? by;
        return answer({ ok: false, reason: 'already-claimed', claimedBy: by, claimedByLabel: byLabel });
      }
      const next: Ticket = {
        ...current,
        status: 'claimed',
        claimedBy: id,
        claimedByLabel: label,
        updatedAt: ctx.now().toISOString(),
      };
      return { next, result: { result: { ok: true, ticket: next }, fresh: true } };
    },
  );
  if (!result.ok || !fresh) return result;
  const ticket = result.ticket;
  const waitedMs = Math.max(0, Date.parse(ticket.updatedAt) - Date.parse(ticket.createdAt));
  await ctx.reportHandoff({ kind: 'claimed', ticket, at: ticket.updatedAt, waitedMs, agentId: id });
  await eachThread(ctx.rooms, ticket, 'mark claimed', ctx.onError, (room, ref) =>
    room.markClaimed(ticket, ref, label),
  );
  await ctx.deliver(ticket, [{ text: customerTexts(ticket.locale).claimed, tone: 'info' }], false);
  return { ok: true, ticket };
}

export async function agentMessage(
  ctx: DeskContext,
  ticketId: string,
  agent: AgentRef,
  text: string,
): Promise<AgentActionResult> {
  const ticket = await ctx.records.ticket(ticketId);
  if (!ticket) return { ok: false, reason: 'unknown' };
  if (ticket.status === 'closed') return { ok: false, reason: 'closed' };
  if (ticket.status !== 'claimed') return { ok: false, reason: 'not-claimed' };
  if (ticket.claimedBy !== actorId(agent)) return { ok: false, reason: 'not-claimer' };
  if (!(await ctx.options.directory.isAgent(agent))) return { ok: false, reason: 'not-agent' };
  const body = truncate(text, MAX_RELAY_CHARS);
  const said = customerTexts(ticket.locale).agentSays(body);
  if (!(await ctx.deliver(ticket, [{ text: said, tone: 'info' }], false))) {
    return { ok: false, reason: 'undeliverable' };
  }
  const label = ticket.claimedByLabel ?? actorId(agent);
  const others = ctx.rooms.filter((room) => room.platform !== undefined && room.platform !== agent.platform);
  await eachThread(others, ticket, 'mirror agent message', ctx.onError, (room, ref) =>
    room.relay(ticket, ref, body, { kind: 'agent', label }),
  );
  return { ok: true, ticket };
}

/** Hand back (`handed-back`) or close (`closed-by-agent`). */
export async function finishTicket(
  ctx: DeskContext,
  ticketId: string,
  agent: AgentRef,
  reason: Extract<CloseReason, 'handed-back' | 'closed-by-agent'>,
): Promise<AgentActionResult> {
  if (!(await ctx.options.directory.isAgent(agent))) return { ok: false, reason: 'not-agent' };
  const id = actorId(agent);
  const mayEnd = (t: Ticket) => t.status !== 'claimed' || t.claimedBy === id;
  const current = await ctx.records.ticket(ticketId);
  if (!current) return { ok: false, reason: 'unknown' };
  if (!mayEnd(current)) return { ok: false, reason: 'not-claimer' };
  // Re-checked inside the compare-and-set: someone else may have claimed it a moment ago.
  const changed = await ctx.closeTicket(ticketId, reason, mayEnd);
  if (!changed) {
    const latest = await ctx.records.ticket(ticketId);
    return latest?.status === 'claimed'
      ? { ok: false, reason: 'not-claimer' }
      : { ok: false, reason: 'closed' };
  }
  // A customer who left a request is with the bot already: nothing to tell them in their chat.
  if (isLive(changed.before)) {
    const t = customerTexts(changed.after.locale);
    const text = reason === 'handed-back' ? t.handedBack : t.closedByAgent;
    if (await ctx.deliver(changed.after, [{ text, tone: 'info' }], true))
      await ctx.afterLiveEnded(changed.after);
  }
  return { ok: true, ticket: changed.after };
}

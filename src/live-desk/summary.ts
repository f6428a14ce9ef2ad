/**
 * The summary an agent reads before taking a conversation over: who the customer is, the procedure and step,
 * what they acknowledged and agreed to, and what the bot showed last. Built from `engine.describe` (which never
 * holds a secret: no tokens, only the verified customer id) and the bot's own replies; the customer's chat text
 * appears only when they wrote a request for the agents.
 */
import type { ConversationSummary, Engine } from '../engine/runtime.js';
import { createTranslator } from '../engine/text/catalog.js';
import type { Locale, Reply } from '../engine/turn.js';
import { roomTexts } from './messages.js';
import { MAX_RECENT, type Ticket, type TicketSummary } from './ticket.js';

/** Longest reply text kept in a summary; longer ones are cut with an ellipsis. */
const MAX_REPLY_CHARS = 600;
/** Longest request text kept. */
export const MAX_REQUEST_CHARS = 2000;

/** A reply as plain lines (text, then its facts), cut to a reasonable length. */
export function replyAsText(reply: Pick<Reply, 'text' | 'facts'>): string {
  const lines = [reply.text, ...(reply.facts ?? []).map((f) => `${f.label}: ${f.value}`)];
  return truncate(lines.join('\n'), MAX_REPLY_CHARS);
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The last {@link MAX_RECENT} replies' texts, oldest first. */
export function recentTexts(replies: readonly Pick<Reply, 'text' | 'facts'>[]): string[] {
  return replies.slice(-MAX_RECENT).map(replyAsText);
}

export interface SummaryInput {
  actorId: string;
  dialogId?: string | undefined;
  recentReplies: readonly string[];
  request?: string | undefined;
}

/** The ticket summary; dialog titles in `titleLocale` (the agents' language). */
export function buildSummary(
  described: ConversationSummary | undefined,
  input: SummaryInput,
  engine: Pick<Engine, 'definition'>,
  titleLocale: Locale,
): TicketSummary {
  const customerId = described?.identity.customerId;
  return {
    customer: { actorId: input.actorId, ...(customerId ? { customerId } : {}) },
    position: (described?.position ?? []).map((p) => ({
      ...p,
      title: dialogTitle(engine, p.dialogId, titleLocale),
    })),
    dialogId: input.dialogId,
    acknowledged: described?.acknowledged ?? [],
    confirmed: (described?.confirmed ?? []).map((c) => ({ finalQuestion: c.finalQuestion, facts: c.facts })),
    pendingOperation: described?.pendingOperation,
    recentReplies: input.recentReplies.slice(-MAX_RECENT).map((t) => truncate(t, MAX_REPLY_CHARS)),
    ...(input.request !== undefined ? { request: truncate(input.request, MAX_REQUEST_CHARS) } : {}),
  };
}

function dialogTitle(
  engine: Pick<Engine, 'definition'>,
  dialogId: string,
  locale: Locale,
): string | undefined {
  const dialog = engine.definition.dialogs.get(dialogId);
  if (!dialog) return undefined;
  try {
    return createTranslator(engine.definition.catalogs, locale).t(dialog.title);
  } catch {
    return undefined; // a title missing in this locale: the id alone still identifies the dialog
  }
}

/**
 * The summary as a room first posted it, for the rooms' later edits of that post: a claimed or closed ticket keeps
 * the heading it was posted with ("request left out of hours" for a callback request, else "waiting").
 */
export function formatPostedSummary(ticket: Ticket, locale: Locale): string {
  const status = ticket.summary.request !== undefined ? 'request' : 'waiting';
  return formatSummary({ ...ticket, status }, locale);
}

/** The summary as plain text for an agents' room, in the agents' language. Rooms may render it as they like. */
export function formatSummary(ticket: Ticket, locale: Locale): string {
  const t = roomTexts(locale);
  const s = ticket.summary;
  const lines = [t.heading(ticket.status), `${t.ticketNo}: ${ticket.id}`];
  const who = s.customer.customerId ? t.verified(s.customer.customerId) : t.unverified;
  lines.push(`${t.customer}: ${who} (${s.customer.actorId})`);
  lines.push(`${t.channel}: ${ticket.channel} / ${ticket.locale}`);
  const inner = s.position.at(-1);
  if (inner) {
    const path = s.position.map((p) => (p.title ? `${p.title} (${p.dialogId})` : p.dialogId)).join(' › ');
    lines.push(`${t.procedure}: ${path} — ${t.step}: ${inner.nodeId}`);
  } else {
    lines.push(`${t.procedure}: ${t.noProcedure}${s.dialogId ? ` (${s.dialogId})` : ''}`);
  }
  if (s.acknowledged.length > 0) {
    lines.push(`${t.acknowledged}:`, ...s.acknowledged.map((a) => `☑ ${a.text}`));
  }
  for (const c of s.confirmed) {
    lines.push(`${t.confirmed}: ${c.finalQuestion}`, ...c.facts.map((f) => `  ${f.label}: ${f.value}`));
  }
  if (s.pendingOperation) lines.push(`${t.pendingOperation}: ${s.pendingOperation}`);
  if (s.recentReplies.length > 0) {
    lines.push(`${t.recentReplies}:`, ...s.recentReplies.map((r) => quote(r)));
  }
  if (s.request !== undefined) lines.push(`${t.request}:`, quote(s.request));
  return lines.join('\n');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

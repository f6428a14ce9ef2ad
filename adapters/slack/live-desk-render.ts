/**
 * Block Kit for the agents' room (live desk), pure: the ticket's root post (summary + 「対応する」), its claimed
 * and closed forms (no claim button; who handles it, or why it ended), the controls posted in the thread once
 * claimed (「ボットに戻す」/「終了する」), and relayed messages. Button values carry only the ticket id; whether
 * the clicker may do anything is decided by the desk. Every message keeps within Slack's limits.
 */
import type { types } from '@slack/bolt';
import type { Locale } from '../../src/engine/turn.js';
import type { RelayAuthor, RoomTexts, Ticket } from '../../src/live-desk/index.js';
import { roomTexts } from '../../src/live-desk/index.js';
import { SLACK_LIMITS } from './limits.js';
import { escapeAndSplit, escapeMrkdwn, truncate } from './mrkdwn.js';
import type { SlackBlock, SlackMessage } from './render.js';
import { slackTexts } from './texts.js';

/** Action ids of the room's buttons; a prefix of their own, apart from the customer conversation's `helpdesk.`. */
export const DESK_ACTION_PREFIX = 'handoff.';
export const DESK_ACTION_PATTERN = /^handoff\./;
export const DESK_ACTIONS = {
  claim: `${DESK_ACTION_PREFIX}claim`,
  handBack: `${DESK_ACTION_PREFIX}hand-back`,
  close: `${DESK_ACTION_PREFIX}close`,
} as const;
export type DeskAction = keyof typeof DESK_ACTIONS;

const ACTION_OF_ID = new Map<string, DeskAction>(
  Object.entries(DESK_ACTIONS).map(([action, id]) => [id, action as DeskAction]),
);

export function deskActionOf(actionId: string): DeskAction | undefined {
  return ACTION_OF_ID.get(actionId);
}

/** The block holding the root post's status line (who handles it, or why it ended). */
const STATUS_BLOCK = 'handoff.status';

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function button(
  actionId: string,
  label: string,
  ticketId: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plain(truncate(label, SLACK_LIMITS.buttonText)),
    value: ticketId,
    ...(style ? { style } : {}),
  };
}

/** The summary's sections, leaving room for the status or buttons below. */
function summaryBlocks(summaryText: string): types.SectionBlock[] {
  return escapeAndSplit(summaryText, SLACK_LIMITS.sectionText)
    .slice(0, SLACK_LIMITS.blocksPerMessage - 2)
    .map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

function fallback(summaryText: string): string {
  return truncate(escapeMrkdwn(summaryText), SLACK_LIMITS.messageText);
}

function statusLine(text: string): types.ContextBlock {
  return {
    type: 'context',
    block_id: STATUS_BLOCK,
    elements: [mrkdwn(truncate(text, SLACK_LIMITS.contextText))],
  };
}

/** A new ticket: its summary and the claim button (a request left out of hours can be claimed too). */
export function ticketPost(ticket: Ticket, summaryText: string, locale: Locale): SlackMessage {
  const t = roomTexts(locale);
  const blocks: SlackBlock[] = [
    ...summaryBlocks(summaryText),
    {
      type: 'actions',
      elements: [button(DESK_ACTIONS.claim, t.claimButton, ticket.id, 'primary')],
    },
  ];
  return { text: fallback(summaryText), blocks };
}

/** Who handles the ticket: a Slack agent as a mention, anyone else by their label. */
export function agentMention(ticket: Ticket, label: string): string {
  const id = ticket.claimedBy;
  return id?.startsWith('slack:') ? `<@${id.slice('slack:'.length)}>` : escapeMrkdwn(label);
}

/** The root post once claimed: no claim button, 「対応中: @agent」. */
export function claimedPost(
  ticket: Ticket,
  summaryText: string,
  label: string,
  locale: Locale,
): SlackMessage {
  const t = roomTexts(locale);
  const blocks: SlackBlock[] = [
    ...summaryBlocks(summaryText),
    statusLine(`:technologist: ${t.claimedBy(agentMention(ticket, label))}`),
  ];
  return { text: fallback(summaryText), blocks };
}

/** The root post once closed: no buttons, the reason. */
export function closedPost(summaryText: string, note: string): SlackMessage {
  const blocks: SlackBlock[] = [...summaryBlocks(summaryText), statusLine(`:lock: ${escapeMrkdwn(note)}`)];
  return { text: fallback(summaryText), blocks };
}

/** Posted in the thread once claimed: what the claimer can do, and how their replies reach the customer. */
export function threadControls(ticket: Ticket, label: string, locale: Locale): SlackMessage {
  const t = roomTexts(locale);
  const text = `${t.claimedBy(agentMention(ticket, label))} ${threadHint(locale)}`;
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(truncate(text, SLACK_LIMITS.sectionText)) },
      {
        type: 'actions',
        elements: [
          button(DESK_ACTIONS.handBack, t.handBackButton, ticket.id, 'primary'),
          button(DESK_ACTIONS.close, t.closeButton, ticket.id),
        ],
      },
    ],
  };
}

/** The thread controls once the ticket ended: the text and the reason, no buttons. */
export function closedControls(note: string): SlackMessage {
  const text = `:lock: ${escapeMrkdwn(note)}`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(truncate(text, SLACK_LIMITS.sectionText)) }] };
}

function threadHint(locale: Locale): string {
  return slackTexts(locale).deskThreadHint;
}

/** A relayed message in the thread: who wrote it, then their words (escaped, never interpreted as markup). */
export function relayMessage(text: string, from: RelayAuthor, locale: Locale): SlackMessage {
  const t: RoomTexts = roomTexts(locale);
  const who =
    from.kind === 'customer'
      ? `:bust_in_silhouette: *${t.fromCustomer}*`
      : from.kind === 'agent'
        ? `:technologist: *${escapeMrkdwn(t.fromAgent(from.label))}*`
        : ':robot_face:';
  const pieces = escapeAndSplit(text, SLACK_LIMITS.sectionText - 200).slice(0, SLACK_LIMITS.blocksPerMessage);
  const blocks: SlackBlock[] = pieces.map((piece, i) => ({
    type: 'section',
    text: mrkdwn(i === 0 ? `${who}\n${piece}` : piece),
  }));
  return { text: truncate(`${who} ${escapeMrkdwn(text)}`, SLACK_LIMITS.messageText), blocks };
}

/** What the clicker (or writer) is told when the desk refuses, ephemerally. */
export function refusalText(
  reason: Parameters<RoomTexts['refused']>[0] | 'undeliverable',
  locale: Locale,
): string {
  if (reason === 'undeliverable') return slackTexts(locale).deskUndeliverable;
  return roomTexts(locale).refused(reason);
}

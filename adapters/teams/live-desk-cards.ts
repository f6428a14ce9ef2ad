/**
 * Adaptive Cards 1.5 for the Teams agents' room (live desk), pure: the ticket's root card (summary +
 * 「対応する」), its claimed and closed forms, the claimer's controls in the thread (「ボットに戻す」/「終了する」),
 * relayed messages and notes. A button's data is `{ hh: <action>, ticketId }` (`hh`: helpdesk handoff, a stored
 * spelling, apart from the conversation cards' `hb`), so the desk decides whether the clicker may do anything.
 */
import type { IAdaptiveCard, IContainer, ISubmitAction, ITextBlock } from '@microsoft/teams.cards';
import { z } from 'zod';
import type { Locale } from '../../src/engine/turn.js';
import { type RelayAuthor, roomTexts } from '../../src/live-desk/index.js';
import { labelsFor } from './labels.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, CARD_VERSION, type CardAttachment } from './render.js';

export type DeskAction = 'claim' | 'handBack' | 'close';

const submitData = z.object({
  hh: z.enum(['claim', 'handBack', 'close']),
  ticketId: z.string().regex(/^HK-[0-9A-Z]{1,32}$/),
});
export type DeskSubmit = z.infer<typeof submitData>;

/** The room action a submitted card value stands for, or `undefined` when it is not one of ours. */
export function deskSubmitOf(value: unknown): DeskSubmit | undefined {
  const parsed = submitData.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

type CardElement = IAdaptiveCard['body'][number];

function lines(text: string, options: Partial<ITextBlock> = {}): ITextBlock[] {
  const parts = text.split('\n').filter((line) => line.trim() !== '');
  return (parts.length > 0 ? parts : [text]).map((line, i) => ({
    type: 'TextBlock',
    text: line,
    wrap: true,
    ...(i > 0 ? { spacing: 'None' as const } : {}),
    ...options,
  }));
}

function action(title: string, data: DeskSubmit, style?: ISubmitAction['style']): ISubmitAction {
  return { type: 'Action.Submit', title, data, associatedInputs: 'none', ...(style ? { style } : {}) };
}

function card(body: CardElement[], actions: ISubmitAction[], fallbackText: string): CardAttachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      version: CARD_VERSION,
      body: actions.length > 0 ? [...body, { type: 'ActionSet', actions }] : body,
      fallbackText,
    },
  };
}

function summary(summaryText: string): IContainer {
  return { type: 'Container', items: lines(summaryText) };
}

function status(text: string): ITextBlock {
  return { type: 'TextBlock', text, wrap: true, weight: 'Bolder', separator: true };
}

/** A new ticket: summary and 「対応する」. */
export function ticketCard(ticketId: string, summaryText: string, locale: Locale): CardAttachment {
  const t = roomTexts(locale);
  return card(
    [summary(summaryText)],
    [action(t.claimButton, { hh: 'claim', ticketId }, 'positive')],
    summaryText,
  );
}

/** The root card once claimed (no button) or closed (the reason): `statusText` below the summary. */
export function settledCard(summaryText: string, statusText: string): CardAttachment {
  return card([summary(summaryText), status(statusText)], [], `${summaryText}\n${statusText}`);
}

function threadHint(locale: Locale): string {
  return labelsFor(locale).deskThreadHint;
}

/** Posted in the thread once claimed: who handles it, how replies reach the customer, and the way out. */
export function controlsCard(ticketId: string, label: string, locale: Locale): CardAttachment {
  const t = roomTexts(locale);
  const text = `${t.claimedBy(label)} ${threadHint(locale)}`;
  return card(
    lines(text),
    [
      action(t.handBackButton, { hh: 'handBack', ticketId }, 'positive'),
      action(t.closeButton, { hh: 'close', ticketId }),
    ],
    text,
  );
}

/** A plain note in the thread (the end of a ticket, a refusal). */
export function noteCard(text: string): CardAttachment {
  return card(lines(text), [], text);
}

/** A relayed message: who wrote it, then their words as plain text. */
export function relayCard(text: string, from: RelayAuthor, locale: Locale): CardAttachment {
  const t = roomTexts(locale);
  const who =
    from.kind === 'customer' ? t.fromCustomer : from.kind === 'agent' ? t.fromAgent(from.label) : '';
  const body: CardElement[] = [
    ...(who ? [{ type: 'TextBlock' as const, text: who, weight: 'Bolder' as const, wrap: true }] : []),
    ...lines(text),
  ];
  return card(body, [], who ? `${who}: ${text}` : text);
}

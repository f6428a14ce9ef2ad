/**
 * What the adapter's interactive elements carry, and how a pressed button becomes a Turn input. A button's `value`
 * is compact JSON naming the engine choice (or the acknowledgement / typed submit, or a Home-tab entry point) and
 * the state version the message was rendered from; checkbox ticks and the typed phrase are read from the
 * message's `state.values` when the button is pressed. Values come from signed requests but are still validated:
 * anything else is ignored.
 */
import { z } from 'zod';
import type { TurnInput } from '../../src/engine/turn.js';

/** Every action id of this adapter starts with this; Bolt listens on it. */
export const ACTION_PREFIX = 'helpdesk.';
export const ACTION_ID_PATTERN = /^helpdesk\./;

export const ACTION_IDS = {
  choice: (index: number) => `${ACTION_PREFIX}choice.${index}`,
  acknowledgeSubmit: `${ACTION_PREFIX}ack-submit`,
  typedSubmit: `${ACTION_PREFIX}typed-submit`,
  start: (dialogId: string) => `${ACTION_PREFIX}start.${dialogId}`,
  /** The checkboxes and the text input (inside input blocks, so ticking sends nothing by itself). */
  acknowledgeInput: `${ACTION_PREFIX}ack-input`,
  typedInput: `${ACTION_PREFIX}typed-input`,
} as const;

const ACK_BLOCK_PREFIX = `${ACTION_PREFIX}acks.`;

export const BLOCK_IDS = {
  /** Input blocks of checkboxes, ten per block: `helpdesk.acks.0`, `helpdesk.acks.1`… */
  acknowledgements: (chunk: number) => `${ACK_BLOCK_PREFIX}${chunk}`,
  /** The numbered full text of acknowledgement `index` (0-based). */
  acknowledgementText: (index: number) => `${ACTION_PREFIX}ack-text.${index}`,
  typed: `${ACTION_PREFIX}typed`,
  /** The "answered" line added when a message is closed. */
  answered: `${ACTION_PREFIX}answered`,
} as const;

const buttonValue = z.discriminatedUnion('k', [
  z.object({ k: z.literal('c'), c: z.string().min(1), v: z.number().int() }),
  z.object({ k: z.literal('a'), v: z.number().int() }),
  z.object({ k: z.literal('t'), v: z.number().int() }),
  z.object({ k: z.literal('s'), d: z.string().min(1) }),
]);
export type ButtonValue = z.infer<typeof buttonValue>;

export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(value);
}

export function decodeButtonValue(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = buttonValue.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The part of a block_actions payload's `state.values` this adapter reads. */
const stateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      selected_options: z.array(z.object({ value: z.string() })).nullish(),
      value: z.string().nullish(),
    }),
  ),
);

/** The acknowledgement ids ticked in the message's checkboxes, in rendered order. */
export function tickedAcknowledgements(values: unknown): string[] {
  const parsed = stateValues.safeParse(values ?? {});
  if (!parsed.success) return [];
  const ticked: string[] = [];
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    if (!blockId.startsWith(ACK_BLOCK_PREFIX)) continue;
    for (const option of actions[ACTION_IDS.acknowledgeInput]?.selected_options ?? [])
      ticked.push(option.value);
  }
  return ticked;
}

/** The text typed in the message's confirmation input ('' when empty). */
export function typedText(values: unknown): string {
  const parsed = stateValues.safeParse(values ?? {});
  if (!parsed.success) return '';
  return parsed.data[BLOCK_IDS.typed]?.[ACTION_IDS.typedInput]?.value ?? '';
}

/** The Turn input a pressed button means, reading ticks and typed text from the message's `state.values`. */
export function inputOfButton(value: ButtonValue, values: unknown): TurnInput {
  switch (value.k) {
    case 'c':
      return { kind: 'choice', choiceId: value.c, stateVersion: value.v };
    case 'a':
      return { kind: 'acknowledge', ackIds: tickedAcknowledgements(values), stateVersion: value.v };
    case 't':
      return { kind: 'typed', text: typedText(values), stateVersion: value.v };
    case 's':
      return { kind: 'start', dialogId: value.d };
  }
}

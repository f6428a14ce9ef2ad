/**
 * Reads recorded Block Kit back into what the user sees (the parity suite's `SeenMessage`), and finds the
 * elements a test presses: buttons by engine choice id, the submit buttons, the checkboxes and the text input.
 */
import { ACTION_IDS, BLOCK_IDS, decodeButtonValue } from '../../../adapters/slack/actions.js';
import type { ChoiceStyle } from '../../../src/engine/turn.js';
import type { SeenMessage } from '../../channels/driver.js';
import type { ShownMessage } from './harness.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string =>
  isObject(value) && typeof value.text === 'string' ? value.text : '';
const unescapeMrkdwn = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export interface FoundButton {
  button: Json;
  blockId: string;
}

function blocksOf(blocks: readonly unknown[]): Json[] {
  return blocks.filter(isObject);
}

/** Every button of the blocks with its actions block's id. */
export function buttonsOf(blocks: readonly unknown[]): FoundButton[] {
  const found: FoundButton[] = [];
  for (const block of blocksOf(blocks)) {
    if (block.type !== 'actions' || !Array.isArray(block.elements)) continue;
    for (const element of block.elements)
      if (isObject(element) && element.type === 'button')
        found.push({
          button: element,
          blockId: typeof block.block_id === 'string' ? block.block_id : 'actions',
        });
  }
  return found;
}

/** The button carrying engine choice `choiceId`. */
export function choiceButton(blocks: readonly unknown[], choiceId: string): FoundButton | undefined {
  return buttonsOf(blocks).find(({ button }) => {
    const value = decodeButtonValue(button.value);
    return value?.k === 'c' && value.c === choiceId;
  });
}

export function buttonWithActionId(blocks: readonly unknown[], actionId: string): FoundButton | undefined {
  return buttonsOf(blocks).find(({ button }) => button.action_id === actionId);
}

/** `state.values` for the message's inputs: these acknowledgement ids ticked, this text typed. */
export function stateValues(
  blocks: readonly unknown[],
  ticks: readonly string[],
  typed?: string,
): Record<string, Json> {
  const values: Record<string, Json> = {};
  for (const block of blocksOf(blocks)) {
    if (block.type !== 'input' || typeof block.block_id !== 'string' || !isObject(block.element)) continue;
    const element = block.element;
    const actionId = String(element.action_id);
    if (element.type === 'checkboxes') {
      const options = (Array.isArray(element.options) ? element.options : []).filter(isObject);
      values[block.block_id] = {
        [actionId]: {
          type: 'checkboxes',
          selected_options: options.filter((o) => ticks.includes(String(o.value))),
        },
      };
    } else if (element.type === 'plain_text_input') {
      values[block.block_id] = { [actionId]: { type: 'plain_text_input', value: typed ?? null } };
    }
  }
  return values;
}

function styleOf(button: Json): ChoiceStyle {
  return button.style === 'primary' || button.style === 'danger' ? button.style : 'default';
}

export function seenOf(message: ShownMessage): SeenMessage {
  const texts: string[] = [];
  const facts: SeenMessage['facts'] = [];
  const ackTexts = new Map<number, string>();
  const acks: SeenMessage['acks'] = [];
  let typedConfirmation: string | undefined;
  for (const block of blocksOf(message.blocks)) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    if (block.type === 'section') {
      const text = unescapeMrkdwn(textOf(block.text));
      const ackIndex = blockId.startsWith(BLOCK_IDS.acknowledgementText(0).slice(0, -1))
        ? Number(blockId.split('.').at(-1))
        : undefined;
      if (ackIndex !== undefined) ackTexts.set(ackIndex, text.replace(/^\*\d+\.\* /, ''));
      if (text) texts.push(text);
      for (const field of Array.isArray(block.fields) ? block.fields : []) {
        const raw = unescapeMrkdwn(textOf(field));
        const match = /^\*([^*]*)\*\n([\s\S]*)$/.exec(raw);
        if (match) facts.push({ label: match[1] ?? '', value: match[2] ?? '' });
        texts.push(match ? `${match[1]}: ${match[2]}` : raw);
      }
    } else if (block.type === 'context' || block.type === 'header') {
      const parts = Array.isArray(block.elements) ? block.elements.map(textOf) : [textOf(block.text)];
      texts.push(...parts.map(unescapeMrkdwn));
    } else if (block.type === 'input' && isObject(block.element)) {
      const element = block.element;
      if (element.type === 'checkboxes')
        for (const option of (Array.isArray(element.options) ? element.options : []).filter(isObject))
          acks.push({ id: String(option.value), label: textOf(option.text) });
      if (element.type === 'plain_text_input' && element.action_id === ACTION_IDS.typedInput)
        typedConfirmation = textOf(element.placeholder);
    }
  }
  // A checkbox's caption is short ("1 を確認しました"); the full text is the numbered section above.
  acks.forEach((ack, i) => {
    ack.label = ackTexts.get(i) ?? ack.label;
  });
  const choices = buttonsOf(message.blocks).flatMap(({ button }) => {
    const value = decodeButtonValue(button.value);
    return value?.k === 'c' ? [{ id: value.c, label: textOf(button.text), style: styleOf(button) }] : [];
  });
  return {
    id: message.ts,
    text: texts.join('\n'),
    facts,
    choices,
    acks,
    ...(typedConfirmation !== undefined ? { typedConfirmation } : {}),
  };
}

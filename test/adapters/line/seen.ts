/**
 * LINE messages as sent (plain JSON, as the fake Messaging API recorded them) → what the user sees: text, fact
 * rows, buttons (engine choices, by their postback data), acknowledgement buttons, the phrase to type. LINE cannot
 * edit a sent message, so a message keeps its buttons for good; pressing an old one is the engine's to refuse.
 */

import { BUTTON_COLORS } from '../../../adapters/line/flex.js';
import { decodePostback, type Postback } from '../../../adapters/line/postback.js';
import type { ChoiceStyle } from '../../../src/engine/turn.js';
import type { SeenMessage } from '../../channels/driver.js';

type Json = Record<string, unknown>;

export interface SeenButton {
  label: string;
  data: string;
  displayText: string | undefined;
  postback: Postback;
}

export interface LineSeen extends SeenMessage {
  /** Every postback button of the message (body, footer and quick replies), in order. */
  buttons: SeenButton[];
  /** The state versions the buttons carry. */
  versions: number[];
  quickReplies: SeenButton[];
  type: 'text' | 'flex';
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function button(action: unknown): SeenButton | undefined {
  if (!isObject(action) || action.type !== 'postback' || typeof action.data !== 'string') return undefined;
  const postback = decodePostback(action.data);
  if (!postback) return undefined;
  return {
    label: String(action.label ?? ''),
    data: action.data,
    displayText: typeof action.displayText === 'string' ? action.displayText : undefined,
    postback,
  };
}

function styleOf(component: Json): ChoiceStyle {
  const found = Object.entries(BUTTON_COLORS).find(([, c]) => c.background === component.backgroundColor);
  return (found?.[0] as ChoiceStyle | undefined) ?? 'default';
}

/** The visible label of a button box: its text. */
function boxLabel(component: Json): string {
  const contents = Array.isArray(component.contents) ? component.contents : [];
  return contents
    .filter((c): c is Json => isObject(c) && c.type === 'text')
    .map((c) => String(c.text))
    .join('');
}

interface Walk {
  texts: string[];
  facts: { label: string; value: string }[];
  buttons: (SeenButton & { style: ChoiceStyle; itemText?: string })[];
  typed?: string;
}

function walk(component: unknown, into: Walk): void {
  if (!isObject(component)) return;
  if (component.type === 'box' && component.action !== undefined) {
    const found = button(component.action);
    if (found) into.buttons.push({ ...found, label: boxLabel(component), style: styleOf(component) });
    return;
  }
  if (component.type === 'box') {
    const contents = Array.isArray(component.contents) ? component.contents : [];
    const isFactRow =
      component.layout === 'horizontal' &&
      contents.length === 2 &&
      contents.every((c) => isObject(c) && c.type === 'text');
    if (isFactRow) {
      const [label, value] = contents as Json[];
      into.facts.push({ label: String(label?.text), value: String(value?.text) });
      into.texts.push(`${String(label?.text)} ${String(value?.text)}`);
      return;
    }
    const itemText = contents.find((c): c is Json => isObject(c) && c.type === 'text')?.text;
    for (const child of contents) {
      const before = into.buttons.length;
      walk(child, into);
      // A button inside an acknowledgement item: remember the item's text.
      const added = into.buttons[before];
      if (
        added &&
        into.buttons.length === before + 1 &&
        isObject(child) &&
        child.action !== undefined &&
        typeof itemText === 'string'
      )
        added.itemText = itemText;
    }
    return;
  }
  if (component.type === 'text' && typeof component.text === 'string') {
    into.texts.push(component.text);
    if (component.size === 'lg' && component.weight === 'bold') into.typed = component.text;
  }
}

/** One recorded message as the user sees it; `id` is the fake's message id. */
export function parseMessage(id: string, message: unknown): LineSeen {
  const seen: LineSeen = {
    id,
    type: 'text',
    text: '',
    facts: [],
    choices: [],
    acks: [],
    buttons: [],
    versions: [],
    quickReplies: [],
  };
  if (!isObject(message)) return seen;
  const quick =
    isObject(message.quickReply) && Array.isArray(message.quickReply.items) ? message.quickReply.items : [];
  seen.quickReplies = quick.flatMap((item) => {
    const found = isObject(item) ? button(item.action) : undefined;
    return found ? [found] : [];
  });
  if (message.type === 'text') {
    seen.text = String(message.text ?? '');
  } else if (message.type === 'flex' && isObject(message.contents)) {
    seen.type = 'flex';
    const into: Walk = { texts: [], facts: [], buttons: [] };
    walk(message.contents.body, into);
    walk(message.contents.footer, into);
    seen.text = into.texts.join('\n');
    seen.facts = into.facts;
    seen.buttons = into.buttons;
    for (const b of into.buttons) {
      if (b.postback.kind === 'choice')
        seen.choices.push({ id: b.postback.choiceId, label: b.label, style: b.style });
      if (b.postback.kind === 'ack')
        seen.acks.push({ id: b.postback.ackId, label: (b.itemText ?? '').replace(/^\d+\.\s*/, '') });
    }
    if (into.typed !== undefined) seen.typedConfirmation = into.typed;
  }
  seen.versions = [...seen.buttons, ...seen.quickReplies].flatMap((b) =>
    b.postback.kind === 'start' ? [] : [b.postback.stateVersion],
  );
  return seen;
}

/** The messages of one request, ids `<prefix>-<n>`. */
export function parseMessages(prefix: string, messages: readonly unknown[]): LineSeen[] {
  return messages.map((message, i) => parseMessage(`${prefix}-${i}`, message));
}

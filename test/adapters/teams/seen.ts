/**
 * Reads a posted Adaptive Card back as the user sees it (SeenMessage for the parity suite), plus the submit
 * actions and inputs a test needs to press a button the way the Teams client would.
 */
import type { ChoiceStyle } from '../../../src/engine/turn.js';
import type { SeenMessage } from '../../channels/driver.js';
import type { SentActivity } from '../../support/fake-connector.js';

export interface CardAction {
  title: string;
  style: string | undefined;
  data: Record<string, unknown>;
  associatedInputs: string | undefined;
}

export interface CardInput {
  id: string;
  type: 'Input.Toggle' | 'Input.Text';
  isRequired: boolean;
  valueOn: string;
  valueOff: string;
}

export interface ParsedCard {
  seen: SeenMessage;
  actions: CardAction[];
  inputs: CardInput[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const STYLE_BACK: Record<string, ChoiceStyle> = { destructive: 'danger', positive: 'primary' };

/** The Adaptive Card content of a posted activity, when it has one. */
export function cardOf(activity: SentActivity): Json | undefined {
  const attachment = activity.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  return isObject(attachment?.content) ? attachment.content : undefined;
}

function walk(elements: unknown, visit: (element: Json) => void): void {
  if (!Array.isArray(elements)) return;
  for (const element of elements) {
    if (!isObject(element)) continue;
    visit(element);
    walk(element.items, visit);
    for (const column of Array.isArray(element.columns) ? element.columns : [])
      if (isObject(column)) walk(column.items, visit);
  }
}

export function parseCard(id: string, activity: SentActivity): ParsedCard {
  const card = cardOf(activity);
  const texts: string[] = [];
  const seen: SeenMessage = { id, text: '', facts: [], choices: [], acks: [] };
  const actions: CardAction[] = [];
  const inputs: CardInput[] = [];
  const addAction = (raw: unknown) => {
    if (!isObject(raw) || raw.type !== 'Action.Submit') return;
    const data = isObject(raw.data) ? raw.data : {};
    const action: CardAction = {
      title: str(raw.title) ?? '',
      style: str(raw.style),
      data,
      associatedInputs: str(raw.associatedInputs),
    };
    actions.push(action);
    const choiceId = str(data.choiceId);
    if (data.hb === 'choice' && choiceId)
      seen.choices.push({
        id: choiceId,
        label: action.title,
        style: STYLE_BACK[action.style ?? ''] ?? 'default',
      });
  };
  if (!card) {
    seen.text = activity.text ?? '';
    return { seen, actions, inputs };
  }
  walk(card.body, (element) => {
    switch (element.type) {
      case 'TextBlock':
        texts.push(str(element.text) ?? '');
        break;
      case 'FactSet':
        for (const fact of Array.isArray(element.facts) ? element.facts : []) {
          if (!isObject(fact)) continue;
          const label = str(fact.title) ?? '';
          const value = str(fact.value) ?? '';
          seen.facts.push({ label, value });
          texts.push(`${label}: ${value}`);
        }
        break;
      case 'Input.Toggle': {
        const inputId = str(element.id) ?? '';
        inputs.push({
          id: inputId,
          type: 'Input.Toggle',
          isRequired: element.isRequired === true,
          valueOn: str(element.valueOn) ?? 'true',
          valueOff: str(element.valueOff) ?? 'false',
        });
        if (inputId.startsWith('ack.'))
          seen.acks.push({ id: inputId.slice(4), label: str(element.title) ?? '' });
        texts.push(str(element.title) ?? '');
        break;
      }
      case 'Input.Text': {
        inputs.push({
          id: str(element.id) ?? '',
          type: 'Input.Text',
          isRequired: element.isRequired === true,
          valueOn: '',
          valueOff: '',
        });
        const phrase = str(element.placeholder);
        if (phrase !== undefined) seen.typedConfirmation = phrase;
        break;
      }
      case 'ActionSet':
        for (const action of Array.isArray(element.actions) ? element.actions : []) addAction(action);
        break;
    }
  });
  for (const action of Array.isArray(card.actions) ? card.actions : []) addAction(action);
  seen.text = texts.join('\n');
  return { seen, actions, inputs };
}

/**
 * The value Teams posts for a submit: the action's data, plus — only for `associatedInputs: 'auto'` — every input
 * of the card. Like the Teams client, refuses (throws) when a required input is not filled in.
 */
export function submitValue(
  card: ParsedCard,
  action: CardAction,
  filled: { ticks?: readonly string[]; typed?: string } = {},
): Record<string, unknown> {
  if (action.associatedInputs === 'none') return { ...action.data };
  const value: Record<string, unknown> = { ...action.data };
  for (const input of card.inputs) {
    if (input.type === 'Input.Toggle') {
      const on = filled.ticks?.includes(input.id.replace(/^ack\./, '')) ?? false;
      if (input.isRequired && !on)
        throw new Error(`Teams would not submit: required checkbox ${input.id} is not ticked`);
      value[input.id] = on ? input.valueOn : input.valueOff;
    } else {
      const text = filled.typed ?? '';
      if (input.isRequired && text.trim() === '')
        throw new Error(`Teams would not submit: ${input.id} is empty`);
      value[input.id] = text;
    }
  }
  return value;
}

/**
 * Reply → Adaptive Card 1.5 attachment, pure. Translation only: what the card says and offers comes from the
 * engine's Reply; the adapter adds only the controls a card needs to hand the answer back (a submit button for
 * acknowledgement checkboxes and for the typed phrase, see `labels.ts`).
 *
 * - a turn's replies are grouped into cards ({@link groupReplies}); each reply's text is one wrapped TextBlock per
 *   line, inside a Container styled by its tone (the first line also coloured);
 * - facts: a FactSet;
 * - acknowledgements: required `Input.Toggle`s (`ack.<id>`), submitted by a positive button that validates the
 *   inputs (`associatedInputs: 'auto'`) — the engine takes them as one `acknowledge` input;
 * - typed confirmation: a required `Input.Text` (the engine checks the phrase) with a destructive submit button;
 * - choices: `Action.Submit` with `{ hb:'choice', choiceId, stateVersion }` (`destructive` for danger, `positive`
 *   for primary), never validating inputs, so "stop" always works.
 * Buttons go in body `ActionSet` rows of at most {@link MAX_ACTIONS_PER_ROW} (hosts drop or hide actions past
 * their `maxActions`), a new row when the labels would not fit side by side, so long labels are not cut off.
 * An answered card is rendered again with no inputs and no actions, plus a note naming the answer.
 *
 * Types come from `@microsoft/teams.cards` (type-only: it is a development dependency).
 */
import type {
  IActionSet,
  IAdaptiveCard,
  IContainer,
  IFactSet,
  ISubmitAction,
  ITextBlock,
  ITextInput,
  IToggleInput,
} from '@microsoft/teams.cards';
import { groupReplies, isInteractive } from '../../src/channels/reply-groups.js';
import type { Choice, ChoiceStyle, Locale, Reply, Tone, TurnInput } from '../../src/engine/turn.js';
import { labelsFor, WELCOME_ENTRY_POINTS } from './labels.js';
import { ACK_INPUT_PREFIX, type SubmitData, TOGGLE_OFF, TOGGLE_ON, TYPED_INPUT_ID } from './submit.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: IAdaptiveCard;
}

type CardElement = IAdaptiveCard['body'][number];

const TONE_STYLE: Record<Tone, NonNullable<IContainer['style']>> = {
  info: 'default',
  warning: 'warning',
  danger: 'attention',
  success: 'good',
};
const TONE_COLOR: Record<Tone, NonNullable<ITextBlock['color']>> = {
  info: 'Default',
  warning: 'Warning',
  danger: 'Attention',
  success: 'Good',
};
export const ACTION_STYLE: Record<ChoiceStyle, NonNullable<ISubmitAction['style']>> = {
  primary: 'positive',
  danger: 'destructive',
  default: 'default',
};

/** Grouping is shared by every chat channel (`src/channels/reply-groups.ts`); re-exported for this adapter's callers. */
export { groupReplies, isInteractive };

function textBlocks(text: string, tone: Tone): ITextBlock[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (lines.length > 0 ? lines : [text]).map((line, i) => ({
    type: 'TextBlock',
    text: line,
    wrap: true,
    ...(i === 0 && tone !== 'info' ? { color: TONE_COLOR[tone], weight: 'Bolder' as const } : {}),
    ...(i > 0 ? { spacing: 'Small' as const } : {}),
  }));
}

function factSet(reply: Reply): IFactSet[] {
  const facts = reply.facts ?? [];
  return facts.length === 0
    ? []
    : [{ type: 'FactSet', facts: facts.map((f) => ({ title: f.label, value: f.value })) }];
}

function submit(title: string, style: ChoiceStyle, data: SubmitData, validates: boolean): ISubmitAction {
  return {
    type: 'Action.Submit',
    title,
    ...(style === 'default' ? {} : { style: ACTION_STYLE[style] }),
    data,
    associatedInputs: validates ? 'auto' : 'none',
  };
}

function choiceAction(choice: Choice, stateVersion: number): ISubmitAction {
  return submit(choice.label, choice.style, { hb: 'choice', choiceId: choice.id, stateVersion }, false);
}

/** The Adaptive Cards default `maxActions` (Teams allows 6): never more buttons in one row. */
export const MAX_ACTIONS_PER_ROW = 5;
/** Rough width budget of one row, counting a full-width (CJK) character as 2. */
const ROW_WIDTH = 44;

function labelWidth(label: string): number {
  let width = 4; // padding of a button
  for (const ch of label) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/** Splits buttons into rows that fit side by side. */
export function actionRows(actions: readonly ISubmitAction[]): ISubmitAction[][] {
  const rows: ISubmitAction[][] = [];
  let row: ISubmitAction[] = [];
  let width = 0;
  for (const action of actions) {
    const w = labelWidth(action.title ?? '');
    if (row.length > 0 && (row.length >= MAX_ACTIONS_PER_ROW || width + w > ROW_WIDTH)) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(action);
    width += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function card(body: CardElement[], actions: ISubmitAction[], fallbackText: string): CardAttachment {
  const sets: IActionSet[] = actionRows(actions).map((row) => ({ type: 'ActionSet', actions: row }));
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      version: CARD_VERSION,
      body: [...body, ...sets],
      fallbackText,
    },
  };
}

function header(reply: Reply): IContainer {
  return { type: 'Container', style: TONE_STYLE[reply.tone], items: textBlocks(reply.text, reply.tone) };
}

function content(reply: Reply): CardElement[] {
  return [header(reply), ...factSet(reply)];
}

function fallback(group: readonly Reply[]): string {
  return group.map((reply) => reply.text).join('\n');
}

/** The card of a group of replies (see {@link groupReplies}), with the inputs and actions of its last reply. */
export function renderCard(group: readonly Reply[], locale: Locale): CardAttachment {
  const labels = labelsFor(locale);
  const body: CardElement[] = group.flatMap(content);
  const actions: ISubmitAction[] = [];
  const reply = group.at(-1);
  if (!reply) return card(body, actions, '');
  const acks = reply.acknowledgements ?? [];
  acks.forEach((ack, i) => {
    const toggle: IToggleInput = {
      type: 'Input.Toggle',
      id: `${ACK_INPUT_PREFIX}${ack.id}`,
      title: ack.label,
      label: labels.acknowledgementLabel(i + 1),
      valueOn: TOGGLE_ON,
      valueOff: TOGGLE_OFF,
      value: TOGGLE_OFF,
      wrap: true,
      isRequired: true,
      errorMessage: labels.acknowledgementError,
    };
    body.push(toggle);
  });
  if (acks.length > 0)
    actions.push(
      submit(
        labels.acknowledgeSubmit,
        'primary',
        { hb: 'acknowledge', stateVersion: reply.stateVersion },
        true,
      ),
    );
  if (reply.typedConfirmation !== undefined) {
    const input: ITextInput = {
      type: 'Input.Text',
      id: TYPED_INPUT_ID,
      label: labels.typedLabel,
      placeholder: reply.typedConfirmation,
      maxLength: 200,
      isRequired: true,
      errorMessage: labels.typedError,
    };
    body.push(input);
    actions.push(
      submit(labels.typedSubmit, 'danger', { hb: 'typed', stateVersion: reply.stateVersion }, true),
    );
  }
  for (const choice of reply.choices ?? []) actions.push(choiceAction(choice, reply.stateVersion));
  return card(body, actions, fallback(group));
}

/** The card of one reply. */
export function renderReply(reply: Reply, locale: Locale): CardAttachment {
  return renderCard([reply], locale);
}

/** The same card once answered: no inputs, no actions, and a note (e.g. "回答済み: 削除する"). */
export function renderAnswered(group: readonly Reply[], note: string): CardAttachment {
  const body: CardElement[] = group.flatMap(content);
  for (const ack of group.at(-1)?.acknowledgements ?? [])
    body.push({ type: 'TextBlock', text: `・${ack.label}`, wrap: true, spacing: 'Small' });
  body.push({ type: 'TextBlock', text: note, wrap: true, isSubtle: true, size: 'Small', separator: true });
  return card(body, [], `${fallback(group)}\n${note}`);
}

/**
 * The button the user pressed on a reply's card, as the "answered" note names it (the button, not what was
 * typed: a refused phrase must not look accepted); `undefined` for other inputs.
 */
export function answerLabel(reply: Reply, input: TurnInput, locale: Locale): string | undefined {
  const labels = labelsFor(locale);
  switch (input.kind) {
    case 'choice':
      return reply.choices?.find((c) => c.id === input.choiceId)?.label;
    case 'acknowledge':
      return reply.acknowledgements ? labels.acknowledgeSubmit : undefined;
    case 'typed':
      return reply.typedConfirmation !== undefined ? labels.typedSubmit : undefined;
    default:
      return undefined;
  }
}

/** The welcome card when the bot is added: the entry points as buttons, and the agent commands for agents. */
export function renderWelcome(locale: Locale, agent: boolean): CardAttachment {
  const labels = labelsFor(locale);
  const body: CardElement[] = [{ type: 'TextBlock', text: labels.welcome, wrap: true }];
  if (agent) body.push({ type: 'TextBlock', text: labels.welcomeAgent, wrap: true, isSubtle: true });
  const actions = WELCOME_ENTRY_POINTS.map((dialogId) =>
    submit(
      labels.entryPoints[dialogId],
      dialogId === 'menu' ? 'primary' : 'default',
      { hb: 'start', dialogId },
      false,
    ),
  );
  return card(body, actions, labels.welcome);
}

/**
 * Reply[] → the LINE messages of one reply or push request, pure. Translation only: what a message says and offers
 * comes from the engine's Replies; the adapter adds only what LINE needs to hand an answer back.
 *
 * - A turn's replies are grouped ({@link groupReplies}): each group holds the replies up to and including the next
 *   one that asks for an answer, so a notice ("that button was from an earlier message") and the question after it
 *   arrive as one message. A group with nothing but plain text (info/success tone) is a text message; any other
 *   group is a Flex bubble.
 * - Bubble body: each reply's text (first line bold and coloured by tone unless `info`), its facts as label/value
 *   rows; for the question's acknowledgements each item numbered with its own postback button
 *   (`hb=a&v=<version>&id=<consequence>`), items already acknowledged marked ✓ and without a button (see
 *   acknowledgements.ts); a typed confirmation phrase shown as the text to type.
 * - Bubble footer: the choices as postback buttons (`hb=c&v=<version>&id=<choice>`, displayText = the label, so the
 *   chat shows what was pressed — LINE cannot edit a sent message): tappable boxes with the whole label wrapped,
 *   green for `primary`, red for `danger`, grey for `default` ({@link BUTTON_COLORS}).
 * - Quick replies: the question's choices again, at the thumb, when there are at most 13, every label fits in 20
 *   characters and none is a danger action (a destructive answer is given on the card that shows its consequences).
 * - At most five messages per request: earlier messages beyond that are folded into one text message.
 *
 * Anything over a LINE limit is shortened (LINE refuses the whole request otherwise) and reported in `truncated`;
 * the corpus test asserts nothing of the real dialogs ever is.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Choice, ChoiceStyle, Locale, Reply, Tone } from '../../src/engine/turn.js';
import { labelsFor, WELCOME_ENTRY_POINTS } from './labels.js';
import { LINE_LIMITS } from './limits.js';
import { encodePostback } from './postback.js';

type Message = messagingApi.Message;
type FlexComponent = messagingApi.FlexComponent;
type FlexBox = messagingApi.FlexBox;

export interface Rendered {
  messages: Message[];
  /** What had to be shortened to fit LINE's limits (`where: length > max`); empty for every real reply. */
  truncated: string[];
}

export interface RenderOptions {
  /** Acknowledgements of the question already given one by one (shown ✓, no button). */
  acknowledged?: ReadonlySet<string>;
}

const TONE_COLOR: Record<Tone, string | undefined> = {
  info: undefined,
  warning: '#B06000',
  danger: '#C5221F',
  success: '#188038',
};
const SUBTLE = '#777777';
/** Button colours by style: LINE green for primary, red for danger, light grey for the rest. */
export const BUTTON_COLORS: Record<ChoiceStyle, { background: string; text: string }> = {
  primary: { background: '#06C755', text: '#FFFFFF' },
  danger: { background: '#C5221F', text: '#FFFFFF' },
  default: { background: '#EEEEEE', text: '#111111' },
};

/** Whether a reply asks for something the user answers (buttons, acknowledgements, a typed phrase). */
export function isInteractive(reply: Reply): boolean {
  return (
    (reply.choices?.length ?? 0) > 0 ||
    (reply.acknowledgements?.length ?? 0) > 0 ||
    reply.typedConfirmation !== undefined
  );
}

/** Groups a turn's replies: each group ends with its only interactive reply (or is the plain tail). */
export function groupReplies(replies: readonly Reply[]): Reply[][] {
  const groups: Reply[][] = [];
  let group: Reply[] = [];
  for (const reply of replies) {
    group.push(reply);
    if (isInteractive(reply)) {
      groups.push(group);
      group = [];
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

class Fitter {
  readonly truncated: string[] = [];

  /** `text` cut to `max` UTF-16 units (LINE's count), with an ellipsis, and the cut recorded. */
  fit(text: string, max: number, where: string): string {
    if (text.length <= max) return text;
    this.truncated.push(`${where}: ${text.length} > ${max}`);
    const cut = text.slice(0, max - 1);
    // Never leave half of a surrogate pair.
    const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
    return `${safe}…`;
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function textComponent(text: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText {
  return { type: 'text', text, wrap: true, ...extra };
}

function replyTexts(reply: Reply): FlexComponent[] {
  const color = TONE_COLOR[reply.tone];
  return lines(reply.text).map((line, i) =>
    textComponent(line, i === 0 && color ? { weight: 'bold', color } : {}),
  );
}

function factRows(reply: Reply): FlexComponent[] {
  const facts = reply.facts ?? [];
  if (facts.length === 0) return [];
  const rows: FlexBox[] = facts.map((fact) => ({
    type: 'box',
    layout: 'horizontal',
    spacing: 'md',
    contents: [
      textComponent(fact.label || '-', { flex: 2, size: 'sm', color: SUBTLE }),
      textComponent(fact.value || '-', { flex: 3, size: 'sm' }),
    ],
  }));
  return [{ type: 'box', layout: 'vertical', spacing: 'sm', margin: 'md', contents: rows }];
}

/**
 * A tappable box that looks like a button: LINE's button component shows one line only (a long Japanese label is
 * cut off on a phone), so the label is a wrapped text inside a box that carries the postback. The action's own
 * `label` is not displayed on a box (LINE reads it out for accessibility only); it is the label cut to LINE's 40
 * characters, which hides nothing on screen.
 */
function postbackButton(
  fitter: Fitter,
  label: string,
  data: string,
  display: string,
  style: ChoiceStyle,
): FlexBox {
  const colors = BUTTON_COLORS[style];
  return {
    type: 'box',
    layout: 'vertical',
    backgroundColor: colors.background,
    cornerRadius: 'md',
    paddingAll: 'md',
    action: {
      type: 'postback',
      label:
        label.length > LINE_LIMITS.flexButtonLabel
          ? `${label.slice(0, LINE_LIMITS.flexButtonLabel - 1)}…`
          : label,
      data: fitter.fit(data, LINE_LIMITS.postbackData, `postback data of "${label}"`),
      displayText: fitter.fit(display, LINE_LIMITS.displayText, `displayText of "${label}"`),
    },
    contents: [
      textComponent(label || '-', { align: 'center', color: colors.text, weight: 'bold', size: 'sm' }),
    ],
  };
}

function acknowledgementItems(
  fitter: Fitter,
  reply: Reply,
  locale: Locale,
  acknowledged: ReadonlySet<string>,
): FlexComponent[] {
  const acks = reply.acknowledgements ?? [];
  if (acks.length === 0) return [];
  const labels = labelsFor(locale);
  const done = acks.filter((ack) => acknowledged.has(ack.id)).length;
  const items: FlexComponent[] = acks.map((ack, i) => {
    const n = i + 1;
    const given = acknowledged.has(ack.id);
    const contents: FlexComponent[] = [
      textComponent(`${given ? '✓ ' : ''}${n}. ${ack.label}`, given ? { color: TONE_COLOR.success } : {}),
    ];
    if (!given)
      contents.push(
        postbackButton(
          fitter,
          labels.acknowledgeButton(n),
          encodePostback({ kind: 'ack', ackId: ack.id, stateVersion: reply.stateVersion }),
          labels.acknowledgedDisplay(n),
          'default',
        ),
      );
    return { type: 'box', layout: 'vertical', spacing: 'sm', margin: 'lg', contents };
  });
  return [
    textComponent(labels.acknowledgeHow, { size: 'sm', color: SUBTLE, margin: 'lg' }),
    ...items,
    textComponent(labels.acknowledgedSoFar(done, acks.length), { size: 'sm', color: SUBTLE, margin: 'lg' }),
  ];
}

function typedPhrase(reply: Reply, locale: Locale): FlexComponent[] {
  if (reply.typedConfirmation === undefined) return [];
  return [
    textComponent(labelsFor(locale).typedHow, { size: 'sm', color: SUBTLE, margin: 'lg' }),
    textComponent(reply.typedConfirmation || '-', { weight: 'bold', size: 'lg', color: TONE_COLOR.danger }),
  ];
}

function choiceButtons(fitter: Fitter, reply: Reply): FlexBox[] {
  return (reply.choices ?? []).map((choice) =>
    postbackButton(
      fitter,
      choice.label,
      encodePostback({ kind: 'choice', choiceId: choice.id, stateVersion: reply.stateVersion }),
      choice.label,
      choice.style,
    ),
  );
}

/** Quick reply items for short, non-destructive choice lists; `undefined` otherwise. */
function quickReply(fitter: Fitter, reply: Reply): messagingApi.QuickReply | undefined {
  const choices: readonly Choice[] = reply.choices ?? [];
  if (
    choices.length === 0 ||
    choices.length > LINE_LIMITS.quickReplyItems ||
    choices.some((c) => c.style === 'danger' || c.label.length > LINE_LIMITS.quickReplyLabel)
  )
    return undefined;
  return {
    items: choices.map((choice) => ({
      type: 'action',
      action: {
        type: 'postback',
        label: choice.label,
        data: fitter.fit(
          encodePostback({ kind: 'choice', choiceId: choice.id, stateVersion: reply.stateVersion }),
          LINE_LIMITS.postbackData,
          `quick reply data of "${choice.label}"`,
        ),
        displayText: choice.label,
      },
    })),
  };
}

/** The notification / chat-list preview; shortening it loses nothing (the bubble shows everything). */
function altText(group: readonly Reply[]): string {
  const text = group
    .map((reply) => reply.text)
    .filter((t) => t.trim() !== '')
    .join('\n');
  return text.length > LINE_LIMITS.altText ? `${text.slice(0, LINE_LIMITS.altText - 1)}…` : text || '…';
}

function isPlain(group: readonly Reply[]): boolean {
  return group.every(
    (reply) =>
      !isInteractive(reply) &&
      (reply.facts?.length ?? 0) === 0 &&
      (reply.tone === 'info' || reply.tone === 'success'),
  );
}

function textMessage(fitter: Fitter, text: string): messagingApi.TextMessage {
  return { type: 'text', text: fitter.fit(text || '…', LINE_LIMITS.textMessage, 'text message') };
}

function groupMessage(
  fitter: Fitter,
  group: readonly Reply[],
  locale: Locale,
  options: RenderOptions,
): Message {
  if (isPlain(group)) return textMessage(fitter, group.map((reply) => reply.text).join('\n\n'));
  const question = group.at(-1);
  const body: FlexComponent[] = [];
  group.forEach((reply, i) => {
    if (i > 0) body.push({ type: 'separator', margin: 'lg' });
    body.push(...replyTexts(reply), ...factRows(reply));
  });
  if (question) {
    body.push(...acknowledgementItems(fitter, question, locale, options.acknowledged ?? new Set()));
    body.push(...typedPhrase(question, locale));
  }
  if (body.length === 0) body.push(textComponent('…'));
  const buttons = question ? choiceButtons(fitter, question) : [];
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
    ...(buttons.length > 0
      ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: buttons } }
      : {}),
  };
  const quick = question ? quickReply(fitter, question) : undefined;
  return {
    type: 'flex',
    altText: altText(group),
    contents: bubble,
    ...(quick ? { quickReply: quick } : {}),
  };
}

/** The messages of one request for these replies (at most five), in the conversation's language. */
export function renderReplies(
  replies: readonly Reply[],
  locale: Locale,
  options: RenderOptions = {},
): Rendered {
  const fitter = new Fitter();
  const groups = groupReplies(replies);
  let messages = groups.map((group) => groupMessage(fitter, group, locale, options));
  if (messages.length > LINE_LIMITS.messagesPerRequest) {
    // Fold the earliest groups into one text message; the latest (the question) keep their buttons.
    const keep = LINE_LIMITS.messagesPerRequest - 1;
    const folded = groups.slice(0, groups.length - keep).flat();
    messages = [
      textMessage(fitter, folded.map((reply) => reply.text).join('\n\n')),
      ...messages.slice(-keep),
    ];
  }
  return { messages, truncated: fitter.truncated };
}

/** The welcome message after a follow: the entry points as buttons. */
export function renderWelcome(locale: Locale): Message {
  const labels = labelsFor(locale);
  const fitter = new Fitter();
  const buttons = WELCOME_ENTRY_POINTS.map((dialogId) =>
    postbackButton(
      fitter,
      labels.entryPoints[dialogId],
      encodePostback({ kind: 'start', dialogId }),
      labels.entryPoints[dialogId],
      dialogId === 'menu' ? 'primary' : 'default',
    ),
  );
  return {
    type: 'flex',
    altText: labels.welcome,
    contents: {
      type: 'bubble',
      body: { type: 'box', layout: 'vertical', contents: [textComponent(labels.welcome)] },
      footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: buttons },
    },
  };
}

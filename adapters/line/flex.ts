/**
 * The Flex Message pieces the LINE renderer (render.ts) builds a bubble from, pure: a reply's text coloured by tone,
 * facts as label/value rows, tappable postback buttons (a box with the whole label wrapped), the acknowledgement
 * items each with its own button, the phrase to type, quick replies, and the `Fitter` that shortens anything over
 * a LINE limit and records it.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Choice, ChoiceStyle, Locale, Reply, Tone } from '../../src/engine/turn.js';
import { labelsFor } from './labels.js';
import { LINE_LIMITS } from './limits.js';
import { encodePostback } from './postback.js';

type FlexComponent = messagingApi.FlexComponent;
type FlexBox = messagingApi.FlexBox;

export const TONE_COLOR: Record<Tone, string | undefined> = {
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

export class Fitter {
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

export function textComponent(
  text: string,
  extra: Partial<messagingApi.FlexText> = {},
): messagingApi.FlexText {
  return { type: 'text', text, wrap: true, ...extra };
}

export function replyTexts(reply: Reply): FlexComponent[] {
  const color = TONE_COLOR[reply.tone];
  return lines(reply.text).map((line, i) =>
    textComponent(line, i === 0 && color ? { weight: 'bold', color } : {}),
  );
}

export function factRows(reply: Reply): FlexComponent[] {
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
export function postbackButton(
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

export function acknowledgementItems(
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

export function typedPhrase(reply: Reply, locale: Locale): FlexComponent[] {
  if (reply.typedConfirmation === undefined) return [];
  return [
    textComponent(labelsFor(locale).typedHow, { size: 'sm', color: SUBTLE, margin: 'lg' }),
    textComponent(reply.typedConfirmation || '-', { weight: 'bold', size: 'lg', color: TONE_COLOR.danger }),
  ];
}

export function choiceButtons(fitter: Fitter, reply: Reply): FlexBox[] {
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
export function quickReply(fitter: Fitter, reply: Reply): messagingApi.QuickReply | undefined {
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

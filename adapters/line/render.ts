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
 *   green for `primary`, red for `danger`, grey for `default` (`BUTTON_COLORS` in flex.ts).
 * - Quick replies: the question's choices again, at the thumb, when there are at most 13, every label fits in 20
 *   characters and none is a danger action (a destructive answer is given on the card that shows its consequences).
 * - At most five messages per request: earlier messages beyond that are folded into one text message.
 *
 * Anything over a LINE limit is shortened (LINE refuses the whole request otherwise) and reported in `truncated`;
 * the corpus test asserts nothing of the real dialogs ever is.
 */
import type { messagingApi } from '@line/bot-sdk';
import { groupReplies, isInteractive } from '../../src/channels/reply-groups.js';
import type { Locale, Reply } from '../../src/engine/turn.js';
import {
  acknowledgementItems,
  choiceButtons,
  Fitter,
  factRows,
  postbackButton,
  quickReply,
  replyTexts,
  textComponent,
  typedPhrase,
} from './flex.js';
import { labelsFor, WELCOME_ENTRY_POINTS } from './labels.js';
import { LINE_LIMITS } from './limits.js';
import { encodePostback } from './postback.js';

type Message = messagingApi.Message;
type FlexComponent = messagingApi.FlexComponent;

export interface Rendered {
  messages: Message[];
  /** What had to be shortened to fit LINE's limits (`where: length > max`); empty for every real reply. */
  truncated: string[];
}

export interface RenderOptions {
  /** Acknowledgements of the question already given one by one (shown ✓, no button). */
  acknowledged?: ReadonlySet<string>;
}

export { groupReplies, isInteractive };

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

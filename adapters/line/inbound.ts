/**
 * A LINE webhook body (already signature-checked) → what the adapter should do with each event, pure (no I/O).
 * Translation only:
 * - a text message from a user in a one-to-one chat → a text turn (`act …` / `end` read by the one agent-command
 *   parser every channel uses; on LINE the speaker is always a customer, so they are refused as for anyone else);
 * - a postback of ours (postback.ts) → a choice, ONE acknowledgement, or an entry point;
 * - a sticker, image, video, audio, file or location → `text-only` (the bot asks for words);
 * - `follow` (added as a friend, or unblocked) → `welcome`;
 * - anything else → `ignore`: group and multi-person chats (account procedures are never done where others read
 *   along), events in `standby` mode (another channel module is answering), unfollow, unsend, membership… and any
 *   event whose fields do not have the types LINE documents (`malformed event`) — one malformed event does not
 *   stop the others in the same body.
 *
 * The conversation key is `line:<user id>`; the delivery id (`line:event:<webhookEventId>`) is the same for a
 * redelivery (`deliveryContext.isRedelivery`), so a redelivered event is answered once.
 */
import { z } from 'zod';
import { agentCommandOrText } from '../../src/channels/agent-commands.js';
import type { TurnInput } from '../../src/engine/turn.js';
import { decodePostback } from './postback.js';

export const LINE_KEY_PREFIX = 'line:';

interface EventBase {
  /** The LINE user id (`U…`): where pushes go; never shown or logged as is (see identity.ts). */
  userId: string;
  baseKey: string;
  /** `line:event:<webhookEventId>`: de-duplication and `Turn.id`. */
  deliveryId: string;
  replyToken: string | undefined;
  redelivery: boolean;
}

export type LineInbound =
  | (EventBase & { kind: 'turn'; input: TurnInput })
  | (EventBase & { kind: 'ack'; ackId: string; stateVersion: number })
  | (EventBase & { kind: 'text-only' })
  | (EventBase & { kind: 'welcome' })
  | { kind: 'ignore'; reason: string };

const id = z.string().min(1).max(200);
const eventShape = z.looseObject({
  type: z.string(),
  mode: z.string().optional(),
  timestamp: z.number().optional(),
  webhookEventId: id,
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().min(1).max(200).optional(),
  source: z.looseObject({ type: z.string(), userId: id.optional() }).optional(),
  message: z.looseObject({ type: z.string(), text: z.string().max(10_000).optional() }).optional(),
  postback: z.looseObject({ data: z.string() }).optional(),
});

/** The webhook body: `destination` and `events` (LINE sends an empty list to verify the URL). */
export const webhookBodyShape = z.looseObject({
  destination: z.string().optional(),
  events: z.array(z.unknown()).max(1000),
});

const NON_TEXT_MESSAGES = new Set(['image', 'video', 'audio', 'file', 'location', 'sticker']);

export function conversationKeyOf(userId: string): string {
  return `${LINE_KEY_PREFIX}${userId}`;
}

/** The LINE user id of a customer's conversation key; `undefined` for other keys. */
export function userIdOfKey(conversationKey: string): string | undefined {
  if (!conversationKey.startsWith(LINE_KEY_PREFIX)) return undefined;
  const userId = conversationKey.slice(LINE_KEY_PREFIX.length);
  return userId !== '' && !userId.includes('|') ? userId : undefined;
}

/** What to do with one event of a webhook body. Any value is accepted. */
export function parseEvent(raw: unknown): LineInbound {
  const parsed = eventShape.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'malformed event' };
  const event = parsed.data;
  if (event.mode !== undefined && event.mode !== 'active')
    return { kind: 'ignore', reason: `mode ${event.mode}` };
  if (event.source?.type !== 'user') return { kind: 'ignore', reason: 'not a one-to-one chat' };
  const userId = event.source.userId;
  if (!userId) return { kind: 'ignore', reason: 'no user id' };
  const base: EventBase = {
    userId,
    baseKey: conversationKeyOf(userId),
    deliveryId: `line:event:${event.webhookEventId}`,
    replyToken: event.replyToken,
    redelivery: event.deliveryContext?.isRedelivery === true,
  };
  switch (event.type) {
    case 'follow':
      return { ...base, kind: 'welcome' };
    case 'message': {
      const message = event.message;
      if (!message) return { kind: 'ignore', reason: 'message without content' };
      if (message.type === 'text') {
        const text = (message.text ?? '').trim();
        if (text === '') return { kind: 'ignore', reason: 'empty text' };
        return { ...base, kind: 'turn', input: agentCommandOrText(text) };
      }
      if (NON_TEXT_MESSAGES.has(message.type)) return { ...base, kind: 'text-only' };
      return { kind: 'ignore', reason: `message type ${message.type}` };
    }
    case 'postback': {
      const postback = event.postback ? decodePostback(event.postback.data) : undefined;
      if (!postback) return { kind: 'ignore', reason: 'postback that is not ours' };
      switch (postback.kind) {
        case 'choice':
          return {
            ...base,
            kind: 'turn',
            input: { kind: 'choice', choiceId: postback.choiceId, stateVersion: postback.stateVersion },
          };
        case 'ack':
          return { ...base, kind: 'ack', ackId: postback.ackId, stateVersion: postback.stateVersion };
        case 'start':
          return { ...base, kind: 'turn', input: { kind: 'start', dialogId: postback.dialogId } };
      }
      return { kind: 'ignore', reason: 'postback' };
    }
    default:
      return { kind: 'ignore', reason: `event type ${event.type}` };
  }
}

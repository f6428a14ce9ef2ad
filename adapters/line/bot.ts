/**
 * The LINE bot's turn logic: one webhook event → (de-duplicate → rate limit → the speaker, always a customer →
 * `engine.handle`) → the replies as LINE messages, by reply token or push (outbound.ts). It decides nothing about
 * procedures.
 *
 * - A redelivered event carries the same `webhookEventId`: the deduper answers it once; the engine's own `Turn.id`
 *   check covers two copies arriving at once.
 * - An acknowledgement press is first read by `OpenQuestions` (acknowledgements.ts): while items remain, the card is
 *   re-sent with the items acknowledged so far; the last one sends the engine one `acknowledge` with all of them.
 * - The replies' language is the conversation's (the engine sets `Reply.locale`); LINE sends no locale hint, so a
 *   new conversation starts in Japanese and the user can switch ("English").
 * - A failure to send is reported, never retried here beyond outbound.ts (the conversation is saved; the user can
 *   ask again).
 */
import type { ChannelContext } from '../../src/channels/channel.js';
import { rateLimitedReply } from '../../src/channels/rate-limit.js';
import type { Locale, Reply, TurnInput } from '../../src/engine/turn.js';
import type { OpenQuestions } from './acknowledgements.js';
import { lineSpeaker } from './identity.js';
import type { LineInbound } from './inbound.js';
import { labelsFor } from './labels.js';
import type { Outbound, Target } from './outbound.js';
import { renderReplies, renderWelcome } from './render.js';

export const CHANNEL_NAME = 'line';
const DEFAULT_LOCALE: Locale = 'ja';

type EventInbound = Exclude<LineInbound, { kind: 'ignore' }>;

export interface LineBotDeps {
  context: ChannelContext;
  outbound: Outbound;
  questions: OpenQuestions;
}

export interface LineBot {
  /** Handles one parsed event; `receivedAt` is when its webhook arrived (monotonic). */
  handle(inbound: LineInbound, receivedAt: number): Promise<void>;
  /** Shows replies in a conversation outside a turn (live handoff), by push. */
  show(target: Target, conversationKey: string, replies: Reply[], locale: Locale): Promise<void>;
}

export function createLineBot(deps: LineBotDeps): LineBot {
  const { context, outbound, questions } = deps;

  async function show(
    target: Target,
    conversationKey: string,
    replies: Reply[],
    locale: Locale,
  ): Promise<void> {
    if (replies.length === 0) return;
    const { messages, truncated } = renderReplies(replies, locale);
    if (truncated.length > 0)
      context.onError(new Error(`LINE message shortened to fit: ${truncated.join('; ')}`), {
        channel: CHANNEL_NAME,
        phase: 'render',
      });
    await questions.shown(conversationKey, replies, locale);
    await outbound.send(target, messages);
  }

  async function runTurn(inbound: EventInbound, target: Target, input: TurnInput): Promise<void> {
    const speaker = lineSpeaker(inbound.userId, inbound.baseKey);
    const replies = await context.engine.handle({
      conversationKey: speaker.conversationKey,
      id: inbound.deliveryId,
      channel: CHANNEL_NAME,
      actor: speaker.actor,
      input,
    });
    const locale = replies.find((reply) => reply.locale)?.locale ?? DEFAULT_LOCALE;
    await show(target, inbound.baseKey, replies, locale);
  }

  async function acknowledge(inbound: Extract<LineInbound, { kind: 'ack' }>, target: Target): Promise<void> {
    const press = await questions.press(inbound.baseKey, inbound.ackId, inbound.stateVersion);
    if (press.kind === 'progress') {
      const { question } = press;
      const rendered = renderReplies([question.reply], question.locale, {
        acknowledged: new Set(question.acknowledged),
      });
      await outbound.send(target, rendered.messages);
      return;
    }
    await runTurn(inbound, target, {
      kind: 'acknowledge',
      ackIds: press.ackIds,
      stateVersion: press.stateVersion,
    });
  }

  return {
    show,
    async handle(inbound, receivedAt) {
      if (inbound.kind === 'ignore') return;
      const target: Target = { userId: inbound.userId, replyToken: inbound.replyToken, receivedAt };
      if (!(await context.deduper.firstTime(inbound.deliveryId))) return;
      switch (inbound.kind) {
        case 'welcome':
          await outbound.send(target, [renderWelcome(DEFAULT_LOCALE)]);
          return;
        case 'text-only': {
          const locale = (await context.engine.describe(inbound.baseKey))?.locale ?? DEFAULT_LOCALE;
          await outbound.send(target, [{ type: 'text', text: labelsFor(locale).textOnly }]);
          return;
        }
      }
      const admission = context.limiter.take(`line:${inbound.userId}`);
      if (!admission.ok) {
        const notice = rateLimitedReply(DEFAULT_LOCALE, admission.retryAfterMs);
        await outbound.send(target, renderReplies([notice], DEFAULT_LOCALE).messages);
        return;
      }
      switch (inbound.kind) {
        case 'ack':
          await acknowledge(inbound, target);
          return;
        case 'turn':
          await runTurn(inbound, target, inbound.input);
          return;
      }
    },
  };
}

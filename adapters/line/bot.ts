/**
 * The LINE bot's turn logic: one webhook event → an `InboundTurn` for the one turn pipeline (src/pipeline:
 * de-duplication, rate limit, speaker, correlation id, live desk, receipt notices — none repeated here) → the
 * replies as LINE messages, by reply token or push (outbound.ts). It decides nothing about procedures.
 *
 * - The pipeline sees the LINE user as `{ platform: 'line', userId: <digest> }` (identity.ts) and, through
 *   `lineSpeakers`, knows no agents: on LINE everyone is a customer.
 * - A redelivered event carries the same `webhookEventId` (the delivery id): the pipeline's dedupe stage answers it
 *   once; the engine's own `Turn.id` check covers two copies arriving at once.
 * - An acknowledgement press is first read by `OpenQuestions` (acknowledgements.ts). While items remain it is not a
 *   turn — it is LINE's stand-in for ticking a checkbox, which other platforms do without a round trip — so the
 *   card is re-sent with the items acknowledged so far, de-duplicated by `context.deduper` (`<delivery id>:press`).
 *   The last item sends the pipeline ONE `acknowledge` turn with all of them.
 * - A follow (welcome) and a sticker or photo (asking for words) are not turns either; they are de-duplicated the
 *   same way.
 * - The replies' language is the conversation's (the engine sets `Reply.locale`); LINE sends no locale hint, so a
 *   new conversation starts in Japanese and the user can switch ("English").
 */
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Locale, Reply, TurnInput } from '../../src/engine/turn.js';
import type { OpenQuestions } from './acknowledgements.js';
import { linePlatformUser, lineSpeakers } from './identity.js';
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
  /** Shows replies in a conversation outside a turn (live desk), by push. */
  show(target: Target, conversationKey: string, replies: Reply[], locale: Locale): Promise<void>;
}

export function createLineBot(deps: LineBotDeps): LineBot {
  const { context, outbound, questions } = deps;
  const pipeline = context.pipeline.with({ speakers: lineSpeakers(context.speakers) });

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
    const { replies } = await pipeline.handle({
      channel: CHANNEL_NAME,
      user: linePlatformUser(inbound.userId),
      baseKey: inbound.baseKey,
      deliveryId: inbound.deliveryId,
      input,
    });
    const locale = replies.find((reply) => reply.locale)?.locale ?? DEFAULT_LOCALE;
    await show(target, inbound.baseKey, replies, locale);
  }

  /** Whether a delivery that is not a turn is seen for the first time (turns are de-duplicated by the pipeline). */
  const firstTime = (inbound: EventInbound) => context.deduper.firstTime(`${inbound.deliveryId}:press`);

  async function acknowledge(inbound: Extract<LineInbound, { kind: 'ack' }>, target: Target): Promise<void> {
    if (!(await firstTime(inbound))) return;
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
      switch (inbound.kind) {
        case 'welcome':
          if (await firstTime(inbound)) await outbound.send(target, [renderWelcome(DEFAULT_LOCALE)]);
          return;
        case 'text-only': {
          if (!(await firstTime(inbound))) return;
          const locale = (await pipeline.engine.describe(inbound.baseKey))?.locale ?? DEFAULT_LOCALE;
          await outbound.send(target, [{ type: 'text', text: labelsFor(locale).textOnly }]);
          return;
        }
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

/**
 * The Teams bot's turn logic: one inbound activity → (de-duplicate → resolve the speaker → `engine.handle`) →
 * close the answered card → post the replies as Adaptive Cards (a notice and the question after it share one).
 * It decides nothing about procedures.
 *
 * - Every inbound message goes through `resolveSpeaker`, so agent mode works as on every other channel.
 * - A redelivered activity (same id) is dropped by the deduper; the engine's own `Turn.id` check covers the rare
 *   case of two copies arriving at once.
 * - The card a submit came from is updated to its answered form ("回答済み: <the button pressed>") without
 *   inputs or actions; an older card a newer question replaces is closed too. The adapter's captions follow the
 *   conversation's language as the engine keeps it (`engine.describe`), so a switch of language is respected. A failure to post or update is reported, never retried
 *   here (the conversation state is already saved; the user can ask again).
 */
import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { ChannelContext } from '../../src/channels/channel.js';
import { rateLimitedReply } from '../../src/channels/rate-limit.js';
import { resolveSpeaker } from '../../src/channels/speaker.js';
import type { Locale, Reply } from '../../src/engine/turn.js';
import { type Inbound, parseInbound } from './inbound.js';
import { labelsFor } from './labels.js';
import { type OpenCard, OpenCards } from './open-cards.js';
import {
  answerLabel,
  type CardAttachment,
  groupReplies,
  isInteractive,
  renderAnswered,
  renderCard,
  renderWelcome,
} from './render.js';

export const CHANNEL_NAME = 'teams';
const DEFAULT_LOCALE: Locale = 'ja';

type TurnInbound = Extract<Inbound, { kind: 'turn' }>;

export interface TeamsBot {
  onTurn(turnContext: TurnContext): Promise<void>;
  readonly openCards: OpenCards;
}

function cardActivity(attachment: CardAttachment): Partial<Activity> {
  return { type: ActivityTypes.Message, attachments: [attachment] };
}

export function createTeamsBot(context: ChannelContext): TeamsBot {
  const openCards = new OpenCards();
  const report = (phase: string) => (error: unknown) =>
    context.onError(error, { channel: CHANNEL_NAME, phase });

  async function update(turnContext: TurnContext, card: OpenCard, note: string): Promise<void> {
    await turnContext
      .updateActivity({ ...cardActivity(renderAnswered(card.replies, note)), id: card.activityId })
      .catch(report('update'));
  }

  /** Closes the card this turn answered, or the open card a new interactive reply replaces. */
  async function closeCards(turnContext: TurnContext, inbound: TurnInbound, replies: Reply[]): Promise<void> {
    const answered = inbound.fromCard
      ? openCards.take(inbound.baseKey, (card) => card.activityId === inbound.fromCard)
      : undefined;
    if (answered) {
      const question = answered.replies.at(-1);
      const label = question ? answerLabel(question, inbound.input, answered.locale) : undefined;
      const labels = labelsFor(answered.locale);
      await update(turnContext, answered, label ? labels.answered(label) : labels.superseded);
      return;
    }
    if (!replies.some(isInteractive)) return;
    const replaced = openCards.take(inbound.baseKey);
    if (replaced) await update(turnContext, replaced, labelsFor(replaced.locale).superseded);
  }

  async function post(
    turnContext: TurnContext,
    baseKey: string,
    replies: Reply[],
    locale: Locale,
  ): Promise<void> {
    for (const group of groupReplies(replies)) {
      const sent = await turnContext
        .sendActivity(cardActivity(renderCard(group, locale)))
        .catch(report('send'));
      const last = group.at(-1);
      if (sent?.id && last && isInteractive(last))
        openCards.remember(baseKey, { activityId: sent.id, replies: group, locale });
    }
  }

  async function handleTurn(turnContext: TurnContext, inbound: TurnInbound): Promise<void> {
    const admission = await context.limiter.take(`teams:${inbound.userId}`);
    if (!admission.ok) {
      const locale = inbound.locale ?? DEFAULT_LOCALE;
      await post(turnContext, inbound.baseKey, [rateLimitedReply(locale, admission.retryAfterMs)], locale);
      return;
    }
    const speaker = await resolveSpeaker(
      context.speakers,
      { platform: 'teams', userId: inbound.userId },
      inbound.baseKey,
    );
    const replies = await context.engine.handle({
      conversationKey: speaker.conversationKey,
      id: turnContext.activity.id,
      channel: CHANNEL_NAME,
      actor: speaker.actor,
      locale: inbound.locale,
      input: inbound.input,
      credentials: speaker.credentials,
    });
    if (replies.length === 0) return;
    await closeCards(turnContext, inbound, replies);
    // The conversation's language (it may differ from the client's hint after a language switch).
    const locale = replies.find((reply) => reply.locale)?.locale ?? inbound.locale ?? DEFAULT_LOCALE;
    await post(turnContext, inbound.baseKey, replies, locale);
  }

  return {
    openCards,
    async onTurn(turnContext) {
      const inbound = parseInbound(turnContext.activity);
      if (inbound.kind === 'ignore') return;
      if (inbound.kind === 'welcome') {
        const agent = await context.speakers.directory.isAgent({ platform: 'teams', userId: inbound.userId });
        await turnContext
          .sendActivity(cardActivity(renderWelcome(inbound.locale ?? DEFAULT_LOCALE, agent)))
          .catch(report('welcome'));
        return;
      }
      if (inbound.deliveryId && !(await context.deduper.firstTime(inbound.deliveryId))) return;
      await handleTurn(turnContext, inbound);
    },
  };
}

/**
 * The Teams bot's turn logic: one inbound activity → the one turn pipeline (src/pipeline: de-duplication by the
 * activity id, rate limit, speaker, …) → close the answered card → post the replies as Adaptive Cards (a notice
 * and the question after it share one). It decides nothing about procedures.
 * - The card a submit came from is updated to its answered form ("回答済み: <the button pressed>") without
 *   inputs or actions; an older card a newer question replaces is closed too. The adapter's captions follow the
 *   conversation's language as the engine keeps it (`engine.describe`), so a switch of language is respected. A failure to post or update is reported, never retried
 *   here (the conversation state is already saved; the user can ask again).
 */
import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Locale, Reply } from '../../src/engine/turn.js';
import { type Inbound, parseInbound } from './inbound.js';
import { labelsFor } from './labels.js';
import { memoryCards, type OpenCard, type OpenCards } from './open-cards.js';
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

/** `openCards`: where the last card per conversation is kept (default: this process's memory). */
export function createTeamsBot(context: ChannelContext, openCards: OpenCards = memoryCards()): TeamsBot {
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
      ? await openCards
          .take(inbound.baseKey, (card) => card.activityId === inbound.fromCard)
          .catch(report('take card'))
      : undefined;
    if (answered) {
      const question = answered.replies.at(-1);
      const label = question ? answerLabel(question, inbound.input, answered.locale) : undefined;
      const labels = labelsFor(answered.locale);
      await update(turnContext, answered, label ? labels.answered(label) : labels.superseded);
      return;
    }
    if (!replies.some(isInteractive)) return;
    const replaced = await openCards.take(inbound.baseKey).catch(report('take card'));
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
        await openCards
          .remember(baseKey, { activityId: sent.id, replies: group, locale })
          .catch(report('remember card'));
    }
  }

  async function handleTurn(turnContext: TurnContext, inbound: TurnInbound): Promise<void> {
    const { replies, outcome } = await context.pipeline.handle({
      channel: CHANNEL_NAME,
      user: { platform: 'teams', userId: inbound.userId },
      baseKey: inbound.baseKey,
      deliveryId: inbound.deliveryId,
      locale: inbound.locale,
      input: inbound.input,
    });
    if (replies.length === 0) return;
    if (outcome !== 'rate-limited') await closeCards(turnContext, inbound, replies);
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
      await handleTurn(turnContext, inbound);
    },
  };
}

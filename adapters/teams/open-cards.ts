/**
 * The last interactive card the bot posted in each Teams conversation (per user), so it can be updated once it is
 * answered or superseded and its buttons disappear (invariant 3: old buttons are removed where the platform
 * allows). Kept in this process's memory, bounded: after a restart, or on another instance, an old card simply
 * keeps its buttons — pressing one is still refused by the engine as stale, so nothing depends on this map.
 */
import type { Locale, Reply } from '../../src/engine/turn.js';

export interface OpenCard {
  /** The Teams activity id of the card. */
  activityId: string;
  /** The replies it shows, the last one interactive (re-rendered without inputs when closed). */
  replies: Reply[];
  locale: Locale;
}

export const MAX_OPEN_CARDS = 10_000;

export class OpenCards {
  private readonly cards = new Map<string, OpenCard>();

  constructor(private readonly limit = MAX_OPEN_CARDS) {}

  get size(): number {
    return this.cards.size;
  }

  remember(conversation: string, card: OpenCard): void {
    this.cards.delete(conversation);
    this.cards.set(conversation, card);
    if (this.cards.size > this.limit) {
      const oldest = this.cards.keys().next().value;
      if (oldest !== undefined) this.cards.delete(oldest);
    }
  }

  /**
   * Removes and returns the conversation's open card when `accept` agrees — synchronously, so of two turns
   * racing on one card exactly one closes it.
   */
  take(conversation: string, accept: (card: OpenCard) => boolean = () => true): OpenCard | undefined {
    const card = this.cards.get(conversation);
    if (!card || !accept(card)) return undefined;
    this.cards.delete(conversation);
    return card;
  }
}

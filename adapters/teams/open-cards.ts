/**
 * Where the Teams adapter remembers the last interactive card it posted in each conversation (per user), so the
 * card is updated once it is answered or superseded and its buttons disappear (invariant 3: old buttons are
 * removed where the platform allows).
 *
 * - {@link memoryCards}: this process's memory, bounded (tests, STORE=memory).
 * - {@link keyvCards}: the configured store (SQLite file or Redis), so after a restart — or on another instance —
 *   the next turn in that conversation still closes the old card (as Slack's `keyvQuestions`).
 *
 * `take` reads and forgets. In memory it is synchronous, so of two turns racing on one card exactly one closes
 * it; with a shared store two turns racing may both take it and both close it: the same update twice, harmless.
 * Losing an entry only means an old card keeps its buttons, which the engine then refuses as stale.
 */
import type { Keyv } from 'keyv';
import type { Locale, Reply } from '../../src/engine/turn.js';

export interface OpenCard {
  /** The Teams activity id of the card. */
  activityId: string;
  /** The replies it shows, the last one interactive (re-rendered without inputs when closed). */
  replies: Reply[];
  locale: Locale;
}

export interface OpenCards {
  remember(conversation: string, card: OpenCard): Promise<void>;
  /** Removes and returns the conversation's open card when `accept` agrees (a card left in place otherwise). */
  take(conversation: string, accept?: (card: OpenCard) => boolean): Promise<OpenCard | undefined>;
  close(): Promise<void>;
}

export const MAX_OPEN_CARDS = 10_000;

/** Bounded: past `limit` conversations, the least recently remembered is forgotten. */
export function memoryCards(limit = MAX_OPEN_CARDS): OpenCards & { readonly size: number } {
  const cards = new Map<string, OpenCard>();
  return {
    get size() {
      return cards.size;
    },
    async remember(conversation, card) {
      cards.delete(conversation);
      cards.set(conversation, card);
      if (cards.size > limit) {
        const oldest = cards.keys().next().value;
        if (oldest !== undefined) cards.delete(oldest);
      }
    },
    async take(conversation, accept = () => true) {
      const card = cards.get(conversation);
      if (!card || !accept(card)) return undefined;
      cards.delete(conversation);
      return card;
    },
    async close() {},
  };
}

/** Cards kept `ttlMs` (the conversation's idle limit: after that the engine starts over anyway). */
export function keyvCards(keyv: Keyv<OpenCard>, ttlMs: number): OpenCards {
  return {
    async remember(conversation, card) {
      await keyv.set(conversation, card, ttlMs);
    },
    async take(conversation, accept = () => true) {
      const card = await keyv.get(conversation);
      if (!card || !accept(card)) return undefined;
      await keyv.delete(conversation);
      return card;
    },
    close: () => keyv.disconnect(),
  };
}

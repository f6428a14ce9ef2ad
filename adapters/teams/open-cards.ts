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
 * Losing an entry only means an old card keeps its buttons, which the engine then refuses as stale. The store
 * itself is `src/storage/remembered.ts`.
 */
import type { Keyv } from 'keyv';
import type { Locale, Reply } from '../../src/engine/turn.js';
import { keyvRemembered, memoryRemembered, type Remembered } from '../../src/storage/remembered.js';

export interface OpenCard {
  /** The Teams activity id of the card. */
  activityId: string;
  /** The replies it shows, the last one interactive (re-rendered without inputs when closed). */
  replies: Reply[];
  locale: Locale;
}

/** Keyed by conversation (per user). `take`'s `accept` leaves a card in place unless it agrees. */
export type OpenCards = Remembered<OpenCard>;

export const MAX_OPEN_CARDS = 10_000;

/** Bounded: past `limit` conversations, the least recently remembered is forgotten. */
export function memoryCards(limit = MAX_OPEN_CARDS): OpenCards & { readonly size: number } {
  return memoryRemembered<OpenCard>(limit);
}

/** Cards kept `ttlMs` (the conversation's idle limit: after that the engine starts over anyway). */
export function keyvCards(keyv: Keyv<OpenCard>, ttlMs: number): OpenCards {
  return keyvRemembered(keyv, ttlMs);
}

/**
 * Acknowledgements one by one. LINE has no checkboxes: the question's consequences are shown as numbered items,
 * each with its own button (`hb=a&v=<version>&id=<consequence>`). This module remembers, per conversation, the
 * question last shown with acknowledgements (its reply and state version) and which of its items were
 * acknowledged so far, and decides what a press means for the adapter:
 *
 * - an item of the question on screen (same version), others still open → `progress`: the adapter re-sends the
 *   card with that item marked ✓ (LINE cannot edit a sent message) and does not call the engine;
 * - the last open item → `complete`: the adapter sends the engine ONE `acknowledge` input with every item, at that
 *   version — the engine checks, as for every channel, that all consequences are covered and the version is current;
 * - anything else (an older card, a question no longer remembered after a restart or on another instance, an item
 *   the question does not have) → `engine`: the press goes to the engine as it is (`acknowledge` with that one item
 *   at its version), which refuses a stale version and re-shows the current question, or asks for the rest.
 *
 * Nothing here decides about a procedure: the engine alone accepts or refuses. Choosing this over a LIFF page (a
 * web form with checkboxes inside LINE) is argued in docs/install-line.md: no second app to register and host, it
 * works in LINE for PC, and each consequence is one deliberate tap recorded in the chat.
 *
 * Records live in a Keyv (the configured storage, so another instance sees them) for as long as a conversation
 * may stay idle; last write wins, which is enough because the adapter handles one user's events in order.
 */
import type { Keyv } from 'keyv';
import type { Locale, Reply } from '../../src/engine/turn.js';

export interface OpenQuestion {
  /** The reply that asks for the acknowledgements (the last one its turn showed). */
  reply: Reply;
  locale: Locale;
  /** Consequence ids acknowledged so far, in the order pressed. */
  acknowledged: string[];
}

export type Press =
  | { kind: 'progress'; question: OpenQuestion }
  | { kind: 'complete'; ackIds: string[]; stateVersion: number }
  | { kind: 'engine'; ackIds: string[]; stateVersion: number };

export class OpenQuestions {
  readonly #keyv: Keyv<OpenQuestion>;
  readonly #ttlMs: number;

  constructor(keyv: Keyv<OpenQuestion>, ttlMs: number) {
    this.#keyv = keyv;
    this.#ttlMs = ttlMs;
  }

  /** After the bot showed `replies` in a conversation: remembers its question with acknowledgements, if any. */
  async shown(conversationKey: string, replies: readonly Reply[], locale: Locale): Promise<void> {
    const last = replies.at(-1);
    if (last && (last.acknowledgements?.length ?? 0) > 0) {
      await this.#keyv.set(conversationKey, { reply: last, locale, acknowledged: [] }, this.#ttlMs);
      return;
    }
    // Only an interactive reply replaces the question on screen; a plain notice leaves it standing.
    if (last && ((last.choices?.length ?? 0) > 0 || last.typedConfirmation !== undefined))
      await this.#keyv.delete(conversationKey);
  }

  /** What pressing the button of item `ackId` from the card of `stateVersion` means (see the module comment). */
  async press(conversationKey: string, ackId: string, stateVersion: number): Promise<Press> {
    const open = await this.#keyv.get(conversationKey);
    const items = open?.reply.acknowledgements?.map((ack) => ack.id) ?? [];
    if (!open || open.reply.stateVersion !== stateVersion || !items.includes(ackId))
      return { kind: 'engine', ackIds: [ackId], stateVersion };
    const acknowledged = open.acknowledged.includes(ackId)
      ? open.acknowledged
      : [...open.acknowledged, ackId];
    if (items.every((id) => acknowledged.includes(id))) {
      await this.#keyv.delete(conversationKey);
      return { kind: 'complete', ackIds: items, stateVersion };
    }
    const question = { ...open, acknowledged };
    await this.#keyv.set(conversationKey, question, this.#ttlMs);
    return { kind: 'progress', question };
  }
}

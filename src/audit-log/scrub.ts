/**
 * What may leave the engine's events for the audit log: text the bot showed, with e-mail addresses (masked ones
 * too, e.g. `po****@example.com`) replaced by `[e-mail]`, and phone numbers and inline credentials masked as in
 * log redaction (`src/redaction/redact.ts`); and fact values the user typed, replaced by {@link USER_TEXT_OMITTED}.
 */

import type { Catalogs } from '../engine/text/catalog.js';
import { redactText } from '../redaction/redact.js';

/** Stands for a value the user typed (e.g. a free-text cancellation reason), which the log never holds. */
export const USER_TEXT_OMITTED = '[entered by the user: not recorded]';
export const EMAIL_OMITTED = '[e-mail]';

/** Any address, masked or not: local part (with `*` of masking), `@`, a dotted domain. */
const EMAIL_LIKE = /[A-Za-z0-9._%+*-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** The longest shown text an entry keeps (`entry.ts`); longer text is cut, marked with `…`. */
export const MAX_SHOWN_LENGTH = 2000;

/** Bot-shown text as the log may keep it. */
export function scrubShown(text: string): string {
  const scrubbed = redactText(text.replace(EMAIL_LIKE, EMAIL_OMITTED));
  return scrubbed.length > MAX_SHOWN_LENGTH ? `${scrubbed.slice(0, MAX_SHOWN_LENGTH - 1)}…` : scrubbed;
}

/**
 * Message keys of fact labels whose value may be text the user typed. Today: the cancellation reason, which is
 * either a sentence the user picked (kept: it is a catalog message) or free text (omitted).
 */
export const USER_TEXT_FACT_KEYS: readonly string[] = ['csps.fact.reason'];

export interface UserTextFacts {
  /** Whether a fact with this (localised) label may hold typed text. */
  mayHoldUserText(label: string): boolean;
  /** Whether this value is a message of the catalogs (so the bot wrote it, not the user). */
  isCatalogText(value: string): boolean;
}

/** From the bundle's catalogs: the labels of {@link USER_TEXT_FACT_KEYS} in every locale, and all messages. */
export function userTextFacts(
  catalogs: Catalogs,
  keys: readonly string[] = USER_TEXT_FACT_KEYS,
): UserTextFacts {
  const labels = new Set<string>();
  const messages = new Set<string>();
  for (const catalog of Object.values(catalogs)) {
    for (const key of keys) {
      const label = catalog[key];
      if (label !== undefined) labels.add(label);
    }
    for (const message of Object.values(catalog)) messages.add(message);
  }
  return {
    mayHoldUserText: (label) => labels.has(label),
    isCatalogText: (value) => messages.has(value),
  };
}

/** A shown fact as the log keeps it. */
export function scrubFact(
  fact: { label: string; value: string },
  userText: UserTextFacts,
): { label: string; value: string } {
  const typed = userText.mayHoldUserText(fact.label) && !userText.isCatalogText(fact.value);
  return { label: scrubShown(fact.label), value: typed ? USER_TEXT_OMITTED : scrubShown(fact.value) };
}

/**
 * The live desk's own buttons and the customer's phrase back to the bot. They are reserved inputs: the engine
 * never sees them (see `src/engine/text/reserved.ts` for the registry of every reserved input).
 */
import { normalizeLoose } from '../engine/text/normalize.js';
import { DESK_CHOICES } from '../engine/text/reserved.js';
import { LEAVE_PHRASES } from './messages.js';

export { DESK_CHOICES };
export type DeskChoice = (typeof DESK_CHOICES)[keyof typeof DESK_CHOICES];
const OWN_CHOICES = new Set<string>(Object.values(DESK_CHOICES));

/** Whether a choice id is one of the desk's own buttons. */
export function isDeskChoice(choiceId: string): choiceId is DeskChoice {
  return OWN_CHOICES.has(choiceId);
}

const LEAVE = new Set(LEAVE_PHRASES.map(normalizeLoose));

/** Whether the text is the customer's way back from a person to the bot. */
export function isLeavePhrase(text: string): boolean {
  return LEAVE.has(normalizeLoose(text));
}

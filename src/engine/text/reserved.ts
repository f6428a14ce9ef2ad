/**
 * The registry of reserved inputs: every choice id, word and entry point that means something before (or instead
 * of) an answer to the question on screen. Nothing else in the code base invents one; `interpret`
 * (`core/interpret.ts`) and the live-desk stage read them from here.
 *
 * - Choice ids of the engine's own buttons: the confirmation (`confirm` / `cancel`), the escape prompt offered
 *   after too many unclear answers (`__retry` / `__human` / `__stop`), the outcome re-check (`__recheck`), the
 *   satisfaction question (`__satisfaction-*`), "this didn't help" under an FAQ answer (`__faq-not-helpful`).
 * - Choice ids of the live-desk stage (`__handoff-*`, a stored spelling): answered there, never by the engine.
 * - Global command words (`text/commands.ts`): stop, back, restart, help, person, language.
 * - The acknowledgement submit: an `acknowledge` input (ticked ids), or the items' numbers typed.
 * - Agent commands (`act …` / 「代理対応 …」, `end` / 「代理終了」): entry points of agent-only dialogs, refused
 *   to anyone else without touching their conversation.
 */
export { detectCommand, type GlobalCommand } from './commands.js';

export const CONFIRM_CHOICE = 'confirm';
export const CANCEL_CHOICE = 'cancel';

/** The escape prompt after too many unclear answers, in the order its buttons are shown. */
export const ESCAPE_RETRY = '__retry';
export const ESCAPE_HUMAN = '__human';
export const ESCAPE_STOP = '__stop';
export const ESCAPE_CHOICES = [ESCAPE_RETRY, ESCAPE_HUMAN, ESCAPE_STOP] as const;

/** "Check the result" of a destructive call whose outcome is not known yet. */
export const RECHECK_CHOICE = '__recheck';

/** The satisfaction question's buttons: a score 1–5, or skip (`core/satisfaction.ts`). */
export const SATISFACTION_SCORES = [
  '__satisfaction-1',
  '__satisfaction-2',
  '__satisfaction-3',
  '__satisfaction-4',
  '__satisfaction-5',
] as const;
export const SATISFACTION_SKIP = '__satisfaction-skip';

/** Under an FAQ answer: "this didn't help" (`core/faq-feedback.ts`): recorded, and a person offered. */
export const FAQ_NOT_HELPFUL = '__faq-not-helpful';

/**
 * The live-desk stage's own buttons: a live chat, a callback request (leave a request to be called back), cancel
 * that request, leave the live chat. The `__handoff-*` values are the stored spelling: they are in buttons already
 * sent to customers, so they keep it.
 */
export const DESK_CHOICES = {
  live: '__handoff-live',
  callbackRequest: '__handoff-request',
  cancel: '__handoff-cancel',
  leave: '__handoff-leave',
} as const;

/** Entry points only an agent may start (agent commands); anyone else is refused and their procedure kept. */
export const AGENT_ENTRY_POINTS = ['agent-session', 'agent-end'] as const;

const ENGINE_CHOICES = new Set<string>([
  CONFIRM_CHOICE,
  CANCEL_CHOICE,
  ...ESCAPE_CHOICES,
  RECHECK_CHOICE,
  ...SATISFACTION_SCORES,
  SATISFACTION_SKIP,
  FAQ_NOT_HELPFUL,
]);

export function isSatisfactionChoice(choiceId: string): boolean {
  return choiceId === SATISFACTION_SKIP || (SATISFACTION_SCORES as readonly string[]).includes(choiceId);
}

/** Whether a choice id is one of the engine's own buttons (never a dialog option id). */
export function isEngineChoice(choiceId: string): boolean {
  return ENGINE_CHOICES.has(choiceId);
}

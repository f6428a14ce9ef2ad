/**
 * The satisfaction question: after a procedure that changed something completed, or after a handoff to a person
 * ended (`desk-notice.ts`), with the conversation back to nothing in progress, ONE optional question — a score 1–5 in one tap, or skip — never asked twice in a
 * conversation (`state.satisfactionAsked`). It is an ordinary engine reply with choices, so every channel renders
 * it. While it is on screen (`state.prompt === 'satisfaction'`) a score button or a typed 1–5 answers it; skip, or
 * anything else, skips it (and anything else is then handled as usual). Either way a `satisfaction` event names
 * the procedure; typed text is never kept.
 */
import { parseOptionNumber } from '../text/normalize.js';
import { SATISFACTION_SCORES, SATISFACTION_SKIP } from '../text/reserved.js';
import type { Turn } from '../turn.js';
import { reshowQuestion } from './render.js';
import { eventBase, text, type Work } from './work.js';

/**
 * Asks the question once, when enabled, with nothing in progress, and the step completed a procedure or a handoff
 * made it due (`state.satisfactionDue`, see `desk-notice.ts`; the answer then names that handoff).
 */
export function maybeAskSatisfaction(w: Work): void {
  if (!w.def.satisfaction || w.state.satisfactionAsked) return;
  const due = w.state.satisfactionDue;
  const procedure =
    w.completedProcedure && w.state.stack.length === 0
      ? w.completedProcedure
      : due && !procedureInProgress(w)
        ? (due.dialogId ?? w.def.rootDialog)
        : undefined;
  if (!procedure) return;
  const t = text(w);
  w.state.satisfactionDue = undefined;
  if (due) w.state.satisfactionAfter = due.handoff;
  w.state.satisfactionAsked = procedure;
  w.state.prompt = 'satisfaction';
  w.replies.push({
    text: t.t('engine.satisfaction.ask'),
    tone: 'info',
    choices: [
      ...SATISFACTION_SCORES.map((id, i) => ({ id, label: String(i + 1), style: 'default' as const })),
      { id: SATISFACTION_SKIP, label: t.t('engine.satisfaction.skip'), style: 'default' as const },
    ],
  });
}

/**
 * Whether the customer is in a procedure (anything on the stack but the menu, or a call pending): a question due
 * after a handoff waits until they are not. At the menu's own question it is asked (the menu stays answerable).
 */
export function procedureInProgress(w: Work): boolean {
  return w.state.pending !== undefined || w.state.stack.some((f) => f.dialogId !== w.def.rootDialog);
}

/**
 * With the question on screen: `answered` (a score, thanked), `skipped` (the skip button: acknowledged) or
 * `moved-on` (anything else: reported as skipped, the input is then handled as usual). The prompt is cleared.
 */
export function answerSatisfaction(w: Work, turn: Turn): 'answered' | 'skipped' | 'moved-on' {
  const input = turn.input;
  const procedure = w.state.satisfactionAsked ?? w.def.rootDialog;
  w.state.prompt = undefined;
  let score: number | undefined;
  let skip = false;
  if (input.kind === 'choice' && input.stateVersion === w.state.step) {
    const at = (SATISFACTION_SCORES as readonly string[]).indexOf(input.choiceId);
    if (at >= 0) score = at + 1;
    skip = input.choiceId === SATISFACTION_SKIP;
  } else if (input.kind === 'text') {
    const typed = parseOptionNumber(input.text);
    if (typed !== undefined && typed >= 1 && typed <= 5) score = typed;
  }
  const after = w.state.satisfactionAfter;
  w.state.satisfactionAfter = undefined;
  w.events.push({
    ...eventBase(w, procedure),
    kind: 'satisfaction',
    ...(score ? { score } : {}),
    ...(after ? { handoff: after } : {}),
  });
  if (score === undefined && !skip) return 'moved-on';
  w.state.step += 1; // the question's buttons are answered
  w.replies.push({
    text: text(w).t(score ? 'engine.satisfaction.thanks' : 'engine.satisfaction.skipped'),
    tone: 'info',
  });
  // Asked after a handoff at the menu's question: that question, with the new version, is what is on screen now.
  if (w.state.stack.length > 0) reshowQuestion(w);
  return score ? 'answered' : 'skipped';
}

/**
 * What the live desk tells the engine (`TurnInput` `desk-notice`, never typed by a user), and the two rules that
 * follow from it (issue 16):
 * - FAQ feedback: a person asked for right after an FAQ answer — a live chat opened (`live-requested`) or a
 *   callback request taken (`request-accepted`) — reports that answer as `escalated`, like the "person" command
 *   (at most once per answer; `core/faq-feedback.ts`).
 * - Satisfaction: a handoff that ended — a live chat closed or handed back by the agent (`live-ended`), or a
 *   callback request accepted (`request-accepted`: left from the desk's offer, or a live chat nobody claimed
 *   before the hours ended, kept as a request by the customer's next text) — makes the satisfaction question due (`state.satisfactionDue`).
 *   It is the same one question as after a procedure (`core/satisfaction.ts`), asked at most once per
 *   conversation whichever came first, at once when nothing is in progress, otherwise once the conversation is
 *   back to nothing in progress (never over a question the customer is answering).
 * A notice changes nothing else: no reply of its own, the question on screen keeps its version and stays
 * answerable, and the idle limit still counts from the customer's last turn (see the runtime).
 */
import type { Turn } from '../turn.js';
import { escalateFaq, type Work } from './work.js';

export function takeDeskNotice(w: Work, input: Extract<Turn['input'], { kind: 'desk-notice' }>): void {
  if (input.notice !== 'live-ended') escalateFaq(w);
  if (input.notice === 'live-requested') return;
  if (!w.def.satisfaction || w.state.satisfactionAsked) return;
  w.state.satisfactionDue = {
    handoff: input.notice === 'live-ended' ? 'live' : 'request',
    ...(input.dialogId !== undefined ? { dialogId: input.dialogId } : {}),
  };
  // Asked now (by `maybeAskSatisfaction` as the step finishes): every button shown before it is stale.
  if (w.state.stack.length === 0 && !w.state.pending) w.state.step += 1;
}

/**
 * What the customer says right after an FAQ answer (issue 16): under every answer, one engine choice
 * 「解決しませんでした」 / "This didn't help" (`FAQ_NOT_HELPFUL`, so every channel renders it like any choice). The
 * answer is remembered for one turn (`state.faqAnswered`):
 * - the choice, from that answer's version: a `faq` event `not-helpful` (the entry), an apology, and how to reach a
 *   person (the live desk offers one there), then the question on screen again when a procedure is in progress;
 *   from any older version: refused as stale, like every old button;
 * - a person asked for in that next turn — the "person" command, a handoff node, or (told by the live desk) a live
 *   chat opened or a callback request taken — a `faq` event `escalated` (`escalateFaq` in work.ts); after the
 *   choice, the answer is remembered one turn more (`notHelpful`), so a person asked for from the apology's offer
 *   counts too, once.
 */
import type { FaqAnswer } from '../hooks.js';
import { FAQ_NOT_HELPFUL } from '../text/reserved.js';
import type { Turn } from '../turn.js';
import { deskContactReplies } from './advance.js';
import { reshowQuestion } from './render.js';
import { eventBase, say, text, topFrame, type Work } from './work.js';

/** The reply of an FAQ answer: its text and facts, with the "this didn't help" choice when it is an answer. */
export function faqAnswerReply(w: Work, answer: FaqAnswer): void {
  const answered = answer.report?.outcome === 'answered';
  w.replies.push({
    text: answer.text,
    tone: 'info',
    ...(answer.facts ? { facts: answer.facts } : {}),
    ...(answered
      ? {
          choices: [
            { id: FAQ_NOT_HELPFUL, label: text(w).t('engine.faq.not-helpful'), style: 'default' as const },
          ],
        }
      : {}),
  });
}

/** Takes the previous turn's FAQ answer off the state (it is valid for this one turn only). */
export function takePreviousFaq(w: Work): void {
  w.previousFaq = w.state.faqAnswered;
  w.state.faqAnswered = undefined;
}

/** Handles the "this didn't help" choice; `false` when the turn is something else. */
export function answerNotHelpful(w: Work, turn: Turn): boolean {
  const input = turn.input;
  if (input.kind !== 'choice' || input.choiceId !== FAQ_NOT_HELPFUL) return false;
  const active = w.state.stack.length > 0;
  const answer = w.previousFaq;
  if (!answer || answer.notHelpful || input.stateVersion !== w.state.step) {
    say(w, 'engine.stale', 'warning');
    if (active) reshowQuestion(w);
    return true;
  }
  w.state.prompt = undefined;
  w.events.push({
    ...eventBase(w, answer.dialogId),
    kind: 'faq',
    outcome: 'not-helpful',
    entry: answer.entry,
  });
  w.state.faqAnswered = { ...answer, notHelpful: true };
  say(w, 'engine.faq.not-helpful-sorry');
  deskContactReplies(w, topFrame(w)?.dialogId);
  if (active) {
    say(w, 'engine.continue-after-contacts');
    reshowQuestion(w);
  }
  return true;
}

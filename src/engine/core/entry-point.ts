/**
 * The `start` input: an entry point (a home-tab button, a slash command, an agent command such as
 * `act portal@example.com`) opens a dialog from anywhere, like "start over" and picking it.
 *
 * Contract:
 * - A dialog that is no entry point (a forged payload) changes nothing and shows where the conversation is; an
 *   agent-only entry point started by a customer is refused the same way.
 * - A procedure in progress is left as by "stop": its `onStop` compensation runs instead (and the entry point is
 *   not opened), otherwise the switch is said ("stopped after a change" when something changed).
 * - Text given with it answers the dialog's first question: that question is entered without its prompt (a silent
 *   enter, `EnterOptions.showAsk`), so the user never reads a request for what they already gave; unusable text
 *   or an answer that does not fit is re-asked with the question's prompt. Blank text is no answer. When the
 *   dialog does not start at a question (a confirmation, a call, its end) the text answers nothing.
 */
import { inputProblem } from '../text/normalize.js';
import { AGENT_ENTRY_POINTS } from '../text/reserved.js';
import type { Turn } from '../turn.js';
import { startDialog } from './advance.js';
import { answerAsk } from './answer.js';
import { anyCommitted, compensateOnLeave } from './leave.js';
import { reshowQuestion } from './render.js';
import { say, topFrame, type Work } from './work.js';

/** Opens the entry point `input.dialogId` (with `input.text` as the answer to its first question), or refuses it. */
export function startEntryPoint(w: Work, input: Extract<Turn['input'], { kind: 'start' }>): void {
  if (
    w.scope.actor.kind !== 'agent' &&
    (AGENT_ENTRY_POINTS as readonly string[]).includes(input.dialogId) &&
    w.def.entryPoints.has(input.dialogId)
  ) {
    // An agent command typed by a customer: refused, and their own procedure is left exactly where it was.
    say(w, 'engine.agent-only', 'warning');
    if (w.state.stack.length > 0) reshowQuestion(w);
    return;
  }
  if (!w.def.entryPoints.has(input.dialogId)) {
    say(w, 'engine.unknown-entry', 'warning');
    if (w.state.stack.length > 0) reshowQuestion(w);
    else startDialog(w, w.def.rootDialog);
    return;
  }
  if (compensateOnLeave(w, 'engine.stopping')) return;
  if (w.state.stack.length > 0) say(w, anyCommitted(w) ? 'engine.stopped-after-commit' : 'engine.switched');
  const given = input.text !== undefined && input.text.trim() !== '' ? input.text : undefined;
  // Text given with the entry point answers the question the dialog starts at, so that question is entered
  // without showing its prompt (a silent enter): the user must not read a request for what they already gave
  // (`act portal@example.com` showed "enter the e-mail address or contract number" above the result).
  startDialog(w, input.dialogId, 'switched', { showAsk: given === undefined });
  if (given === undefined) return;
  const frame = topFrame(w);
  const node = frame ? w.def.dialogs.get(frame.dialogId)?.nodes[frame.nodeId] : undefined;
  // Not at an ask (a confirmation, shown as usual; a call to make first; the dialog ended): it answers nothing.
  if (!frame || node?.kind !== 'ask' || w.call) return;
  // The silent ask is answered now, or shown: unusable text and an answer that does not fit are re-asked with
  // the question's prompt (here, or by `answerAsk`).
  const problem = inputProblem(given);
  if (problem) {
    say(w, `engine.input.${problem}`, 'warning');
    reshowQuestion(w);
    return;
  }
  answerAsk(w, frame, node, { kind: 'text', text: given });
}

/**
 * Leaving a procedure before it ends (stop, restart, another procedure or entry point, idle expiry): what may be
 * said about it, and the compensation a dialog declares for being left (`onStop`, invariant 10).
 */
import { enter, matches } from './advance.js';
import { behaviourContext, say, type Work } from './work.js';

/** Whether something in the backend changed in this procedure, so "stop" must not say "nothing changed". */
export function anyCommitted(w: Work): boolean {
  return w.state.stack.some((f) => f.committed || f.changed);
}

/**
 * Leaving a procedure (stop, restart, another procedure, idle expiry) while a dialog on the stack declares an
 * `onStop` case that holds: that dialog's frame is left alone on the stack and the case's node is entered, so the
 * dialog undoes what it wrote and says what happened (invariant 10). Returns false (nothing done) when no case
 * holds, or while a call's outcome is unknown (that call is reconciled first, never raced by a compensation).
 * `notice` is said first (e.g. "stopped"), but never "nothing changed": the compensation's own ending tells.
 */
export function compensateOnLeave(w: Work, notice?: string): boolean {
  if (w.state.pending) return false;
  for (let depth = w.state.stack.length - 1; depth >= 0; depth--) {
    const frame = w.state.stack[depth];
    const cases = frame ? w.def.dialogs.get(frame.dialogId)?.onStop : undefined;
    if (!frame || !cases) continue;
    const ctx = behaviourContext(w, frame);
    const chosen = cases.find((c) => matches(c.when, ctx, w));
    if (!chosen) continue;
    if (notice) say(w, notice, 'warning');
    w.state.stack = [frame];
    frame.history = []; // "back" from the compensation's end must not return into the procedure
    w.state.step += 1; // every button rendered before is stale now
    enter(w, chosen.next);
    return true;
  }
  return false;
}

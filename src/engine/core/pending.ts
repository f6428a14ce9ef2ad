/**
 * Turns that arrive while a backend call is pending (written to the store before it was sent). The runtime
 * reconciles the call with its stored idempotency key — unless the call may still be in flight, or the user asked
 * for something reconciling cannot give (a person, help, stop).
 */
import type { ConversationState } from '../state.js';
import { detectCommand } from '../text/commands.js';
import { ESCAPE_HUMAN, RECHECK_CHOICE } from '../text/reserved.js';
import type { Turn } from '../turn.js';
import { deskContactReplies } from './advance.js';
import type { EngineDefinition } from './definition.js';
import { type StepResult, say, startWork, type TurnScope, text, topFrame, type Work } from './work.js';

export { RECHECK_CHOICE };

/** The outcome-unknown notice with its two ways forward. */
export function askToRecheck(w: Work): void {
  const t = text(w);
  w.replies.push({
    text: t.t('engine.outcome-unknown'),
    tone: 'warning',
    choices: [
      { id: RECHECK_CHOICE, label: t.t('engine.choice.recheck'), style: 'primary' },
      { id: ESCAPE_HUMAN, label: t.t('engine.choice.human'), style: 'default' },
    ],
  });
}

/**
 * What to answer instead of reconciling now, or `undefined` to reconcile (re-send with the same key).
 * Never changes the conversation: the pending call stays until its outcome is known.
 */
export function answerWhilePending(
  def: EngineDefinition,
  state: ConversationState,
  turn: Turn,
  scope: TurnScope,
): StepResult | undefined {
  const pending = state.pending;
  if (!pending) return undefined;
  const w = startWork(def, scope, state);
  const done = (): StepResult => ({ state: w.state, replies: w.replies, events: w.events });
  if (
    pending.status === 'sending' &&
    scope.now.getTime() - Date.parse(pending.sentAt) < def.inFlightLeaseMs
  ) {
    say(w, 'engine.pending-in-flight', 'info');
    return done();
  }
  const input = turn.input;
  // "Check the result" (whatever version it was rendered with: every showing of it asks for the same check)
  // reconciles now.
  if (input.kind === 'choice' && input.choiceId === RECHECK_CHOICE) return undefined;
  const command =
    input.kind === 'choice' && input.choiceId === ESCAPE_HUMAN
      ? 'human'
      : input.kind === 'text' || input.kind === 'typed'
        ? detectCommand(input.text)
        : undefined;
  if (command === 'human') {
    deskContactReplies(w, topFrame(w)?.dialogId);
    askToRecheck(w);
    return done();
  }
  if (command === 'help') {
    say(w, 'engine.help');
    askToRecheck(w);
    return done();
  }
  if (command === 'stop' || command === 'back' || command === 'restart') {
    say(w, 'engine.pending-cannot-stop', 'warning');
    askToRecheck(w);
    return done();
  }
  return undefined;
}

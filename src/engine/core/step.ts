/**
 * The pure transition core: (definition, state, input) → (new state, replies, events, at most one backend call
 * to make). No I/O: the runtime stores the state and runs the call, then hands the outcome to `resumeCall`.
 */
import type { OperationOutcome } from '../operations.js';
import type { ConversationState, Frame, Json } from '../state.js';
import type { GlobalCommand } from '../text/commands.js';
import type { Turn } from '../turn.js';
import { deskContactReplies, endFrames, enter, startDialog } from './advance.js';
import { answerAsk, answerConfirm, escapeLabels } from './answer.js';
import type { EngineDefinition } from './definition.js';
import { takeDeskNotice } from './desk-notice.js';
import { startEntryPoint } from './entry-point.js';
import { answerNotHelpful, faqAnswerReply, takePreviousFaq } from './faq-feedback.js';
import { deleteConfirmation, keepHistory, setSlot, valuesBefore } from './history.js';
import { interpret } from './interpret.js';
import { followWrittenLanguage } from './language.js';
import { anyCommitted, compensateOnLeave } from './leave.js';
import { askToRecheck } from './pending.js';
import { reconcilable, reconcile } from './reconcile.js';
import { renderCurrent, reshowQuestion } from './render.js';
import { answerSatisfaction, maybeAskSatisfaction } from './satisfaction.js';
import {
  escalateFaq,
  eventBase,
  reportFaq,
  runOf,
  type StepResult,
  say,
  startWork,
  type TurnScope,
  topFrame,
  type Work,
} from './work.js';

export type { StepResult };

function finish(w: Work): StepResult {
  maybeAskSatisfaction(w);
  return { state: w.state, replies: w.replies, events: w.events, call: w.call };
}

/** The rule for a changed tree: continue where the current node is unchanged, otherwise restart. */
function reconcileTreeVersions(w: Work): void {
  for (const frame of w.state.stack) {
    const dialogHash = w.def.dialogHash(frame.dialogId);
    if (dialogHash === frame.dialogHash) continue;
    if (dialogHash !== undefined && w.def.nodeHash(frame.dialogId, frame.nodeId) === frame.nodeHash) {
      frame.dialogHash = dialogHash;
      keepHistory(frame, (h) => w.def.nodeHash(frame.dialogId, h.nodeId) !== undefined);
      continue;
    }
    say(w, anyCommitted(w) ? 'engine.tree-updated-after-commit' : 'engine.tree-updated', 'warning');
    startDialog(w, w.def.rootDialog, 'tree-updated');
    return;
  }
}

function goBack(w: Work): void {
  let frame = topFrame(w);
  let entry = frame?.history.pop();
  while (frame && !entry && !frame.committed && !frame.changed && w.state.stack.length > 1) {
    const left = w.state.stack.pop();
    if (left)
      w.events.push({
        ...eventBase(w, left.dialogId),
        kind: 'dialog-ended',
        outcome: 'back',
        changed: false,
        run: runOf(w, left.dialogId, w.state.stack),
      });
    frame = topFrame(w);
    entry = frame?.history.pop();
  }
  if (!frame || !entry) {
    say(
      w,
      frame?.committed || frame?.changed ? 'engine.back-after-commit' : 'engine.back-unavailable',
      'info',
    );
    renderCurrent(w);
    return;
  }
  const before = valuesBefore(frame, entry);
  // Only confirmations still unused now come back: one consumed by a call never authorises a second call.
  const current = frame.confirmations;
  frame.slots = before.slots;
  frame.confirmations = Object.fromEntries(
    Object.entries(before.confirmations).filter(([target, c]) => current[target]?.id === c.id),
  );
  enter(w, entry.nodeId);
}

function runCommand(w: Work, command: GlobalCommand): void {
  const active = w.state.stack.length > 0;
  switch (command) {
    case 'stop':
      if (active && compensateOnLeave(w, 'engine.stopping')) return;
      say(
        w,
        !active ? 'engine.stop-idle' : anyCommitted(w) ? 'engine.stopped-after-commit' : 'engine.stopped',
      );
      endFrames(w, 'stopped');
      w.state.step += 1; // every button rendered before the stop is now stale
      return;
    case 'back':
      goBack(w);
      return;
    case 'restart':
      if (compensateOnLeave(w, 'engine.stopping')) return;
      say(w, anyCommitted(w) ? 'engine.stopped-after-commit' : 'engine.restarted');
      startDialog(w, w.def.rootDialog, 'restarted');
      return;
    case 'help':
      say(w, 'engine.help');
      if (active) reshowQuestion(w);
      return;
    case 'human':
      escalateFaq(w);
      deskContactReplies(w, topFrame(w)?.dialogId);
      if (active) {
        say(w, 'engine.continue-after-contacts');
        reshowQuestion(w);
      }
      return;
    case 'english':
    case 'japanese':
      w.state.locale = command === 'english' ? 'en' : 'ja';
      say(w, 'engine.language-switched');
      if (active) reshowQuestion(w);
      else startDialog(w, w.def.rootDialog);
      return;
  }
}

/** The first question of the root dialog (the main menu), with nothing else on the stack. */
function atRootQuestion(w: Work, frame: Frame): boolean {
  return w.state.stack.length === 1 && frame.dialogId === w.def.rootDialog && frame.history.length === 0;
}

/** With nothing in progress: a question is answered, a request is routed, anything else opens the menu. */
function handleIdle(w: Work, turn: Turn): void {
  if (turn.input.kind === 'text') {
    const routed = w.def.router?.route(turn.input.text, w.state.locale);
    if (routed) {
      startDialog(w, routed);
      return;
    }
    const answer = w.def.faq?.answer(turn.input.text, w.state.locale);
    if (answer) {
      faqAnswerReply(w, answer);
      reportFaq(w, w.def.rootDialog, turn.input.text, answer.report);
      return;
    }
  }
  startDialog(w, w.def.rootDialog);
}

export function processTurn(
  def: EngineDefinition,
  state: ConversationState,
  turn: Turn,
  scope: TurnScope,
  idleTtlMs: number,
): StepResult {
  const w = startWork(def, scope, state);
  takePreviousFaq(w);
  if (turn.input.kind === 'desk-notice') {
    takeDeskNotice(w, turn.input);
    return finish(w);
  }
  const idleFor = scope.now.getTime() - Date.parse(w.state.updatedAt);
  if (w.state.stack.length > 0 && idleFor > idleTtlMs) {
    if (compensateOnLeave(w, 'engine.expired-undoing')) {
      // The sign-in expired with the procedure, but the compensation just entered must still be able to undo the
      // bot's own write (e.g. withdraw its draft): the credentials are kept only until it has run — the runtime
      // clears them at the end of this turn, or once a compensation whose outcome was unknown is settled
      // (`ConversationState.credentialsExpired`). They stay where they already were (the conversation's state,
      // under its store's time to live); nothing else runs with them, as the compensation path ends the
      // conversation. Chosen over a compensation run by a sweeper at the idle limit: the store cannot list
      // conversations, and a customer who never returns is handled no worse than before. A backend whose sign-in
      // lapses before the idle limit (the sandbox's customer token: 30 minutes, the default limit: 24 hours) still
      // refuses the withdrawal: the dialog then says so and shows the desk.
      w.state.credentialsExpired = true;
      return finish(w);
    }
    say(w, anyCommitted(w) ? 'engine.expired-after-commit' : 'engine.expired', 'warning');
    w.state.credentials = {};
    // Noticed only now, when the customer writes again; recorded as of the moment the idle limit passed.
    endFrames(w, 'expired', new Date(Date.parse(w.state.updatedAt) + idleTtlMs).toISOString());
    startDialog(w, def.rootDialog);
    return finish(w);
  }
  reconcileTreeVersions(w);
  if (w.replies.length > 0) return finish(w);
  if (w.state.prompt === 'satisfaction' && answerSatisfaction(w, turn) !== 'moved-on') return finish(w);
  if (answerNotHelpful(w, turn)) return finish(w);

  if (turn.input.kind === 'start') {
    w.state.prompt = undefined;
    startEntryPoint(w, turn.input);
    return finish(w);
  }
  // Answer in the language the customer writes in (issue 15; see ./language.ts). A switch while a confirmation is
  // on screen shows it again, with a fresh version, instead of reading the text as its answer.
  if (turn.input.kind === 'text' && followWrittenLanguage(w, turn.input.text) === 'reshown') {
    w.state.prompt = undefined;
    return finish(w);
  }
  // The one interpretation of this input against the question on screen (core/interpret.ts).
  const top = topFrame(w);
  const meaning = interpret(w.state, turn, turn.input, {
    escapeLabels: escapeLabels(w),
    confirmation: top !== undefined && def.dialogs.get(top.dialogId)?.nodes[top.nodeId]?.kind === 'confirm',
  });
  w.state.prompt = undefined; // whatever happens now shows something new; `invalid` sets it again
  switch (meaning.kind) {
    case 'problem':
      say(w, `engine.input.${meaning.problem}`, 'warning');
      reshowQuestion(w);
      return finish(w);
    case 'stale':
      say(w, 'engine.stale', 'warning');
      if (w.state.stack.length > 0) reshowQuestion(w);
      else startDialog(w, def.rootDialog);
      return finish(w);
    case 'command':
      runCommand(w, meaning.command);
      return finish(w);
    case 'retry':
    case 'reshow':
      if (w.state.stack.length > 0) reshowQuestion(w);
      else startDialog(w, def.rootDialog);
      return finish(w);
    case 'answer':
      break;
  }
  const input = meaning.input;
  const frame = topFrame(w);
  if (!frame) {
    handleIdle(w, turn);
    return finish(w);
  }
  const node = def.dialogs.get(frame.dialogId)?.nodes[frame.nodeId];
  if (atRootQuestion(w, frame) && node?.kind === 'ask' && input.kind === 'text') {
    // Typing a request at the main menu works like typing it before the menu was shown.
    const routed = def.router?.route(input.text, w.state.locale);
    if (routed && routed !== def.rootDialog) {
      startDialog(w, routed, 'routed');
      return finish(w);
    }
  }
  if (node?.kind === 'ask') answerAsk(w, frame, node, input);
  else if (node?.kind === 'confirm') answerConfirm(w, frame, node, input);
  else enter(w, frame.nodeId);
  return finish(w);
}

function takeCredentials(w: Work, data: unknown): Json {
  if (data && typeof data === 'object' && 'credentials' in data) {
    const { credentials, ...rest } = data as { credentials: unknown };
    if (credentials && typeof credentials === 'object') {
      for (const [name, value] of Object.entries(credentials))
        if (typeof value === 'string') w.state.credentials[name] = value;
    }
    return rest as Json;
  }
  return (data ?? null) as Json;
}

/**
 * Applies a call's outcome to the node that issued `state.pending`. An unknown outcome of a destructive call keeps
 * the pending call (to be reconciled with the same key) and the conversation where it is.
 */
export function resumeCall(
  def: EngineDefinition,
  state: ConversationState,
  scope: TurnScope,
  outcome: OperationOutcome,
  recovered = false,
): StepResult {
  const w = startWork(def, scope, state);
  const pending = w.state.pending;
  if (!pending) return finish(w);
  if (!outcome.ok && outcome.kind === 'unreachable' && pending.destructive) {
    pending.status = 'unknown';
    w.state.step += 1;
    askToRecheck(w);
    return finish(w);
  }
  w.state.pending = undefined;
  if (recovered) say(w, 'engine.outcome-recovered', 'info');
  w.state.stack = w.state.stack.slice(0, pending.depth + 1);
  const frame = topFrame(w);
  const node = frame ? def.dialogs.get(frame.dialogId)?.nodes[pending.nodeId] : undefined;
  if (!frame || node?.kind !== 'call') {
    startDialog(w, def.rootDialog, 'failed');
    return finish(w);
  }
  if (node.reconcile && (pending.reconciling || reconcilable(def, pending, outcome))) {
    reconcile(w, frame, node, node.reconcile, pending, outcome);
    return finish(w);
  }
  if (pending.destructive && node.target) {
    deleteConfirmation(frame, node.target);
    if (outcome.ok) {
      frame.committed = true;
      frame.history = [];
    }
  }
  if (outcome.ok && (pending.destructive || def.operations[pending.operation]?.mutates)) {
    // Something changed in the backend: "back" must not return to the questions that led here, where answering
    // again would act on stale data (e.g. create a second draft, or confirm a device already deleted).
    frame.changed = true;
    frame.history = [];
  }
  let next: string;
  const meta = def.operations[pending.operation];
  const read = !pending.destructive && meta?.destructive !== true && meta?.mutates !== true;
  if (outcome.ok) {
    const data = takeCredentials(w, outcome.data);
    if (node.result) setSlot(frame, node.result, data);
    next = node.next.ok;
  } else if (outcome.kind === 'refused') {
    next = node.next.errors?.[outcome.code] ?? node.next.failed;
  } else if (outcome.offContract && read) {
    // Invariant 8: a read answered off-contract shows nothing of the answer. The backend was reached, so this is
    // not "cannot connect": the engine says it cannot show this now, and the dialog's `failed` branch says what
    // has (and has not) been changed so far.
    say(w, 'engine.answer-unusable', 'warning');
    next = node.next.failed;
  } else if (outcome.kind === 'unreachable') {
    next = node.next.unreachable ?? node.next.failed;
  } else {
    next = node.next.failed;
  }
  enter(w, next);
  return finish(w);
}

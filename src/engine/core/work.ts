/**
 * The working set of one core step: a private copy of the state that the core mutates, plus what it produces.
 * Callers hand in a state and get a new one back; their object (and anything it holds) is never touched.
 */
import type { BehaviourContext } from '../behaviour.js';
import type { DialogRun, EngineEvent } from '../events.js';
import type { FaqReport, ReplyContent } from '../hooks.js';
import type { ConversationState, Frame, PendingCall } from '../state.js';
import { createTranslator, type Translator } from '../text/catalog.js';
import type { Actor } from '../turn.js';
import type { EngineDefinition } from './definition.js';

export interface TurnScope {
  conversationKey: string;
  channel: string;
  actor: Actor;
  now: Date;
  /**
   * Random per turn, from the runtime: keys derived in this turn (confirmation ids, idempotency keys) never repeat,
   * even when a forgotten conversation is replayed under the same key.
   */
  nonce: string;
  /** Names of the credentials the channel vouches for on this turn (never their values), for guards. */
  credentialNames?: readonly string[] | undefined;
}

/** What one core step produced (see `step.ts`). */
export interface StepResult {
  state: ConversationState;
  replies: ReplyContent[];
  events: EngineEvent[];
  /** A call to store (as `state.pending`) and then send. */
  call?: PendingCall | undefined;
}

export interface Work {
  def: EngineDefinition;
  scope: TurnScope;
  state: ConversationState;
  replies: ReplyContent[];
  events: EngineEvent[];
  /** Set when the core stopped at a call node: the runtime must store the state, then send it. */
  call?: PendingCall | undefined;
  /** The procedure (a dialog started from the root) that finished in this step having changed something. */
  completedProcedure?: string | undefined;
  /** The FAQ answer of the previous turn (`state.faqAnswered` as this turn found it). */
  previousFaq?: ConversationState['faqAnswered'];
}

/**
 * A copy of `state` the core may change: the state, its stack, each frame and the containers the core writes into
 * (slots, confirmations, history, credentials, the pending call) are new objects; what they hold (slot values,
 * confirmations, history entries) is shared, because the core only ever replaces those, never changes them.
 * Far cheaper than a deep copy, and the caller's object is still never touched.
 */
function writableCopy(state: ConversationState): ConversationState {
  const copy: ConversationState = {
    ...state,
    stack: state.stack.map((frame) => ({
      ...frame,
      slots: { ...frame.slots },
      confirmations: { ...frame.confirmations },
      history: [...frame.history],
    })),
    credentials: { ...state.credentials },
  };
  if (state.pending) copy.pending = { ...state.pending };
  return copy;
}

export function startWork(def: EngineDefinition, scope: TurnScope, state: ConversationState): Work {
  return { def, scope, state: writableCopy(state), replies: [], events: [] };
}

export function topFrame(w: Work): Frame | undefined {
  return w.state.stack[w.state.stack.length - 1];
}

export function text(w: Work): Translator {
  return createTranslator(w.def.catalogs, w.state.locale);
}

export function say(w: Work, key: string, tone: ReplyContent['tone'] = 'info', values?: unknown): void {
  w.replies.push({ text: text(w).t(key, values), tone });
}

export function behaviourContext(w: Work, frame: Frame): BehaviourContext {
  return {
    slots: frame.slots,
    text: text(w),
    now: w.scope.now,
    actor: w.scope.actor,
    credentials: [...new Set([...Object.keys(w.state.credentials), ...(w.scope.credentialNames ?? [])])],
  };
}

export function eventBase(w: Work, dialogId: string) {
  const procedure = w.state.stack.find((frame) => frame.dialogId !== w.def.rootDialog)?.dialogId;
  return {
    conversationKey: w.scope.conversationKey,
    channel: w.scope.channel,
    actor: w.scope.actor,
    locale: w.state.locale,
    dialogId,
    ...(procedure !== undefined && procedure !== dialogId ? { procedure } : {}),
    at: w.scope.now.toISOString(),
  };
}

/** How `dialogId` runs on top of the frames `below` it (see `DialogRun` in events.ts). */
export function runOf(w: Work, dialogId: string, below: readonly Frame[]): DialogRun {
  if (dialogId === w.def.rootDialog) return 'menu';
  return below.every((frame) => frame.dialogId === w.def.rootDialog) ? 'procedure' : 'sub';
}

/**
 * A person asked for right after an FAQ answer (the "person" command, a handoff node, the live desk's notice):
 * that answer is reported as `escalated`, once.
 */
export function escalateFaq(w: Work): void {
  const answer = w.previousFaq;
  if (!answer) return;
  w.previousFaq = undefined;
  w.events.push({ ...eventBase(w, answer.dialogId), kind: 'faq', outcome: 'escalated', entry: answer.entry });
}

/** Reports what the FAQ did with `question` (the text is kept on the event for a declined question only). */
export function reportFaq(w: Work, dialogId: string, question: string, report: FaqReport | undefined): void {
  if (!report) return;
  if (report.outcome === 'answered' && report.entry) w.state.faqAnswered = { dialogId, entry: report.entry };
  w.events.push({
    ...eventBase(w, dialogId),
    kind: 'faq',
    outcome: report.outcome,
    ...(report.entry ? { entry: report.entry } : {}),
    ...(report.outcome === 'declined' ? { question } : {}),
  });
}

/**
 * The runtime around the pure core: loads and stores conversations with compare-and-set, writes a pending call
 * before sending it (unless the operation is read-only), runs backend operations, reconciles unknown outcomes with the same idempotency key, and
 * reports events. `engine.handle(turn)` is the single entry point every channel calls.
 */
import { randomUUID } from 'node:crypto';
import { type DefinitionInput, defineEngine, type EngineDefinition } from './core/definition.js';
import { answerWhilePending } from './core/pending.js';
import { processTurn, resumeCall, type StepResult } from './core/step.js';
import type { TurnScope } from './core/work.js';
import type { EngineEvent } from './events.js';
import type { ReplyContent } from './hooks.js';
import type { OperationOutcome, OperationRegistry } from './operations.js';
import { type ConversationState, emptyState, type PendingCall } from './state.js';
import type { ConversationStore } from './store/types.js';
import { createTranslator } from './text/catalog.js';
import type { Fact, Locale, Reply, Turn } from './turn.js';

export interface EngineOptions extends Omit<DefinitionInput, 'operations'> {
  // trace, router, faq, deskContacts: see DefinitionInput.
  operations: OperationRegistry;
  store: ConversationStore<ConversationState>;
  /** The time source (tests and demos fix it). */
  now?: () => Date;
  /** Idle time after which a conversation in progress starts over (default 24 h). */
  idleTtlMs?: number;
  /** Called once per event after it happened; failures are reported to `onError`, never to the user. */
  onEvent?: (event: EngineEvent) => void | Promise<void>;
  /**
   * Invariant 9, audit before action: makes events durable (the audit trail's outbox). Given every event of a
   * turn, in order, before what it records takes effect: the events so far before a destructive call is sent, a
   * call's `call-completed` right after the call, the rest before the turn's state is stored. When it throws,
   * nothing further happens: the destructive call is not sent, the turn is not stored, and the user is told the
   * step could not be recorded and nothing changed (or, after a send, that the result will be checked). A turn
   * re-applied after a compare-and-set conflict gives its events again.
   */
  recordEvents?: (events: EngineEvent[]) => Promise<void>;
  /** Faults of our own (bugs, store failures), for the operator's log. Never include turn text. */
  onError?: (error: unknown, context: { conversationKey: string; phase: string }) => void;
  /** Credential names whose values are not secret and may appear in `describe` (e.g. `customerId`). */
  describableCredentials?: readonly string[];
}

export interface Engine {
  handle(turn: Turn): Promise<Reply[]>;
  /**
   * Where a conversation stands, for a person taking it over (the live desk): read-only, no secrets (credential
   * values never leave the engine; only the verified customer id, which is not secret). `undefined` when the
   * conversation is unknown.
   */
  describe(conversationKey: string): Promise<ConversationSummary | undefined>;
  readonly definition: EngineDefinition;
}

export interface ConversationSummary {
  locale: Locale;
  /** Innermost last: dialog and node ids of the procedure in progress (empty when idle). */
  position: { dialogId: string; nodeId: string }[];
  /** Acknowledgements ticked in the procedure in progress, with their texts as shown. */
  acknowledged: { id: string; text: string }[];
  /** Confirmations given and not yet used (what the user has agreed to). */
  confirmed: { target: string; finalQuestion: string; facts: Fact[] }[];
  /** Credentials named in `EngineOptions.describableCredentials` (not secret, e.g. the verified customer id). */
  identity: Record<string, string>;
  /** A destructive call whose outcome is not known yet. */
  pendingOperation?: string | undefined;
  updatedAt: string;
}

export const DEFAULT_IDLE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_CONFLICT_RETRIES = 5;
/** How many handled turn ids a conversation remembers for recognising platform retries. */
const RECENT_TURN_IDS = 50;

class WriteConflict extends Error {}
/** `recordEvents` failed: what it was to record must not take effect. */
class AuditUnavailable extends Error {}

/** The localised text of an acknowledgement of the confirm node the conversation is at. */
function findAcknowledgementText(
  definition: EngineDefinition,
  dialogId: string | undefined,
  nodeId: string | undefined,
  ackId: string,
  state: ConversationState,
): string | undefined {
  if (!dialogId || !nodeId) return undefined;
  const node = definition.dialogs.get(dialogId)?.nodes[nodeId];
  if (node?.kind !== 'confirm') return undefined;
  const ack = node.acknowledgements.find((a) => a.consequence === ackId);
  if (!ack) return undefined;
  const slots = state.stack.at(-1)?.slots ?? {};
  return createTranslator(definition.catalogs, state.locale).t(ack.text, slots);
}

export function createEngine(options: EngineOptions): Engine {
  const operationCatalog = Object.fromEntries(
    Object.entries(options.operations).map(([name, op]) => {
      if (op.readOnly && (op.destructive || op.mutates))
        throw new Error(
          `Operation "${name}" is marked readOnly and also ${op.destructive ? 'destructive' : 'mutating'}; a read-only operation changes nothing.`,
        );
      const meta = { destructive: op.destructive, consequences: op.consequences, mutates: op.mutates };
      return [name, op.readOnly ? { ...meta, readOnly: true } : meta];
    }),
  );
  const definition = defineEngine({ ...options, operations: operationCatalog });
  const now = options.now ?? (() => new Date());
  const idleTtlMs = options.idleTtlMs ?? DEFAULT_IDLE_TTL_MS;
  const store = options.store;

  async function emit(events: EngineEvent[], conversationKey: string): Promise<void> {
    // Nothing to tell: no extra turn of the event loop per event, so interleavings of turns stay as they were.
    if (!options.onEvent) return;
    for (const event of events) {
      try {
        // A listener that answers nothing (the bot's metrics) costs no turn of the microtask queue per event.
        const told = options.onEvent(event);
        if (told) await told;
      } catch (error) {
        options.onError?.(error, { conversationKey, phase: 'event' });
      }
    }
  }

  /**
   * Hands `events` to `recordEvents` and empties the list; a failure becomes {@link AuditUnavailable}. Without
   * anything to record it returns `undefined` instead of a promise, so callers (`await record(…)`) add no turn of
   * the event loop where nothing is recorded: interleavings of turns stay as they were without an audit trail.
   */
  function record(events: EngineEvent[]): Promise<void> | undefined {
    if (!options.recordEvents || events.length === 0) {
      events.length = 0;
      return undefined;
    }
    return recordNow(options.recordEvents, events.splice(0, events.length));
  }

  async function recordNow(
    recordEvents: NonNullable<EngineOptions['recordEvents']>,
    batch: EngineEvent[],
  ): Promise<void> {
    try {
      await recordEvents(batch);
    } catch (error) {
      throw new AuditUnavailable('the audit trail could not record the turn', { cause: error });
    }
  }

  async function runOperation(
    call: PendingCall,
    turn: Turn,
    state: ConversationState,
  ): Promise<OperationOutcome> {
    const operation = options.operations[call.operation];
    if (!operation)
      return { ok: false, kind: 'bug', detail: `operation ${call.operation} is not registered` };
    try {
      return await operation.run(call.args, {
        conversationKey: turn.conversationKey,
        actor: turn.actor,
        locale: state.locale,
        idempotencyKey: call.idempotencyKey,
        credentials: { ...state.credentials, ...turn.credentials },
      });
    } catch (error) {
      // A throw may come after the request left: treat the outcome as unknown, to be reconciled with the same key.
      options.onError?.(error, {
        conversationKey: turn.conversationKey,
        phase: `operation ${call.operation}`,
      });
      return { ok: false, kind: 'unreachable', detail: 'operation threw' };
    }
  }

  /** Whether a call that changes something was sent during this `handle` (then no fault may claim "nothing changed"). */
  interface Sent {
    write: boolean;
  }
  const changesSomething = (call: PendingCall) =>
    call.destructive || definition.operations[call.operation]?.mutates === true;
  const readOnly = (call: PendingCall) =>
    !call.destructive && definition.operations[call.operation]?.readOnly === true;

  /**
   * Stores the pending call, sends it, applies the outcome; repeats while the dialog makes further calls.
   * A read-only call is sent without storing it first: sending it again changes nothing, and the turn's final
   * compare-and-set (or the next stored call's) is still made against the version loaded, so a conflict is
   * detected and the turn re-applied as before.
   */
  async function runCalls(
    first: StepResult,
    turn: Turn,
    scope: TurnScope,
    version: number,
    sent: Sent,
    unrecorded: EngineEvent[],
  ) {
    let result = first;
    let replies = [...first.replies];
    let events = [...first.events];
    unrecorded.push(...first.events);
    while (result.call) {
      const withPending: ConversationState = {
        ...result.state,
        pending: result.call,
        updatedAt: scope.now.toISOString(),
      };
      // Audit before action: what was shown, ticked and confirmed is durable before the call can be sent.
      if (result.call.destructive) {
        const recording = record(unrecorded);
        if (recording) await recording;
      }
      if (!readOnly(result.call)) {
        const written = await store.compareAndSet(turn.conversationKey, version, withPending);
        if (!written.ok) throw new WriteConflict();
        version = written.version;
        // What happened before this call (a disclosure, the acknowledgements, the confirmation) is now stored:
        // report it before the call, so the audit log reads in the order things happened.
        await emit(events, turn.conversationKey);
        events = [];
      }
      if (changesSomething(result.call)) sent.write = true;
      const outcome = await runOperation(result.call, turn, withPending);
      await emitCallCompleted(result.call, outcome, turn, withPending, unrecorded);
      result = resumeCall(definition, withPending, scope, outcome);
      replies = [...replies, ...result.replies];
      events = [...events, ...result.events];
      unrecorded.push(...result.events);
    }
    return { state: result.state, replies, events, version };
  }

  async function emitCallCompleted(
    call: PendingCall,
    outcome: OperationOutcome,
    turn: Turn,
    state: ConversationState,
    unrecorded: EngineEvent[],
  ) {
    if (!outcome.ok && outcome.kind === 'unreachable' && call.destructive) return; // not completed yet
    const frame = state.stack[call.depth];
    const completed: EngineEvent[] = [
      {
        kind: 'call-completed',
        conversationKey: turn.conversationKey,
        channel: turn.channel,
        actor: turn.actor,
        locale: state.locale,
        dialogId: frame?.dialogId ?? '',
        at: now().toISOString(),
        operation: call.operation,
        destructive: call.destructive,
        idempotencyKey: call.idempotencyKey,
        args: call.args,
        sentAt: call.sentAt,
        outcome,
        confirmation: call.confirmation,
        target: call.target,
      },
    ];
    // Recorded at once, with whatever of the turn came before it: the call has happened.
    unrecorded.push(...completed);
    const recording = record(unrecorded);
    if (recording) await recording;
    await emit(completed, turn.conversationKey);
  }

  async function attempt(turn: Turn, sent: Sent): Promise<Reply[]> {
    const scope: TurnScope = {
      nonce: randomUUID(),
      conversationKey: turn.conversationKey,
      channel: turn.channel,
      actor: turn.actor,
      now: now(),
      credentialNames: Object.keys(turn.credentials ?? {}),
    };
    const unrecorded: EngineEvent[] = [];
    const loaded = await store.get(turn.conversationKey);
    const version = loaded?.version ?? 0;
    const state = loaded?.value ?? emptyState(turn.locale ?? 'ja', scope.now);
    let first: StepResult;
    // A platform retry of a turn already handled: answered before, so nothing to say and nothing to do.
    if (turn.id !== undefined && state.recentTurnIds?.includes(turn.id)) return [];
    // The live desk's notice is no answer to anything: it never reconciles a pending call (core/desk-notice.ts).
    const notice = turn.input.kind === 'desk-notice';
    const answeredWhilePending = notice ? undefined : answerWhilePending(definition, state, turn, scope);
    if (answeredWhilePending) {
      // Nothing changes while the call is pending: no write, so the instance sending it is not disturbed.
      return answeredWhilePending.replies.map((reply) => ({
        ...reply,
        stateVersion: state.step,
        locale: state.locale,
      }));
    }
    if (state.pending && !notice) {
      // A call whose outcome we do not know: ask again with the SAME idempotency key before anything else.
      const pending = state.pending;
      if (changesSomething(pending)) sent.write = true;
      const answer = await runOperation(pending, turn, state);
      // A refusal of the caller (e.g. an expired sign-in) is no answer about the earlier send: still unknown.
      const outcome: OperationOutcome =
        !answer.ok && answer.kind === 'refused' && answer.callerRejected
          ? { ok: false, kind: 'unreachable', detail: `re-check refused the caller: ${answer.code}` }
          : answer;
      await emitCallCompleted(pending, outcome, turn, state, unrecorded);
      first = resumeCall(definition, state, scope, outcome, true);
    } else {
      first = processTurn(definition, state, turn, scope, idleTtlMs);
    }
    const done = await runCalls(first, turn, scope, version, sent, unrecorded);
    // An expired sign-in kept only for the compensation started at idle expiry: gone once nothing is pending.
    const signIn =
      done.state.credentialsExpired && !done.state.pending
        ? { credentials: {}, credentialsExpired: undefined }
        : {};
    const final: ConversationState = {
      ...done.state,
      ...signIn,
      // A notice is not the customer's turn: the idle limit still counts from their last one.
      updatedAt: notice ? done.state.updatedAt : scope.now.toISOString(),
      ...(turn.id === undefined
        ? {}
        : { recentTurnIds: [...(done.state.recentTurnIds ?? []), turn.id].slice(-RECENT_TURN_IDS) }),
    };
    const recording = record(unrecorded);
    if (recording) await recording;
    const written = await store.compareAndSet(turn.conversationKey, done.version, final);
    if (!written.ok) throw new WriteConflict();
    await emit(done.events, turn.conversationKey);
    return done.replies.map((reply: ReplyContent) => ({
      ...reply,
      stateVersion: final.step,
      locale: final.locale,
    }));
  }

  async function handle(turn: Turn): Promise<Reply[]> {
    const sent: Sent = { write: false };
    for (let tries = 0; tries < MAX_CONFLICT_RETRIES; tries++) {
      try {
        return await attempt(turn, sent);
      } catch (error) {
        if (error instanceof WriteConflict) continue; // another instance moved on: re-read and re-apply
        const audit = error instanceof AuditUnavailable;
        options.onError?.(error, { conversationKey: turn.conversationKey, phase: audit ? 'audit' : 'turn' });
        // After a change was sent, "nothing was changed" would be false: say the outcome is not confirmed.
        const key = sent.write
          ? 'engine.error-after-send'
          : audit
            ? 'engine.audit-unavailable'
            : 'engine.internal-error';
        return [systemReply(turn, key, 'warning')];
      }
    }
    return [systemReply(turn, sent.write ? 'engine.error-after-send' : 'engine.busy', 'warning')];
  }

  function systemReply(turn: Turn, key: string, tone: Reply['tone']): Reply {
    const locale = turn.locale ?? 'ja';
    const text = createTranslator(definition.catalogs, locale).t(key);
    return { text, tone, stateVersion: -1, locale };
  }

  async function describe(conversationKey: string): Promise<ConversationSummary | undefined> {
    const loaded = await store.get(conversationKey);
    if (!loaded) return undefined;
    const state = loaded.value;
    const top = state.stack.at(-1);
    const allowed = new Set(options.describableCredentials ?? []);
    return {
      locale: state.locale,
      position: state.stack.map((frame) => ({ dialogId: frame.dialogId, nodeId: frame.nodeId })),
      acknowledged: (top?.acknowledged ?? []).map((id) => ({
        id,
        text: findAcknowledgementText(definition, top?.dialogId, top?.nodeId, id, state) ?? id,
      })),
      confirmed: state.stack.flatMap((frame) =>
        Object.values(frame.confirmations).map((c) => ({
          target: c.target,
          finalQuestion: c.record.finalQuestion,
          facts: c.record.facts,
        })),
      ),
      identity: Object.fromEntries(Object.entries(state.credentials).filter(([name]) => allowed.has(name))),
      pendingOperation: state.pending?.operation,
      updatedAt: state.updatedAt,
    };
  }

  return { handle, describe, definition };
}

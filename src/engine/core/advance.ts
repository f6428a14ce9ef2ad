/**
 * Moves the conversation forward from a node until it needs the user (ask, confirm), the backend (call), or the
 * dialog finishes. `say`, `branch`, `sub`, `end` and `handoff` are passed through here.
 */
import { createHash } from 'node:crypto';
import type { BehaviourContext } from '../behaviour.js';
import type { Frame, Json, PendingCall } from '../state.js';
import { readPath } from '../text/catalog.js';
import type { Condition, FactSpec, NodeOf } from '../tree/schema.js';
import { nodeOf } from './definition.js';
import { setSlot } from './history.js';
import { renderCurrent, renderFacts } from './render.js';
import { behaviourContext, escalateFaq, eventBase, runOf, say, text, topFrame, type Work } from './work.js';

/** End-node outcomes that do not complete a procedure, even after a change (no satisfaction question). */
const UNFINISHED_OUTCOMES: ReadonlySet<string> = new Set(['failed', 'unverified', 'refused', 'cancelled']);

/** More automatic steps than this in one turn means a loop in the tree: stop rather than spin. */
const MAX_AUTOMATIC_STEPS = 200;

/** A new frame for `dialogId`; reports `dialog-started` (the caller pushes it on the stack). */
export function newFrame(w: Work, dialogId: string, slots: Frame['slots'] = {}): Frame {
  const dialog = w.def.dialogs.get(dialogId);
  if (!dialog) throw new Error(`Unknown dialog "${dialogId}".`);
  w.events.push({
    ...eventBase(w, dialogId),
    kind: 'dialog-started',
    run: runOf(w, dialogId, w.state.stack),
  });
  return {
    dialogId,
    dialogHash: w.def.dialogHash(dialogId) ?? '',
    nodeHash: '',
    nodeId: dialog.start,
    slots,
    confirmations: {},
    history: [],
    committed: false,
    attempts: 0,
  };
}

/**
 * Takes every frame off the stack, innermost first, reporting each as `dialog-ended` with `outcome` (one of
 * `ENGINE_END_OUTCOMES` in events.ts). `at` overrides when it happened (idle expiry: when the limit passed).
 */
export function endFrames(w: Work, outcome: string, at?: string): void {
  const changed = w.state.stack.some((f) => f.committed || f.changed);
  for (let index = w.state.stack.length - 1; index >= 0; index--) {
    const frame = w.state.stack[index] as Frame;
    w.events.push({
      ...eventBase(w, frame.dialogId),
      ...(at ? { at } : {}),
      kind: 'dialog-ended',
      outcome,
      changed,
      run: runOf(w, frame.dialogId, w.state.stack.slice(0, index)),
    });
  }
  w.state.stack = [];
}

/**
 * Starts a dialog as the bottom of the stack; whatever was on it ends first, reported with `dropped` (how the
 * engine took it off, see `ENGINE_END_OUTCOMES`). `options` as for `enter`.
 */
export function startDialog(w: Work, dialogId: string, dropped = 'switched', options?: EnterOptions): void {
  endFrames(w, dropped);
  const frame = newFrame(w, dialogId);
  w.state.stack = [frame];
  enter(w, frame.nodeId, options);
}

export function matches(condition: Condition, ctx: BehaviourContext, w: Work): boolean {
  if ('guard' in condition) return w.def.behaviour.guards[condition.guard]?.(ctx) ?? false;
  const value = readPath(ctx.slots, condition.slot);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return (condition.in as unknown[]).includes(value);
  return (value !== undefined && value !== null) === condition.exists;
}

export function idempotencyKey(w: Work, material: string): string {
  return createHash('sha256')
    .update(`${w.scope.conversationKey}\u0000${material}`)
    .digest('base64url')
    .slice(0, 32);
}

/** Prepares the backend call of a `call` node, or refuses it when a destructive call is not confirmed. */
function prepareCall(w: Work, frame: Frame, node: NodeOf<'call'>): PendingCall | undefined {
  const meta = w.def.operations[node.operation];
  const readArgs = (slots: Frame['slots']): Record<string, Json> => {
    const args: Record<string, Json> = {};
    for (const [name, path] of Object.entries(node.args ?? {})) {
      const value = readPath(slots, path);
      // An empty slot means "argument not given", so optional parameters stay optional.
      if (value !== undefined && value !== null) args[name] = value as Json;
    }
    return args;
  };
  const base = {
    operation: node.operation,
    destructive: meta?.destructive ?? false,
    depth: w.state.stack.length - 1,
    nodeId: frame.nodeId,
    sentAt: w.scope.now.toISOString(),
    status: 'sending' as const,
  };
  if (meta?.destructive && node.compensates !== undefined) {
    // A compensation (the checker proved it acts only on what node `compensates` wrote in this conversation):
    // no confirmation of its own; keyed by the item, so a retry or a second stop never withdraws twice.
    const target = node.target ?? '';
    const value = frame.slots[target];
    if (value === undefined || value === null) return undefined;
    return {
      ...base,
      args: readArgs(frame.slots),
      idempotencyKey: idempotencyKey(w, `compensation:${frame.nodeId}:${JSON.stringify(value)}`),
      target: value,
    };
  }
  if (!meta?.destructive) {
    return {
      ...base,
      args: readArgs(frame.slots),
      idempotencyKey: idempotencyKey(w, `call:${w.state.step}:${frame.nodeId}:${w.scope.nonce}`),
    };
  }
  // Defence in depth for invariant 1: the checker proved the path; the runtime re-checks the exact item.
  const target = node.target ?? '';
  const confirmation = frame.confirmations[target];
  const sameItem = confirmation?.targetValue === JSON.stringify(frame.slots[target] ?? null);
  const covers = meta.consequences.every((c) => confirmation?.consequences.includes(c));
  if (!confirmation || !sameItem || !covers) return undefined;
  const confirmed = JSON.parse(confirmation.targetValue) as Json;
  return {
    ...base,
    // The arguments are read from the item as confirmed (the checker proves they all come from the target).
    args: readArgs({ ...frame.slots, [target]: confirmed }),
    idempotencyKey: idempotencyKey(w, `confirmation:${confirmation.id}`),
    confirmation: confirmation.record,
    target: confirmed,
  };
}

/** Ends the top frame, returning to its caller (if any) with the outcome. */
function finishFrame(w: Work, outcome: string, result: Json | undefined): string | undefined {
  const finished = w.state.stack.pop();
  const parent = topFrame(w);
  if (finished) {
    const changed = finished.committed || finished.changed === true;
    const run = runOf(w, finished.dialogId, w.state.stack);
    w.events.push({ ...eventBase(w, finished.dialogId), kind: 'dialog-ended', outcome, changed, run });
    // A procedure (started from the root, or the root itself when run alone) done, having changed something.
    const procedure = !parent || (w.state.stack.length === 1 && parent.dialogId === w.def.rootDialog);
    if (procedure && changed && !UNFINISHED_OUTCOMES.has(outcome)) w.completedProcedure ??= finished.dialogId;
  }
  if (!parent) {
    // The conversation is done: every button rendered before (a final confirmation too) is stale now.
    w.state.step += 1;
    return undefined;
  }
  const sub = nodeOf(w.def, parent.dialogId, parent.nodeId);
  if (sub?.kind !== 'sub') return undefined;
  if (sub.result) setSlot(parent, sub.result, result ?? null);
  if (finished?.committed) parent.committed = true;
  if (finished?.changed) parent.changed = true;
  // "Back" must not return to questions answered before the child changed something in the backend.
  if (finished?.committed || finished?.changed) parent.history = [];
  return sub.outcomes?.[outcome] ?? sub.next;
}

export interface EnterOptions {
  /**
   * `false` ("silent enter"): an `ask` reached is entered as usual (new version, attempts reset) but its prompt is
   * not shown, because the caller answers it at once with input it already has (an entry point started with
   * text). The caller must then answer it or show it (`answerAsk` re-asks with the prompt when the answer does
   * not fit). Everything said before the ask is shown, and a `confirm` is always shown. Default `true`.
   */
  showAsk?: boolean | undefined;
}

/**
 * Enters `nodeId` in the top frame and keeps going through automatic nodes. Stops at an interactive node
 * (rendered, unless `options.showAsk` says otherwise), a call (left in `w.call`), or when the stack empties.
 */
export function enter(w: Work, nodeId: string, options: EnterOptions = {}): void {
  let next: string | undefined = nodeId;
  for (let steps = 0; next !== undefined; steps++) {
    const frame = topFrame(w);
    if (!frame) return;
    if (steps > MAX_AUTOMATIC_STEPS)
      throw new Error(`Dialog ${frame.dialogId} loops without asking anything.`);
    const node = nodeOf(w.def, frame.dialogId, next);
    if (!node) throw new Error(`Node ${frame.dialogId}#${next} does not exist.`);
    w.def.trace?.(frame.dialogId, next);
    frame.nodeId = next;
    frame.nodeHash = w.def.nodeHash(frame.dialogId, next) ?? '';
    next = undefined;
    switch (node.kind) {
      case 'say': {
        const facts = renderFacts(w, frame, node.facts, node.factsFrom);
        w.replies.push({
          text: text(w).t(node.text, frame.slots),
          tone: node.tone ?? 'info',
          ...(facts.length ? { facts } : {}),
        });
        next = node.next;
        break;
      }
      case 'branch': {
        const ctx = behaviourContext(w, frame);
        next = node.cases.find((c) => matches(c.when, ctx, w))?.next ?? node.otherwise;
        break;
      }
      case 'sub': {
        const slots: Frame['slots'] = {};
        for (const [child, path] of Object.entries(node.args ?? {}))
          slots[child] = (readPath(frame.slots, path) ?? null) as Json;
        const child = newFrame(w, node.dialog, slots);
        w.state.stack.push(child);
        next = child.nodeId;
        break;
      }
      case 'end': {
        if (node.text) say(w, node.text, node.tone ?? 'info', frame.slots);
        const result = node.result ? ((readPath(frame.slots, node.result) ?? null) as Json) : undefined;
        next = finishFrame(w, node.outcome ?? 'completed', result);
        break;
      }
      case 'handoff': {
        escalateFaq(w);
        say(w, node.reason, 'info', frame.slots);
        deskContactReplies(w, frame.dialogId);
        endFrames(w, 'handoff');
        w.state.step += 1;
        break;
      }
      case 'call': {
        const call = prepareCall(w, frame, node);
        if (call) w.call = call;
        else {
          say(w, 'engine.safety-refusal', 'danger');
          endFrames(w, 'safety-refusal');
          w.state.step += 1;
        }
        return;
      }
      case 'ask':
      case 'confirm':
        frame.attempts = 0;
        frame.phase =
          node.kind === 'confirm' ? (node.acknowledgements.length > 0 ? 'ack' : 'final') : undefined;
        frame.acknowledged = undefined;
        frame.acknowledgedAt = undefined;
        w.state.step += 1;
        if (node.kind === 'ask' && options.showAsk === false) return;
        renderCurrent(w);
        if (node.kind === 'confirm')
          disclose(w, frame, node.target, node.facts, node.factsFrom, node.acknowledgements);
        else if (node.discloses)
          disclose(w, frame, node.discloses.target, node.facts, node.factsFrom, node.discloses.consequences);
        return;
    }
  }
}

/**
 * Reports what a confirm node (or an ask that `discloses` consequences) has just shown: the audit log records
 * disclosures even when nobody confirms. `consequences` are the acknowledgements asked, or the statements shown.
 */
function disclose(
  w: Work,
  frame: Frame,
  target: string,
  facts: FactSpec[] | undefined,
  factsFrom: string | undefined,
  consequences: readonly { consequence: string; text: string }[],
): void {
  const t = text(w);
  w.events.push({
    ...eventBase(w, frame.dialogId),
    kind: 'disclosed',
    nodeId: frame.nodeId,
    target,
    targetValue: readPath(frame.slots, target) ?? null,
    facts: renderFacts(w, frame, facts, factsFrom),
    acknowledgements: consequences.map((a) => ({
      id: a.consequence,
      text: t.t(a.text, frame.slots),
    })),
  });
}

export function deskContactReplies(w: Work, dialogId?: string): void {
  const replies = w.def.deskContacts?.replies({ locale: w.state.locale, now: w.scope.now, dialogId });
  if (replies && replies.length > 0) w.replies.push(...replies);
  else say(w, 'engine.desk-contacts');
  const last = w.replies.at(-1);
  // The marker names the procedure in progress (`Reply.contactsShown`): the first frame above the menu, not a
  // sub-dialog it runs (identification…), so the handoff is counted for what the customer came for.
  const procedure = w.state.stack.find((frame) => frame.dialogId !== w.def.rootDialog)?.dialogId;
  if (last) last.contactsShown = { dialogId: procedure ?? dialogId };
}

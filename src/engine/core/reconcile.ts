/**
 * Reconciling a non-destructive write whose outcome is unknown by reading back what it created (a call node's
 * `reconcile`, tree/schema.ts). Invariant 2 for writes that are not destructive: the outcome is found out, never
 * guessed, and the write is not sent again.
 */
import type { OperationOutcome } from '../operations.js';
import type { Frame, Json, PendingCall } from '../state.js';
import { readPath } from '../text/catalog.js';
import type { NodeOf } from '../tree/schema.js';
import { enter, idempotencyKey } from './advance.js';
import type { EngineDefinition } from './definition.js';
import { setSlot } from './history.js';
import { behaviourContext, type Work } from './work.js';

/** A non-destructive write whose outcome is unknown (its `reconcile` read is sent next). */
export function reconcilable(
  def: EngineDefinition,
  pending: PendingCall,
  outcome: OperationOutcome,
): boolean {
  const meta = def.operations[pending.operation];
  return !pending.destructive && meta?.mutates === true && !outcome.ok && outcome.kind === 'unreachable';
}

/**
 * A call's `reconcile` (tree/schema.ts). First the write's unknown outcome: the read is sent, keyed and placed like
 * the write (same node and depth). Then the read's answer: the item the write created, picked by the named matcher,
 * becomes the write's result and the `ok` edge is taken, as if the write had answered; an answer without it leads
 * to `none`; no usable answer (unreachable, refused, off its contract) to the write's `unreachable` edge.
 */
export function reconcile(
  w: Work,
  frame: Frame,
  node: NodeOf<'call'>,
  spec: NonNullable<NodeOf<'call'>['reconcile']>,
  pending: PendingCall,
  outcome: OperationOutcome,
): void {
  if (!pending.reconciling) {
    const args: Record<string, Json> = {};
    for (const [name, path] of Object.entries(spec.args ?? {})) {
      const value = readPath(frame.slots, path);
      if (value !== undefined && value !== null) args[name] = value as Json;
    }
    w.call = {
      operation: spec.operation,
      args,
      idempotencyKey: idempotencyKey(w, `reconcile:${pending.idempotencyKey}`),
      destructive: false,
      depth: pending.depth,
      nodeId: pending.nodeId,
      sentAt: w.scope.now.toISOString(),
      status: 'sending',
      reconciling: true,
    };
    return;
  }
  const found = outcome.ok
    ? w.def.behaviour.reconcilers[spec.match]?.(outcome.data, behaviourContext(w, frame))
    : undefined;
  if (found !== undefined && node.result) {
    setSlot(frame, node.result, found);
    // The write happened: "back" must not return to the questions that led to it (see resumeCall).
    frame.changed = true;
    frame.history = [];
  }
  const next =
    found !== undefined ? node.next.ok : outcome.ok ? spec.none : (node.next.unreachable ?? node.next.failed);
  enter(w, next);
}

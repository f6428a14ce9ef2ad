/**
 * Invariant 1, proved statically: every path from the dialog's start to a destructive `call` passes a `confirm`
 * node that acknowledges every consequence the operation declares, for the same target slot, and no node between
 * them can change that slot. Its arguments must all be read from that target slot (the confirmed item).
 *
 * A forward "must" data-flow analysis (`must-flow.ts`): the facts at a node are the confirmations in force on EVERY path reaching
 * it (intersection over incoming edges). A confirm node's `confirmed` edge generates its confirmation; a node that
 * writes slot S (ask, call result, sub result) kills confirmations for S; a destructive call consumes the
 * confirmation for its target (the runtime does the same), so a second call needs a second confirmation.
 * Every entry of the dialog (its start, each `onStop` case) starts with no confirmation in force.
 *
 * One exception, checked here too: a compensation (`compensates: X`) undoes the write of call node X, the
 * bot's own, unconfirmed, non-destructive write (e.g. withdraws the draft application the bot created). It needs
 * no confirmation when X is a non-destructive call, its `result` is the compensation's target, and no other node
 * writes that slot: the call can then only act on what the bot created in this conversation, and undoing it
 * returns the customer to where they were before the procedure (the stop or decline is their decision; they are
 * told the outcome). Anything else marked `compensates` is rejected.
 */
import type { OperationCatalog } from '../operations.js';
import { edgesOf, slotWrittenBy } from '../tree/edges.js';
import type { Dialog, DialogNode } from '../tree/schema.js';
import { factsOnEveryPath } from './must-flow.js';
import type { Problem } from './problem.js';

/** A confirmation in force: which confirm node, for which target slot. Encoded as `node\u0000target`. */
type Fact = string;

function confirmationsGranted(dialog: Dialog, fact: Fact): { target: string; consequences: Set<string> } {
  const [nodeId = '', target = ''] = fact.split('\u0000');
  const node = dialog.nodes[nodeId];
  const consequences = new Set(
    node?.kind === 'confirm' ? node.acknowledgements.map((a) => a.consequence) : [],
  );
  return { target, consequences };
}

function transfer(
  dialog: Dialog,
  nodeId: string,
  node: DialogNode,
  facts: Set<Fact>,
  operations: OperationCatalog,
): Map<string, Set<Fact>> {
  const killed = new Set<string>();
  const written = slotWrittenBy(node);
  if (written) killed.add(written);
  if (node.kind === 'call' && operations[node.operation]?.destructive && node.target) killed.add(node.target);
  const surviving = [...facts].filter((f) => !killed.has(confirmationsGranted(dialog, f).target));
  const out = new Map<string, Set<Fact>>();
  for (const edge of edgesOf(node)) {
    const next = new Set(surviving);
    if (node.kind === 'confirm' && edge.kind === 'confirmed') next.add(`${nodeId}\u0000${node.target}`);
    const previous = out.get(edge.to);
    // Two edges to the same node (e.g. two options): the node needs what holds on both.
    out.set(edge.to, previous ? new Set([...previous].filter((f) => next.has(f))) : next);
  }
  return out;
}

/** Why a `compensates` call is not a compensation of the bot's own write, or undefined when it is. */
export function compensationProblem(dialog: Dialog, node: DialogNode): string | undefined {
  if (node.kind !== 'call' || node.compensates === undefined) return undefined;
  const undone = dialog.nodes[node.compensates];
  if (undone?.kind !== 'call')
    return `compensates "${node.compensates}", which is not a call node of this dialog`;
  if (undone.compensates !== undefined) return `compensates "${node.compensates}", itself a compensation`;
  if (!undone.result || undone.result !== node.target)
    return `its target "${node.target ?? '?'}" is not the result slot of "${node.compensates}" (${undone.result ?? 'none'})`;
  const writers = Object.entries(dialog.nodes)
    .filter(([, n]) => slotWrittenBy(n) === node.target)
    .map(([writer]) => writer);
  if (writers.length !== 1)
    return `slot "${node.target}" is written by ${writers.join(', ')}, not by "${node.compensates}" alone`;
  const foreign = Object.values(node.args ?? {}).filter((path) => path.split('.')[0] !== node.target);
  if (foreign.length > 0) return `it takes arguments from outside its target: ${foreign.join(', ')}`;
  return undefined;
}

/** Whether `operations` says this call node undoes a non-destructive write (checked with the catalog). */
function undoesDestructive(dialog: Dialog, node: DialogNode, operations: OperationCatalog): boolean {
  if (node.kind !== 'call' || node.compensates === undefined) return false;
  const undone = dialog.nodes[node.compensates];
  return undone?.kind === 'call' && operations[undone.operation]?.destructive === true;
}

export function checkDestructiveCalls(dialog: Dialog, operations: OperationCatalog): Problem[] {
  const incoming = factsOnEveryPath<Fact>(dialog, (id, node, facts) =>
    transfer(dialog, id, node, facts, operations),
  );
  const problems: Problem[] = [];
  for (const [id, node] of Object.entries(dialog.nodes)) {
    if (node.kind !== 'call') continue;
    const meta = operations[node.operation];
    if (!meta?.destructive) continue;
    const foreign = Object.values(node.args ?? {}).filter((path) => path.split('.')[0] !== node.target);
    if (foreign.length > 0) {
      problems.push({
        rule: 'unconfirmed-destructive-call',
        dialog: dialog.id,
        node: id,
        message: `destructive operation "${node.operation}" takes arguments from outside its confirmed target "${node.target ?? '?'}": ${foreign.join(', ')}`,
      });
    }
    if (node.compensates !== undefined) {
      const problem = undoesDestructive(dialog, node, operations)
        ? `compensates "${node.compensates}", a destructive call: that cannot be undone by a compensation`
        : compensationProblem(dialog, node);
      if (problem)
        problems.push({ rule: 'invalid-compensation', dialog: dialog.id, node: id, message: problem });
      else continue; // a valid compensation needs no confirmation (see above)
    }
    const facts = incoming.get(id);
    if (!facts) continue; // unreachable: reported by the reachability rule
    const covered = [...facts].some((fact) => {
      const granted = confirmationsGranted(dialog, fact);
      return granted.target === node.target && meta.consequences.every((c) => granted.consequences.has(c));
    });
    if (!covered) {
      problems.push({
        rule: 'unconfirmed-destructive-call',
        dialog: dialog.id,
        node: id,
        message:
          `destructive operation "${node.operation}" on slot "${node.target ?? '?'}" is reachable without a confirm ` +
          `acknowledging [${meta.consequences.join(', ')}] for that slot with nothing changing it in between`,
      });
    }
  }
  return problems;
}

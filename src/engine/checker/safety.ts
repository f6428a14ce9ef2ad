/**
 * Invariant 1, proved statically: every path from the dialog's start to a destructive `call` passes a `confirm`
 * node that acknowledges every consequence the operation declares, for the same target slot, and no node between
 * them can change that slot. Its arguments must all be read from that target slot (the confirmed item).
 *
 * A forward "must" data-flow analysis: the facts at a node are the confirmations in force on EVERY path reaching
 * it (intersection over incoming edges). A confirm node's `confirmed` edge generates its confirmation; a node that
 * writes slot S (ask, call result, sub result) kills confirmations for S; a destructive call consumes the
 * confirmation for its target (the runtime does the same), so a second call needs a second confirmation.
 */
import type { OperationCatalog } from '../operations.js';
import { edgesOf, slotWrittenBy } from '../tree/edges.js';
import type { Dialog, DialogNode } from '../tree/schema.js';
import type { Problem } from './problem.js';

/** A confirmation in force: which confirm node, for which target slot. Encoded as `node\u0000target`. */
type Fact = string;
const TOP = null; // "not yet computed": the identity of intersection.

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

export function checkDestructiveCalls(dialog: Dialog, operations: OperationCatalog): Problem[] {
  const incoming = new Map<string, Set<Fact> | typeof TOP>();
  for (const id of Object.keys(dialog.nodes)) incoming.set(id, TOP);
  incoming.set(dialog.start, new Set());
  const work = [dialog.start];
  while (work.length > 0) {
    const id = work.shift()!;
    const node = dialog.nodes[id];
    const facts = incoming.get(id);
    if (!node || !facts) continue;
    for (const [to, out] of transfer(dialog, id, node, facts, operations)) {
      if (!dialog.nodes[to]) continue;
      const before = incoming.get(to);
      const after =
        before === TOP || before === undefined ? out : new Set([...before].filter((f) => out.has(f)));
      if (before === TOP || before === undefined || after.size !== before.size) {
        incoming.set(to, after);
        if (!work.includes(to)) work.push(to);
      }
    }
  }
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

/**
 * Invariant 10, quote before write, proved statically: every charge, date and consequence of a procedure is shown
 * and acknowledged before the procedure's first backend write.
 *
 * A write is a `call` whose operation is destructive or `mutates`. Its procedure's consequences are those of
 * every destructive call reachable from it that reads the write's `result` slot in its arguments — the write prepares that call (e.g. creating the draft application
 * prepares submitting it, so the draft may only be created once the cancellation's consequences are disclosed).
 * Compensations (`compensates`, checker/safety.ts) undo a write and prepare nothing: they are not counted. A
 * destructive write's own consequences are not counted here: invariant 1 (safety.ts) already proves them
 * acknowledged for its exact target, so a missing one is reported once, by that rule.
 *
 * A forward "must" data-flow analysis (`must-flow.ts`, as in safety.ts): the facts at a node are the consequence ids acknowledged by a
 * `confirm` node (on its `confirmed` edge) on EVERY path from an entry of the dialog (its start, each `onStop`
 * case; each starts with nothing disclosed). A write reachable while any of its procedure's consequences is not in
 * that set is rejected. Sub-dialogs are opaque: what they disclose does not count (conservative).
 */
import type { OperationCatalog } from '../operations.js';
import { edgesOf } from '../tree/edges.js';
import type { Dialog, DialogNode } from '../tree/schema.js';
import { factsOnEveryPath } from './must-flow.js';
import type { Problem } from './problem.js';

function isWrite(
  node: DialogNode,
  operations: OperationCatalog,
): node is Extract<DialogNode, { kind: 'call' }> {
  if (node.kind !== 'call') return false;
  const meta = operations[node.operation];
  return meta?.destructive === true || meta?.mutates === true;
}

/** Node ids reachable from `from` (excluding `from` itself unless on a cycle). */
function reachableFrom(dialog: Dialog, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = edgesOf(dialog.nodes[from] ?? { kind: 'end' }).map((e) => e.to);
  while (queue.length > 0) {
    const id = queue.pop()!;
    const node = dialog.nodes[id];
    if (seen.has(id) || !node) continue;
    seen.add(id);
    for (const edge of edgesOf(node)) queue.push(edge.to);
  }
  return seen;
}

/** The consequences a write's procedure must have disclosed before it is sent (see the file's comment). */
export function procedureConsequences(
  dialog: Dialog,
  writeId: string,
  operations: OperationCatalog,
): string[] {
  const write = dialog.nodes[writeId];
  if (write?.kind !== 'call') return [];
  const all = new Set<string>();
  if (write.result) {
    for (const id of reachableFrom(dialog, writeId)) {
      const node = dialog.nodes[id];
      if (node?.kind !== 'call' || node.compensates !== undefined) continue;
      const meta = operations[node.operation];
      if (!meta?.destructive) continue;
      const reads = Object.values(node.args ?? {}).some((path) => path.split('.')[0] === write.result);
      if (reads) for (const c of meta.consequences) all.add(c);
    }
  }
  return [...all];
}

/** Consequence ids acknowledged on every path to each node (undefined: not reached). */
function disclosedAt(dialog: Dialog): Map<string, Set<string>> {
  return factsOnEveryPath<string>(dialog, function* (_id, node, facts) {
    for (const edge of edgesOf(node)) {
      const out = new Set(facts);
      if (node.kind === 'confirm' && edge.kind === 'confirmed')
        for (const a of node.acknowledgements) out.add(a.consequence);
      yield [edge.to, out];
    }
  });
}

export function checkDisclosureBeforeWrite(dialog: Dialog, operations: OperationCatalog): Problem[] {
  const disclosed = disclosedAt(dialog);
  const problems: Problem[] = [];
  for (const [id, node] of Object.entries(dialog.nodes)) {
    if (!isWrite(node, operations) || node.compensates !== undefined) continue;
    const facts = disclosed.get(id);
    if (!facts) continue; // unreachable: reported by the reachability rule
    const missing = procedureConsequences(dialog, id, operations).filter((c) => !facts.has(c));
    if (missing.length > 0) {
      problems.push({
        rule: 'write-before-disclosure',
        dialog: dialog.id,
        node: id,
        message:
          `backend write "${node.operation}" is reachable before its procedure's consequences ` +
          `[${missing.join(', ')}] are acknowledged on every path (invariant 10: quote before write)`,
      });
    }
  }
  return problems;
}

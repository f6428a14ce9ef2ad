/**
 * The forward "must" data-flow analysis both static proofs use (invariant 1 in `safety.ts`, invariant 10 in
 * `disclosure.ts`): the facts that hold at each node on EVERY path from an entry of the dialog (its start, each
 * `onStop` case; each entry starts with no fact) — the intersection over incoming edges, iterated to a fixed point.
 *
 * `transfer` gives, for a reached node and the facts holding there, the facts leaving it towards each successor
 * (pairs of target node id and facts; a target may appear more than once: it gets the intersection). Edges to
 * nodes the dialog does not have are ignored. Nodes never reached have no entry in the result. `entries` replaces
 * the dialog's entries (e.g. only its start, for what a sub-dialog returns to its caller).
 */
import { entriesOf } from '../tree/edges.js';
import type { Dialog, DialogNode } from '../tree/schema.js';

export function factsOnEveryPath<F>(
  dialog: Dialog,
  transfer: (id: string, node: DialogNode, facts: Set<F>) => Iterable<[string, Set<F>]>,
  entries: readonly { to: string }[] = entriesOf(dialog),
): Map<string, Set<F>> {
  const at = new Map<string, Set<F>>();
  const work: string[] = [];
  for (const entry of entries) {
    at.set(entry.to, new Set());
    if (!work.includes(entry.to)) work.push(entry.to);
  }
  while (work.length > 0) {
    const id = work.shift()!;
    const node = dialog.nodes[id];
    const facts = at.get(id);
    if (!node || !facts) continue;
    for (const [to, out] of transfer(id, node, facts)) {
      if (!dialog.nodes[to]) continue;
      const before = at.get(to);
      const after = before === undefined ? out : new Set([...before].filter((f) => out.has(f)));
      if (before === undefined || after.size !== before.size) {
        at.set(to, after);
        if (!work.includes(to)) work.push(to);
      }
    }
  }
  return at;
}

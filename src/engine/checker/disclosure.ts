/**
 * Invariant 10, quote before write, proved statically: every charge, date and consequence of a procedure is SHOWN
 * before the procedure's first backend write. (Acknowledging them is invariant 1's business, checker/safety.ts:
 * at the confirmation of the destructive call itself, e.g. the final confirmation naming the application number.)
 *
 * A write is a `call` whose operation is destructive or `mutates`, or a `sub` node whose dialog (or one it runs,
 * transitively) contains such a call: running it may write. Its procedure's consequences are those of every
 * destructive call reachable from it that reads the write's `result` slot in its arguments — the write prepares
 * that call (e.g. creating the draft application prepares submitting it, so the draft may only be created once the
 * cancellation's consequences have been shown). Compensations (`compensates`, checker/safety.ts) undo a write and
 * prepare nothing: they are not counted. A destructive write's own consequences are not counted here: invariant 1
 * (safety.ts) already proves them acknowledged for its exact target, so a missing one is reported once, by that
 * rule.
 *
 * A forward "must" data-flow analysis (`must-flow.ts`, as in safety.ts): the facts at a node are the consequence
 * ids shown on EVERY path from an entry of the dialog (its start, each `onStop` case; each starts with nothing
 * shown). A consequence is shown by a `confirm` node (its acknowledgements, when it is entered, ticked or not), by
 * an `ask` that `discloses` it, and by a `sub` node whose dialog shows it on every path from its start to each of
 * its `end` nodes (followed transitively; a dialog that runs itself again shows nothing more: conservative). A
 * write reachable while any of its procedure's consequences is not in that set is rejected. A `sub` write is
 * judged where it is entered: what its dialog shows before its own write does not count for it (conservative).
 */
import type { OperationCatalog } from '../operations.js';
import { edgesOf } from '../tree/edges.js';
import type { Dialog, DialogNode } from '../tree/schema.js';
import { factsOnEveryPath } from './must-flow.js';
import type { Problem } from './problem.js';

/** The dialogs a `sub` node may run, by id (absent: sub-dialogs are not followed). */
export type DialogsById = ReadonlyMap<string, Dialog>;

interface Context {
  operations: OperationCatalog;
  dialogs: DialogsById;
  /** Memo: what each dialog shows on every path to its ends. */
  shown: Map<string, Set<string>>;
  /** Memo: whether running each dialog may write. */
  writes: Map<string, boolean>;
}

function isWriteCall(
  node: DialogNode,
  operations: OperationCatalog,
): node is Extract<DialogNode, { kind: 'call' }> {
  if (node.kind !== 'call') return false;
  const meta = operations[node.operation];
  return meta?.destructive === true || meta?.mutates === true;
}

/** Whether running dialog `id` may send a write (not a compensation), its own or a sub-dialog's. */
function dialogWrites(id: string, ctx: Context): boolean {
  const known = ctx.writes.get(id);
  if (known !== undefined) return known;
  ctx.writes.set(id, false); // a dialog running itself adds nothing
  const dialog = ctx.dialogs.get(id);
  const result =
    dialog !== undefined &&
    Object.values(dialog.nodes).some(
      (node) =>
        (isWriteCall(node, ctx.operations) && node.compensates === undefined) ||
        (node.kind === 'sub' && dialogWrites(node.dialog, ctx)),
    );
  ctx.writes.set(id, result);
  return result;
}

function isWrite(node: DialogNode, ctx: Context): boolean {
  if (node.kind === 'sub') return dialogWrites(node.dialog, ctx);
  return isWriteCall(node, ctx.operations) && node.compensates === undefined;
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

/** The consequences a write's procedure must have shown before it is sent (see the file's comment). */
export function procedureConsequences(
  dialog: Dialog,
  writeId: string,
  operations: OperationCatalog,
): string[] {
  const write = dialog.nodes[writeId];
  if (write?.kind !== 'call' && write?.kind !== 'sub') return [];
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

/** The consequence ids a node shows when it is entered. */
function shownBy(node: DialogNode, ctx: Context): Iterable<string> {
  switch (node.kind) {
    case 'confirm':
      return node.acknowledgements.map((a) => a.consequence);
    case 'ask':
      return (node.discloses?.consequences ?? []).map((c) => c.consequence);
    case 'sub':
      return shownByDialog(node.dialog, ctx);
    default:
      return [];
  }
}

/** Consequence ids shown on every path to each node (undefined: not reached). */
function shownAt(dialog: Dialog, ctx: Context, onlyStart = false): Map<string, Set<string>> {
  return factsOnEveryPath<string>(
    dialog,
    function* (_id, node, facts) {
      const out = new Set([...facts, ...shownBy(node, ctx)]);
      for (const edge of edgesOf(node)) yield [edge.to, new Set(out)];
    },
    onlyStart ? [{ to: dialog.start }] : undefined,
  );
}

/** What dialog `id` shows on every path from its start to each of its reached `end` nodes. */
function shownByDialog(id: string, ctx: Context): Set<string> {
  const known = ctx.shown.get(id);
  if (known) return known;
  ctx.shown.set(id, new Set()); // a dialog running itself again shows nothing more (conservative)
  const dialog = ctx.dialogs.get(id);
  let result: Set<string> | undefined;
  if (dialog) {
    const at = shownAt(dialog, ctx, true);
    for (const [nodeId, node] of Object.entries(dialog.nodes)) {
      const facts = at.get(nodeId);
      if (node.kind !== 'end' || !facts) continue;
      result = result ? new Set([...result].filter((c) => facts.has(c))) : new Set(facts);
    }
  }
  ctx.shown.set(id, result ?? new Set());
  return result ?? new Set();
}

/**
 * The rule over one dialog. `dialogs` are the dialogs its `sub` nodes may run (the whole set being checked);
 * without them sub-dialogs are opaque: they neither write nor show anything.
 */
export function checkDisclosureBeforeWrite(
  dialog: Dialog,
  operations: OperationCatalog,
  dialogs: DialogsById = new Map(),
): Problem[] {
  const ctx: Context = { operations, dialogs, shown: new Map(), writes: new Map() };
  const shown = shownAt(dialog, ctx);
  const problems: Problem[] = [];
  for (const [id, node] of Object.entries(dialog.nodes)) {
    if (!isWrite(node, ctx)) continue;
    const facts = shown.get(id);
    if (!facts) continue; // unreachable: reported by the reachability rule
    const missing = procedureConsequences(dialog, id, operations).filter((c) => !facts.has(c));
    if (missing.length > 0) {
      const what =
        node.kind === 'call' ? `backend write "${node.operation}"` : `sub-dialog "${id}", which writes,`;
      problems.push({
        rule: 'write-before-disclosure',
        dialog: dialog.id,
        node: id,
        message:
          `${what} is reachable before its procedure's consequences ` +
          `[${missing.join(', ')}] are shown on every path (invariant 10: quote before write)`,
      });
    }
  }
  return problems;
}

/**
 * Structural checks: references resolve, every node is reachable, every path can finish, every message exists,
 * every named behaviour and operation exists.
 */
import type { DialogBehaviour } from '../behaviour.js';
import type { OperationCatalog } from '../operations.js';
import type { Catalogs } from '../text/catalog.js';
import { edgesOf, entriesOf, messageKeysOf } from '../tree/edges.js';
import type { Dialog } from '../tree/schema.js';
import type { Problem } from './problem.js';

export interface CheckContext {
  dialogs: ReadonlyMap<string, Dialog>;
  catalogs: Catalogs;
  operations: OperationCatalog;
  behaviour: DialogBehaviour;
}

export function checkReferences(dialog: Dialog, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const at = (node: string, message: string): Problem => ({
    rule: 'reference',
    dialog: dialog.id,
    node,
    message,
  });
  if (!(dialog.start in dialog.nodes))
    problems.push(at(dialog.start, `start node "${dialog.start}" does not exist`));
  for (const stop of dialog.onStop ?? []) {
    if (!(stop.next in dialog.nodes)) problems.push(at('-', `onStop points to missing node "${stop.next}"`));
    if ('guard' in stop.when && !(stop.when.guard in (ctx.behaviour.guards ?? {})))
      problems.push(at('-', `guards "${stop.when.guard}" is not supplied in code`));
  }
  for (const [id, node] of Object.entries(dialog.nodes)) {
    for (const edge of edgesOf(node)) {
      if (!(edge.to in dialog.nodes))
        problems.push(at(id, `${edge.kind} edge points to missing node "${edge.to}"`));
    }
    const named = (kind: keyof DialogBehaviour, name: string | undefined): void => {
      if (name !== undefined && !(name in (ctx.behaviour[kind] ?? {}))) {
        problems.push(at(id, `${kind} "${name}" is not supplied in code`));
      }
    };
    if (node.kind === 'say' || node.kind === 'ask' || node.kind === 'confirm') named('facts', node.factsFrom);
    if (node.kind === 'ask' && node.input.type === 'choice') {
      named('optionsFrom', node.input.optionsFrom);
      if (!node.input.optionsFrom && (node.input.options ?? []).length === 0) {
        problems.push(at(id, 'a choice question needs options or optionsFrom'));
      }
    }
    if (node.kind === 'ask' && node.input.type === 'text') named('validators', node.input.validator);
    if (node.kind === 'branch') {
      for (const c of node.cases) if ('guard' in c.when) named('guards', c.when.guard);
    }
    if (node.kind === 'sub' && !ctx.dialogs.has(node.dialog)) {
      problems.push(at(id, `sub-dialog "${node.dialog}" does not exist`));
    }
    if (node.kind === 'call') {
      const meta = ctx.operations[node.operation];
      if (!meta) problems.push(at(id, `operation "${node.operation}" is not registered`));
      else if (meta.destructive && !node.target) {
        problems.push(at(id, `destructive operation "${node.operation}" needs a target slot`));
      }
      if (node.reconcile) {
        named('reconcilers', node.reconcile.match);
        const read = ctx.operations[node.reconcile.operation];
        if (!read || read.destructive || read.mutates === true)
          problems.push(at(id, `reconcile operation "${node.reconcile.operation}" is not a registered read`));
        if (meta?.destructive)
          problems.push(
            at(id, 'a destructive call is reconciled by resending with its key, not by `reconcile`'),
          );
      }
    }
  }
  return problems;
}

export function checkReachability(dialog: Dialog): Problem[] {
  const problems: Problem[] = [];
  const reached = new Set<string>();
  const queue = entriesOf(dialog).map((e) => e.to);
  while (queue.length > 0) {
    const id = queue.pop()!;
    const node = dialog.nodes[id];
    if (reached.has(id) || !node) continue;
    reached.add(id);
    for (const edge of edgesOf(node)) queue.push(edge.to);
  }
  for (const id of Object.keys(dialog.nodes)) {
    if (!reached.has(id)) {
      problems.push({
        rule: 'unreachable',
        dialog: dialog.id,
        node: id,
        message: 'node cannot be reached from start',
      });
    }
  }
  // Dead ends: nodes from which no end or handoff can be reached.
  const finishes = new Set(
    Object.entries(dialog.nodes)
      .filter(([, n]) => n.kind === 'end' || n.kind === 'handoff')
      .map(([id]) => id),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, node] of Object.entries(dialog.nodes)) {
      if (!finishes.has(id) && edgesOf(node).some((e) => finishes.has(e.to))) {
        finishes.add(id);
        grew = true;
      }
    }
  }
  for (const id of reached) {
    if (!finishes.has(id)) {
      problems.push({
        rule: 'dead-end',
        dialog: dialog.id,
        node: id,
        message: 'no path from here reaches an end',
      });
    }
  }
  return problems;
}

export function checkMessages(dialog: Dialog, catalogs: Catalogs): Problem[] {
  const problems: Problem[] = [];
  const entries: [string, string][] = [['(title)', dialog.title]];
  for (const [id, node] of Object.entries(dialog.nodes))
    for (const key of messageKeysOf(node)) entries.push([id, key]);
  // A final confirmation must name the exact item: its text interpolates the target slot in every locale.
  for (const [id, node] of Object.entries(dialog.nodes)) {
    if (node.kind !== 'confirm') continue;
    for (const locale of ['ja', 'en'] as const) {
      const template = catalogs[locale][node.final];
      if (template !== undefined && !template.includes(`{${node.target}`)) {
        problems.push({
          rule: 'message',
          dialog: dialog.id,
          node: id,
          message: `final confirmation "${node.final}" (${locale}) does not name the item: it must contain {${node.target}…}`,
        });
      }
    }
  }
  for (const [node, key] of entries) {
    for (const locale of ['ja', 'en'] as const) {
      if (!(key in catalogs[locale])) {
        problems.push({
          rule: 'message',
          dialog: dialog.id,
          node,
          message: `message "${key}" is missing in ${locale}`,
        });
      }
    }
  }
  return problems;
}

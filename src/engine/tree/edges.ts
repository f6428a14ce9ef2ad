/**
 * The edges of a dialog graph, read from the data. One definition shared by the checker, the Mermaid export and
 * the transcript coverage report, so the three always agree.
 */
import type { Condition, Dialog, DialogNode } from './schema.js';

export type EdgeKind =
  | 'next'
  | 'option'
  | 'confirmed'
  | 'cancelled'
  | 'ok'
  | 'error'
  | 'unreachable'
  | 'failed'
  | 'case'
  | 'otherwise'
  | 'outcome';

export interface Edge {
  to: string;
  kind: EdgeKind;
  /** A short human label: the option id, error code, case or outcome. */
  label?: string;
}

function describeCondition(condition: Condition): string {
  if ('guard' in condition) return condition.guard;
  if ('equals' in condition) return `${condition.slot} = ${String(condition.equals)}`;
  if ('in' in condition) return `${condition.slot} in ${condition.in.join('/')}`;
  return `${condition.slot} ${condition.exists ? 'exists' : 'missing'}`;
}

export function edgesOf(node: DialogNode): Edge[] {
  switch (node.kind) {
    case 'say':
      return [{ to: node.next, kind: 'next' }];
    case 'ask': {
      const edges: Edge[] = [];
      const options = node.input.type === 'choice' ? (node.input.options ?? []) : [];
      const hasDefault =
        node.input.type !== 'choice' || node.input.optionsFrom !== undefined || options.some((o) => !o.next);
      for (const option of options) {
        if (option.next) edges.push({ to: option.next, kind: 'option', label: option.id });
      }
      if (hasDefault || edges.length === 0) edges.push({ to: node.next, kind: 'next' });
      return edges;
    }
    case 'confirm':
      return [
        { to: node.next, kind: 'confirmed' },
        { to: node.cancel, kind: 'cancelled' },
      ];
    case 'call': {
      const edges: Edge[] = [{ to: node.next.ok, kind: 'ok' }];
      for (const [code, to] of Object.entries(node.next.errors ?? {}))
        edges.push({ to, kind: 'error', label: code });
      if (node.reconcile)
        edges.push({ to: node.reconcile.none, kind: 'error', label: 'not created (re-read)' });
      if (node.next.unreachable) edges.push({ to: node.next.unreachable, kind: 'unreachable' });
      edges.push({ to: node.next.failed, kind: 'failed' });
      return edges;
    }
    case 'branch':
      return [
        ...node.cases.map((c) => ({ to: c.next, kind: 'case' as const, label: describeCondition(c.when) })),
        { to: node.otherwise, kind: 'otherwise' },
      ];
    case 'sub':
      return [
        { to: node.next, kind: 'next' },
        ...Object.entries(node.outcomes ?? {}).map(([outcome, to]) => ({
          to,
          kind: 'outcome' as const,
          label: outcome,
        })),
      ];
    case 'handoff':
    case 'end':
      return [];
  }
}

/**
 * Where a dialog can be entered: its start, and each `onStop` case (entered from any node of the dialog when the
 * user stops). Graph rules treat every entry as a root with nothing known (no confirmation, nothing disclosed).
 */
export function entriesOf(dialog: Dialog): Edge[] {
  return [
    { to: dialog.start, kind: 'next', label: 'start' },
    ...(dialog.onStop ?? []).map((c) => ({
      to: c.next,
      kind: 'case' as const,
      label: `stop: ${describeCondition(c.when)}`,
    })),
  ];
}

/** The slot a node writes on its outgoing edges, if any. */
export function slotWrittenBy(node: DialogNode): string | undefined {
  switch (node.kind) {
    case 'ask':
      return node.slot;
    case 'call':
    case 'sub':
      return node.result;
    default:
      return undefined;
  }
}

/** Every message key a node shows. */
export function messageKeysOf(node: DialogNode): string[] {
  const factKeys = (facts: { label: string; text?: string | undefined }[] | undefined): string[] =>
    (facts ?? []).flatMap((f) => (f.text ? [f.label, f.text] : [f.label]));
  switch (node.kind) {
    case 'say':
      return [node.text, ...factKeys(node.facts)];
    case 'ask':
      return [
        node.prompt,
        node.reprompt,
        ...factKeys(node.facts),
        ...(node.discloses?.consequences ?? []).map((c) => c.text),
        ...(node.input.type === 'choice' ? (node.input.options ?? []).map((o) => o.label) : []),
      ];
    case 'confirm':
      return [
        node.intro,
        node.final,
        node.confirmLabel,
        ...(node.typed ? [node.typed] : []),
        ...node.acknowledgements.map((a) => a.text),
        ...factKeys(node.facts),
      ];
    case 'handoff':
      return [node.reason];
    case 'end':
      return node.text ? [node.text] : [];
    default:
      return [];
  }
}

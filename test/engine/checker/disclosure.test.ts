/**
 * Invariant 10's static rule (checker/disclosure.ts) and the compensation rule (checker/safety.ts) on small
 * trees, and every registered dialog under the full checker (what `npm run lint:dialogs` runs).
 */
import { describe, expect, it } from 'vitest';
import { botOperationCatalog, procedureBundle } from '../../../dialogs/index.js';
import { checkDisclosureBeforeWrite } from '../../../src/engine/checker/disclosure.js';
import { checkDialogs } from '../../../src/engine/checker/index.js';
import { checkDestructiveCalls } from '../../../src/engine/checker/safety.js';
import type { OperationCatalog } from '../../../src/engine/operations.js';
import { builtinMessages } from '../../../src/engine/text/builtin.js';
import { mergeCatalogs } from '../../../src/engine/text/catalog.js';
import type { Dialog, DialogNode, NodeOf } from '../../../src/engine/tree/schema.js';

const operations: OperationCatalog = {
  quote: { destructive: false, readOnly: true, consequences: [] },
  createDraft: { destructive: false, mutates: true, consequences: [] },
  submit: { destructive: true, consequences: ['charge', 'termination'] },
  withdraw: { destructive: true, consequences: ['draft-discarded'] },
};

const confirm = (target: string, next: string, consequences = ['charge', 'termination']): DialogNode => ({
  kind: 'confirm',
  target,
  intro: 'm',
  acknowledgements: consequences.map((consequence) => ({ consequence, text: 'm' })),
  final: 'm',
  confirmLabel: 'm',
  next,
  cancel: 'stopped',
});

/** A call node of the tree with some fields changed. */
function patched(node: DialogNode | undefined, patch: Partial<NodeOf<'call'>>): DialogNode {
  if (node?.kind !== 'call') throw new Error('not a call node');
  return { ...node, ...patch };
}

/** quote → [disclose] → createDraft → final confirm → submit, with our draft withdrawn on decline or stop. */
function tree(withDisclosure: boolean): Dialog {
  return {
    id: 'cancel',
    version: 1,
    title: 'm',
    start: 'quote',
    nodes: {
      quote: {
        kind: 'call',
        operation: 'quote',
        result: 'quote',
        next: { ok: withDisclosure ? 'disclose' : 'createDraft', failed: 'stopped' },
      },
      disclose: confirm('contract', 'createDraft'),
      createDraft: {
        kind: 'call',
        operation: 'createDraft',
        result: 'draft',
        next: { ok: 'final', failed: 'stopped' },
      },
      final: { ...confirm('draft', 'submit'), cancel: 'undo' } as DialogNode,
      submit: {
        kind: 'call',
        operation: 'submit',
        target: 'draft',
        args: { id: 'draft.id' },
        next: { ok: 'done', failed: 'undo' },
      },
      undo: {
        kind: 'call',
        operation: 'withdraw',
        target: 'draft',
        compensates: 'createDraft',
        args: { id: 'draft.id' },
        next: { ok: 'stopped', failed: 'stopped' },
      },
      done: { kind: 'end' },
      stopped: { kind: 'end' },
    },
    onStop: [{ when: { slot: 'draft', exists: true }, next: 'undo' }],
  };
}

describe('quote before write (invariant 10)', () => {
  it('rejects a write reachable before the consequences of what it prepares are acknowledged', () => {
    const problems = checkDisclosureBeforeWrite(tree(false), operations);
    expect(problems.map((p) => [p.rule, p.node])).toEqual([['write-before-disclosure', 'createDraft']]);
    expect(problems[0]?.message).toContain('[charge, termination]');
  });

  it('accepts the same tree with the disclosure before the draft', () => {
    expect(checkDisclosureBeforeWrite(tree(true), operations)).toEqual([]);
    expect(checkDestructiveCalls(tree(true), operations)).toEqual([]);
  });

  it('rejects a disclosure on only one of two paths to the write', () => {
    const broken = tree(true);
    broken.nodes.quote = {
      kind: 'branch',
      cases: [{ when: { slot: 'fast', exists: true }, next: 'createDraft' }],
      otherwise: 'disclose',
    };
    expect(checkDisclosureBeforeWrite(broken, operations).map((p) => p.node)).toEqual(['createDraft']);
  });

  it('rejects a disclosure that leaves out one consequence', () => {
    const broken = tree(true);
    broken.nodes.disclose = confirm('contract', 'createDraft', ['termination']);
    expect(checkDisclosureBeforeWrite(broken, operations)[0]?.message).toContain('[charge]');
  });

  it('accepts every registered dialog (npm run lint:dialogs)', () => {
    const bundle = procedureBundle();
    const { problems } = checkDialogs({
      dialogs: bundle.dialogs,
      catalogs: mergeCatalogs(builtinMessages, bundle.catalogs),
      operations: botOperationCatalog(),
      behaviour: bundle.behaviour,
    });
    expect(problems).toEqual([]);
  });
});

describe("compensations (undoing the bot's own write without a confirmation)", () => {
  it("rejects a compensation whose target is not the undone call's result", () => {
    const broken = tree(true);
    broken.nodes.undo = patched(broken.nodes.undo, { target: 'quote', args: { id: 'quote.id' } });
    const problems = checkDestructiveCalls(broken, operations);
    expect(problems.map((p) => [p.rule, p.node])).toContainEqual(['invalid-compensation', 'undo']);
  });

  it("rejects a compensation of a slot some other node also writes (it could act on a customer's item)", () => {
    const broken = tree(true);
    broken.nodes.quote = patched(broken.nodes.quote, { result: 'draft' });
    const problems = checkDestructiveCalls(broken, operations);
    expect(problems.map((p) => p.rule)).toContain('invalid-compensation');
  });

  it('rejects a compensation of a destructive call', () => {
    const broken = tree(true);
    broken.nodes.submit = patched(broken.nodes.submit, { result: 'submitted' });
    broken.nodes.undo = patched(broken.nodes.undo, {
      compensates: 'submit',
      target: 'submitted',
      args: { id: 'submitted.id' },
    });
    const problems = checkDestructiveCalls(broken, operations);
    expect(problems.map((p) => [p.rule, p.node])).toContainEqual(['invalid-compensation', 'undo']);
  });

  it('treats an onStop entry like the start: a destructive call it reaches still needs its confirmation', () => {
    const broken = tree(true);
    broken.onStop = [{ when: { slot: 'draft', exists: true }, next: 'submit' }];
    const problems = checkDestructiveCalls(broken, operations);
    expect(problems.map((p) => [p.rule, p.node])).toEqual([['unconfirmed-destructive-call', 'submit']]);
  });
});

import { describe, expect, it } from 'vitest';
import { cspsCancelDialog } from '../../../dialogs/csps/index.js';
import { CONSEQUENCE_IDS, loadOperationCatalog } from '../../../src/backend/operation-metadata.js';
import { DialogLoadError } from '../../../src/engine/checker/index.js';
import { defineEngine } from '../../../src/engine/core/definition.js';
import type { Dialog, DialogNode } from '../../../src/engine/tree/schema.js';
import { cspsBundle } from './bundle.js';

const operations = loadOperationCatalog();

function load(dialog: Dialog) {
  const [, ...others] = cspsBundle.dialogs;
  return defineEngine({
    dialogs: [dialog, ...others],
    rootDialog: dialog.id,
    catalogs: cspsBundle.catalogs,
    behaviour: cspsBundle.behaviour,
    operations,
  });
}

function withNodes(changes: Record<string, DialogNode>): Dialog {
  return {
    ...structuredClone(cspsCancelDialog),
    nodes: { ...structuredClone(cspsCancelDialog.nodes), ...changes },
  };
}

function problemsOf(dialog: Dialog): string[] {
  try {
    load(dialog);
    return [];
  } catch (error) {
    if (!(error instanceof DialogLoadError)) throw error;
    return error.problems.map((p) => `${p.rule}@${p.node}`);
  }
}

const confirmSubmit = cspsCancelDialog.nodes.confirmSubmit;
if (confirmSubmit?.kind !== 'confirm') throw new Error('confirmSubmit must be a confirm node');

describe('csps-cancel as data', () => {
  it('passes the static checker with the spec’s operation metadata', () => {
    expect(problemsOf(cspsCancelDialog)).toEqual([]);
  });

  it('does not load when the submission no longer acknowledges the minimum-term charge', () => {
    const broken = withNodes({
      confirmSubmit: {
        ...confirmSubmit,
        acknowledgements: confirmSubmit.acknowledgements.filter(
          (a) => a.consequence !== 'minimum-term-charge',
        ),
      },
    });
    expect(problemsOf(broken)).toContain('unconfirmed-destructive-call@submit');
  });

  it('does not load when the application slot can change between the confirmation and the submission', () => {
    const broken = withNodes({
      confirmSubmit: { ...confirmSubmit, next: 'recreate' },
      recreate: {
        kind: 'call',
        operation: 'createCancellationApplication',
        args: { contractNumber: 'contract.contractNumber', reason: 'reason' },
        result: 'application',
        next: { ok: 'submit', failed: 'whatChanged' },
      },
    });
    expect(problemsOf(broken)).toContain('unconfirmed-destructive-call@submit');
  });

  it('acknowledges exactly the consequences the spec declares for each destructive call it precedes', () => {
    const nodes = cspsCancelDialog.nodes;
    const pairs = Object.values(nodes).flatMap((node) => {
      const next = node.kind === 'confirm' ? nodes[node.next] : undefined;
      return node.kind === 'confirm' && next?.kind === 'call' && operations[next.operation]?.destructive
        ? [{ confirm: node, call: next }]
        : [];
    });
    // The blocking change draft's withdrawal and the two final confirmations (our own draft's withdrawal is a
    // compensation, with no confirmation of its own).
    expect(pairs.map((p) => p.call.operation).sort()).toEqual([
      'submitCancellationApplication',
      'submitCancellationApplication',
      'withdrawApplication',
    ]);
    for (const { confirm, call } of pairs) {
      const declared = operations[call.operation]?.consequences ?? [];
      expect(confirm.acknowledgements.map((a) => a.consequence).sort()).toEqual([...declared].sort());
      expect(call.target).toBe(confirm.target);
      for (const a of confirm.acknowledgements) expect(CONSEQUENCE_IDS).toContain(a.consequence);
    }
  });

  it("shows the cancellation's consequences before the draft and asks them once, at the final confirmation", () => {
    const nodes = cspsCancelDialog.nodes;
    const declared = [...(operations.submitCancellationApplication?.consequences ?? [])].sort();
    const beforeDraft = Object.entries(nodes).filter(
      ([, node]) => node.kind !== 'call' && JSON.stringify(node).includes('"createDraft"'),
    );
    // Invariant 10: only the two disclosures (with and without a minimum term) lead to the draft; nothing ticked.
    expect(beforeDraft.map(([id]) => id)).toEqual(['disclose', 'discloseNoTerm']);
    for (const [, node] of beforeDraft) {
      if (node.kind !== 'ask')
        throw new Error('the disclosure before the draft is a question, not a confirmation');
      expect(node.discloses?.consequences.map((c) => c.consequence).sort()).toEqual(declared);
      expect(node.discloses?.target).toBe('contract');
      expect(node.factsFrom).toBe('cspsQuotedTerms');
    }
    // The cancellation's consequences are acknowledged only at the final confirmations, for the application.
    const asking = Object.entries(nodes).filter(
      ([, node]) =>
        node.kind === 'confirm' && node.acknowledgements.some((a) => a.consequence === 'service-termination'),
    );
    expect(asking.map(([id, node]) => [id, node.kind === 'confirm' && node.target])).toEqual([
      ['confirmSubmit', 'application'],
      ['confirmSubmitNoTerm', 'application'],
    ]);
  });

  it("does not load when the draft's reconciliation reads with a write, or names a matcher not in code", () => {
    const createDraft = cspsCancelDialog.nodes.createDraft;
    if (createDraft?.kind !== 'call' || !createDraft.reconcile) throw new Error('createDraft reconciles');
    const writing = withNodes({
      createDraft: {
        ...createDraft,
        reconcile: { ...createDraft.reconcile, operation: 'withdrawApplication' },
      },
    });
    expect(problemsOf(writing)).toEqual(['reference@createDraft']);
    const unnamed = withNodes({
      createDraft: { ...createDraft, reconcile: { ...createDraft.reconcile, match: 'noSuchMatcher' } },
    });
    expect(problemsOf(unnamed)).toEqual(['reference@createDraft']);
  });

  it('routes only refusal codes the spec declares for the operation (x-refusals)', () => {
    for (const [id, node] of Object.entries(cspsCancelDialog.nodes)) {
      if (node.kind !== 'call') continue;
      const refusals = operations[node.operation]?.refusals ?? [];
      for (const code of Object.keys(node.next.errors ?? {}))
        expect(refusals, `${id}: ${code}`).toContain(code);
    }
  });
});

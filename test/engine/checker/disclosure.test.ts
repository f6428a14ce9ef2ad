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

/** Shows the consequences (no checkboxes) and asks whether to go on. */
const disclosingAsk = (next: string, consequences = ['charge', 'termination']): DialogNode => ({
  kind: 'ask',
  slot: 'goOn',
  prompt: 'm',
  reprompt: 'm',
  discloses: {
    target: 'contract',
    consequences: consequences.map((consequence) => ({ consequence, text: 'm' })),
  },
  input: {
    type: 'choice',
    options: [
      { id: 'proceed', label: 'm', next },
      { id: 'stop', label: 'm', next: 'stopped' },
    ],
  },
  next,
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

  it('accepts the terms shown (not ticked) before the draft and acknowledged once, at the final confirmation', () => {
    const shownOnly = tree(true);
    shownOnly.nodes.disclose = disclosingAsk('createDraft');
    expect(checkDisclosureBeforeWrite(shownOnly, operations)).toEqual([]);
    expect(checkDestructiveCalls(shownOnly, operations)).toEqual([]);
  });

  it('rejects the terms shown only after the draft was created (the write comes first)', () => {
    const late = tree(false);
    late.nodes.createDraft = patched(late.nodes.createDraft, { next: { ok: 'disclose', failed: 'stopped' } });
    late.nodes.disclose = disclosingAsk('final');
    expect(checkDisclosureBeforeWrite(late, operations).map((p) => p.node)).toEqual(['createDraft']);
  });

  it('rejects an ask that shows only some of the consequences before the draft', () => {
    const partial = tree(true);
    partial.nodes.disclose = disclosingAsk('createDraft', ['termination']);
    expect(checkDisclosureBeforeWrite(partial, operations)[0]?.message).toContain('[charge]');
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

describe('sub-dialogs (followed into the dialogs they run)', () => {
  /** A child dialog: `first` then `end`, returning slot `draft`. */
  const child = (id: string, first: DialogNode): Dialog => ({
    id,
    version: 1,
    title: 'm',
    start: 'first',
    nodes: {
      first,
      done: { kind: 'end', result: 'draft' },
      stopped: { kind: 'end', outcome: 'cancelled' },
    },
  });
  const drafting = child('drafting', {
    kind: 'call',
    operation: 'createDraft',
    result: 'draft',
    next: { ok: 'done', failed: 'stopped' },
  });
  const terms: Dialog = {
    ...child('terms', disclosingAsk('done')),
    nodes: { first: disclosingAsk('done'), done: { kind: 'end' }, stopped: { kind: 'end' } },
  };
  const dialogs = (...list: Dialog[]) => new Map(list.map((d) => [d.id, d]));

  it('counts a sub-dialog that creates the draft as a write: rejected only when sub-dialogs are followed', () => {
    // Planted: the draft is created inside a sub-dialog, before anything is shown.
    const planted = tree(false);
    planted.nodes.createDraft = {
      kind: 'sub',
      dialog: 'drafting',
      result: 'draft',
      next: 'final',
      outcomes: { cancelled: 'stopped' },
    };
    planted.onStop = [];
    planted.nodes.undo = { kind: 'end' };
    expect(checkDisclosureBeforeWrite(planted, operations)).toEqual([]); // sub-dialogs opaque: missed
    const problems = checkDisclosureBeforeWrite(planted, operations, dialogs(drafting));
    expect(problems.map((p) => [p.rule, p.node])).toEqual([['write-before-disclosure', 'createDraft']]);
    expect(problems[0]?.message).toContain('sub-dialog "createDraft", which writes');
  });

  it('counts what a sub-dialog shows on every path to its end as shown', () => {
    const shownInSub = tree(false);
    shownInSub.nodes.quote = patched(shownInSub.nodes.quote, { next: { ok: 'terms', failed: 'stopped' } });
    shownInSub.nodes.terms = { kind: 'sub', dialog: 'terms', next: 'createDraft' };
    expect(checkDisclosureBeforeWrite(shownInSub, operations).map((p) => p.node)).toEqual(['createDraft']);
    expect(checkDisclosureBeforeWrite(shownInSub, operations, dialogs(terms))).toEqual([]);
    // Shown on only one path to the sub-dialog's ends: not shown.
    const sometimes: Dialog = {
      ...terms,
      start: 'pick',
      nodes: {
        ...terms.nodes,
        pick: {
          kind: 'branch',
          cases: [{ when: { slot: 'fast', exists: true }, next: 'done' }],
          otherwise: 'first',
        },
      },
    };
    expect(checkDisclosureBeforeWrite(shownInSub, operations, dialogs(sometimes)).map((p) => p.node)).toEqual(
      ['createDraft'],
    );
  });

  it('terminates on a dialog that runs itself', () => {
    const loop: Dialog = {
      id: 'loop',
      version: 1,
      title: 'm',
      start: 'again',
      nodes: { again: { kind: 'sub', dialog: 'loop', next: 'done' }, done: { kind: 'end' } },
    };
    expect(checkDisclosureBeforeWrite(loop, operations, dialogs(loop))).toEqual([]);
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

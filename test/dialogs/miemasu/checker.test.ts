import { describe, expect, it } from 'vitest';
import { identifyDialog } from '../../../dialogs/common/identify.js';
import {
  miemasuDeleteOneDialog,
  miemasuDialogs,
  miemasuWithdrawDialog,
} from '../../../dialogs/miemasu/index.js';
import { loadOperationCatalog, loadProblemCodes } from '../../../src/backend/operation-metadata.js';
import { checkDialogs } from '../../../src/engine/checker/index.js';
import type { Dialog } from '../../../src/engine/tree/schema.js';
import { miemasuTestBundle } from './support.js';

const operations = loadOperationCatalog();

function problemsWith(replaced: Dialog): string[] {
  const dialogs = miemasuTestBundle.dialogs.map((d) => (d.id === replaced.id ? replaced : d));
  return checkDialogs({ ...miemasuTestBundle, dialogs, operations }).problems.map(
    (p) => `${p.rule} ${p.dialog}#${p.node}`,
  );
}

describe('みえますねっと dialogs under the static checker', () => {
  it('load without problems against the contract', () => {
    expect(checkDialogs({ ...miemasuTestBundle, operations }).problems).toEqual([]);
  });

  it('acknowledge exactly the consequences the contract declares for each destructive call', () => {
    const confirms = miemasuDialogs
      .flatMap((d) => Object.values(d.nodes))
      .filter((n) => n.kind === 'confirm');
    const declared = (op: string) => [...(operations[op]?.consequences ?? [])].sort();
    const acknowledged = (target: string) =>
      confirms
        .filter((c) => c.target === target)
        .flatMap((c) => c.acknowledgements.map((a) => a.consequence))
        .sort();
    expect(acknowledged('device')).toEqual(declared('deleteMiemasuDevice'));
    expect(acknowledged('account')).toEqual(declared('withdrawAnnualPack'));
  });

  it('route only problem codes the contract knows', () => {
    const known = new Set(loadProblemCodes());
    const used = [...miemasuDialogs, identifyDialog]
      .flatMap((d) => Object.values(d.nodes))
      .flatMap((n) => (n.kind === 'call' ? Object.keys(n.next.errors ?? {}) : []));
    expect(used.filter((code) => !known.has(code))).toEqual([]);
  });

  it('refuse a device deletion missing one acknowledgement', () => {
    const confirm = miemasuDeleteOneDialog.nodes.confirm;
    if (confirm?.kind !== 'confirm') throw new Error('delete-one starts with its confirmation');
    const broken: Dialog = {
      ...miemasuDeleteOneDialog,
      nodes: {
        ...miemasuDeleteOneDialog.nodes,
        confirm: {
          ...confirm,
          acknowledgements: confirm.acknowledgements.filter((a) => a.consequence !== 'license-forfeit'),
        },
      },
    };
    expect(problemsWith(broken)).toEqual(['unconfirmed-destructive-call miemasu-delete-one#delete']);
  });

  it('refuse a withdrawal whose confirmation could be skipped', () => {
    const broken: Dialog = {
      ...miemasuWithdrawDialog,
      nodes: {
        ...miemasuWithdrawDialog.nodes,
        hasDevices: {
          kind: 'branch',
          cases: [{ when: { guard: 'miemasuHasDevices' }, next: 'devicesRemain' }],
          otherwise: 'withdraw',
        },
      },
    };
    expect(problemsWith(broken)).toContain('unconfirmed-destructive-call miemasu-withdraw#withdraw');
  });
});

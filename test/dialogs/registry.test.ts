import { describe, expect, it } from 'vitest';
import { botOperationCatalog, procedureBundle } from '../../dialogs/index.js';
import { checkDialogs } from '../../src/engine/checker/index.js';
import { builtinMessages } from '../../src/engine/text/builtin.js';
import { mergeCatalogs } from '../../src/engine/text/catalog.js';
import type { Dialog, NodeOf } from '../../src/engine/tree/schema.js';

const bundle = procedureBundle();
const operations = botOperationCatalog();
const catalogs = mergeCatalogs(builtinMessages, bundle.catalogs);
const check = (dialogs: Dialog[]) =>
  checkDialogs({ dialogs, catalogs, operations, behaviour: bundle.behaviour }).problems;

/** Every confirm node of the real dialogs that guards a destructive call on its target. */
const guards = bundle.dialogs.flatMap((dialog) =>
  Object.entries(dialog.nodes)
    .filter(([, node]) => node.kind === 'confirm')
    .filter(([, node]) =>
      Object.values(dialog.nodes).some(
        (n) =>
          n.kind === 'call' &&
          operations[n.operation]?.destructive &&
          n.target === (node as NodeOf<'confirm'>).target,
      ),
    )
    .map(([id]) => ({ dialog, id })),
);

function replaceDialog(changed: Dialog): Dialog[] {
  return bundle.dialogs.map((d) => (d.id === changed.id ? changed : d));
}

describe('the registered dialogs', () => {
  it('pass every rule of the static checker', () => {
    expect(check(bundle.dialogs)).toEqual([]);
  });

  it('have destructive calls to protect', () => {
    expect(guards.length).toBeGreaterThanOrEqual(4);
  });

  it.each(guards.map((g) => [`${g.dialog.id}#${g.id}`, g] as const))(
    'a copy of %s with the confirmation removed does not load',
    (_name, { dialog, id }) => {
      const copy = structuredClone(dialog);
      const confirm = copy.nodes[id] as NodeOf<'confirm'>;
      copy.nodes[id] = { kind: 'say', text: confirm.intro, next: confirm.next };
      expect(check(replaceDialog(copy)).map((p) => p.rule)).toContain('unconfirmed-destructive-call');
    },
  );

  it.each(guards.map((g) => [`${g.dialog.id}#${g.id}`, g] as const))(
    'a copy of %s re-assigning the target after the confirmation does not load',
    (_name, { dialog, id }) => {
      const copy = structuredClone(dialog);
      const confirm = copy.nodes[id] as NodeOf<'confirm'>;
      copy.nodes.__tamper = {
        kind: 'ask',
        slot: confirm.target,
        prompt: confirm.intro,
        reprompt: confirm.intro,
        input: { type: 'text' },
        next: confirm.next,
      };
      confirm.next = '__tamper';
      expect(check(replaceDialog(copy)).map((p) => p.rule)).toContain('unconfirmed-destructive-call');
    },
  );

  it.each(guards.map((g) => [`${g.dialog.id}#${g.id}`, g] as const))(
    'a copy of %s acknowledging one consequence less does not load',
    (_name, { dialog, id }) => {
      const copy = structuredClone(dialog);
      const confirm = copy.nodes[id] as NodeOf<'confirm'>;
      confirm.acknowledgements = confirm.acknowledgements.slice(1);
      expect(check(replaceDialog(copy)).map((p) => p.rule)).toContain('unconfirmed-destructive-call');
    },
  );
});

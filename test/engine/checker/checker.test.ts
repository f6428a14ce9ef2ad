import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../../../dialogs/sample/sample-dialog.js';
import { checkDialogs, DialogLoadError, loadDialogs } from '../../../src/engine/checker/index.js';
import { builtinMessages } from '../../../src/engine/text/builtin.js';
import { mergeCatalogs } from '../../../src/engine/text/catalog.js';
import type { Dialog } from '../../../src/engine/tree/schema.js';

const operations = Object.fromEntries(
  Object.entries(createFakeBackend().operations).map(([k, v]) => [
    k,
    { destructive: v.destructive, consequences: v.consequences },
  ]),
);
const catalogs = mergeCatalogs(builtinMessages, sampleCatalogs);

function problemsOf(dialogs: unknown[]) {
  return checkDialogs({ dialogs, catalogs, operations, behaviour: sampleBehaviour }).problems;
}

function variant(edit: (d: Dialog) => void): Dialog {
  const copy = structuredClone(deleteDialog);
  edit(copy);
  return copy;
}

describe('static checker', () => {
  it('accepts the sample dialogs', () => {
    expect(problemsOf([menuDialog, deleteDialog])).toEqual([]);
  });

  it('rejects a destructive call whose confirmation was removed', () => {
    const broken = variant((d) => {
      (d.nodes.hasItem as { otherwise: string }).otherwise = 'delete';
      delete d.nodes.confirm;
      delete d.nodes.cancelled;
    });
    const problems = problemsOf([menuDialog, broken]);
    expect(problems.map((p) => [p.rule, p.node])).toContainEqual(['unconfirmed-destructive-call', 'delete']);
  });

  it('rejects a slot re-assigned between the confirmation and the call', () => {
    const broken = variant((d) => {
      (d.nodes.confirm as { next: string }).next = 'repick';
      d.nodes.repick = {
        kind: 'ask',
        slot: 'item',
        prompt: 'del.pick',
        reprompt: 'del.pick.reprompt',
        input: { type: 'choice', optionsFrom: 'items' },
        next: 'delete',
      };
    });
    const problems = problemsOf([menuDialog, broken]);
    expect(problems.map((p) => p.rule)).toEqual(['unconfirmed-destructive-call']);
  });

  it('rejects a reload of the target by a call result between confirmation and call', () => {
    const broken = variant((d) => {
      (d.nodes.confirm as { next: string }).next = 'reload';
      d.nodes.reload = {
        kind: 'call',
        operation: 'listItems',
        result: 'item',
        next: { ok: 'delete', failed: 'down' },
      };
    });
    expect(problemsOf([menuDialog, broken]).map((p) => p.rule)).toEqual(['unconfirmed-destructive-call']);
  });

  it('rejects a confirmation that does not acknowledge every declared consequence', () => {
    const broken = variant((d) => {
      const confirm = d.nodes.confirm as { acknowledgements: unknown[] };
      confirm.acknowledgements = confirm.acknowledgements.slice(0, 1);
    });
    expect(problemsOf([menuDialog, broken]).map((p) => p.rule)).toEqual(['unconfirmed-destructive-call']);
  });

  it('rejects a confirmation for a different target slot', () => {
    const broken = variant((d) => {
      (d.nodes.confirm as { target: string }).target = 'items';
    });
    expect(problemsOf([menuDialog, broken]).map((p) => p.rule)).toContain('unconfirmed-destructive-call');
  });

  it('rejects a path that skips the confirmation on one branch only', () => {
    const broken = variant((d) => {
      (d.nodes.hasItem as { cases: unknown[] }).cases.push({
        when: { slot: 'item.id', equals: 'd2' },
        next: 'delete',
      });
    });
    expect(problemsOf([menuDialog, broken]).map((p) => [p.rule, p.node])).toEqual([
      ['unconfirmed-destructive-call', 'delete'],
    ]);
  });

  it('rejects a reference that does not resolve', () => {
    const broken = variant((d) => {
      (d.nodes.done as { kind: 'end' }).kind = 'end';
      (d.nodes.pick as { next: string }).next = 'nowhere';
    });
    expect(problemsOf([menuDialog, broken])).toContainEqual(
      expect.objectContaining({ rule: 'reference', node: 'pick' }),
    );
  });

  it('rejects an unreachable node', () => {
    const broken = variant((d) => {
      d.nodes.orphan = { kind: 'end', text: 'del.done' };
    });
    expect(problemsOf([menuDialog, broken]).map((p) => [p.rule, p.node])).toEqual([
      ['unreachable', 'orphan'],
    ]);
  });

  it('rejects a dead end (a loop with no way to finish)', () => {
    const broken = variant((d) => {
      (d.nodes.locked as unknown) = { kind: 'say', text: 'del.locked', next: 'locked2' };
      d.nodes.locked2 = { kind: 'say', text: 'del.locked', next: 'locked' };
    });
    const rules = problemsOf([menuDialog, broken]).map((p) => [p.rule, p.node]);
    expect(rules).toContainEqual(['dead-end', 'locked']);
    expect(rules).toContainEqual(['dead-end', 'locked2']);
  });

  it('rejects a message key missing in one locale', () => {
    const broken = variant((d) => {
      (d.nodes.done as { text: string }).text = 'del.only-ja';
    });
    const withJaOnly = mergeCatalogs(catalogs, { ja: { 'del.only-ja': '削除しました。' }, en: {} });
    const { problems } = checkDialogs({
      dialogs: [menuDialog, broken],
      catalogs: withJaOnly,
      operations,
      behaviour: sampleBehaviour,
    });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'message',
        node: 'done',
        message: expect.stringContaining('missing in en'),
      }),
    ]);
  });

  it('rejects unknown behaviour names, operations and sub-dialogs, and schema errors', () => {
    const broken = variant((d) => {
      (d.nodes.pick as { input: { optionsFrom: string } }).input.optionsFrom = 'nope';
      (d.nodes.load as { operation: string }).operation = 'noSuchOperation';
    });
    const problems = problemsOf([menuDialog, broken, { id: 'bad', nodes: 3 }]);
    expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['reference', 'schema']));
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toContain('optionsFrom "nope" is not supplied in code');
    expect(messages).toContain('operation "noSuchOperation" is not registered');
  });

  it('a broken tree does not load', () => {
    const broken = variant((d) => {
      (d.nodes.hasItem as { otherwise: string }).otherwise = 'delete';
    });
    expect(() =>
      loadDialogs({ dialogs: [menuDialog, broken], catalogs, operations, behaviour: sampleBehaviour }),
    ).toThrow(DialogLoadError);
  });
});

describe('static checker: arguments of a destructive call', () => {
  it('rejects arguments read from a slot other than the confirmed target', () => {
    const broken = structuredClone(deleteDialog);
    (broken.nodes.delete as { args: Record<string, string> }).args = { id: 'items.0.id' };
    const problems = checkDialogs({
      dialogs: [menuDialog, broken],
      catalogs,
      operations,
      behaviour: sampleBehaviour,
    }).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'unconfirmed-destructive-call',
        node: 'delete',
        message: expect.stringContaining('items.0.id'),
      }),
    ]);
  });
});

describe('static checker: the final confirmation names the item', () => {
  it('rejects a final question that does not interpolate the target in one locale', () => {
    const broken = structuredClone(deleteDialog);
    (broken.nodes.confirm as { final: string }).final = 'del.final.vague';
    const withVague = mergeCatalogs(catalogs, {
      ja: { 'del.final.vague': '「{item.name}」を削除します。よろしいですか？' },
      en: { 'del.final.vague': 'Delete it?' },
    });
    const { problems } = checkDialogs({
      dialogs: [menuDialog, broken],
      catalogs: withVague,
      operations,
      behaviour: sampleBehaviour,
    });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'message',
        node: 'confirm',
        message: expect.stringContaining('(en) does not name the item'),
      }),
    ]);
  });
});

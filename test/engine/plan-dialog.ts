/**
 * A multi-step test flow on the sample dialogs' messages and fake backend: a text answer, a call whose result is
 * written after it, a choice, a sub-dialog returning a result, a number, a confirmation, a date, then the
 * destructive call. Shared by the "back" and no-mutation tests.
 */
import {
  createFakeBackend,
  deleteDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../../dialogs/sample/sample-dialog.js';
import type { ConversationState } from '../../src/engine/state.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import { createHarness, type Harness } from './harness.js';

const confirm = deleteDialog.nodes.confirm;
if (confirm?.kind !== 'confirm') throw new Error('the sample delete dialog has no confirm node');

export const plan: Dialog = {
  id: 'plan',
  version: 1,
  title: 'menu.title',
  start: 'name',
  nodes: {
    name: {
      kind: 'ask',
      slot: 'name',
      prompt: 'menu.contract',
      reprompt: 'menu.contract.reprompt',
      input: { type: 'text', normalize: 'identifier', validator: 'contractNumber' },
      next: 'lookup',
    },
    lookup: { kind: 'call', operation: 'listItems', result: 'items', next: { ok: 'pick', failed: 'down' } },
    pick: {
      kind: 'ask',
      slot: 'item',
      prompt: 'del.pick',
      reprompt: 'del.pick.reprompt',
      input: { type: 'choice', optionsFrom: 'items' },
      next: 'note',
    },
    note: { kind: 'sub', dialog: 'plan-note', result: 'note', next: 'count' },
    count: {
      kind: 'ask',
      slot: 'count',
      prompt: 'menu.count',
      reprompt: 'menu.count.reprompt',
      input: { type: 'number', min: 1, max: 12, integer: true },
      next: 'confirm',
    },
    confirm: { ...confirm, typed: undefined, next: 'when' },
    when: {
      kind: 'ask',
      slot: 'when',
      prompt: 'menu.date',
      reprompt: 'menu.date.reprompt',
      input: { type: 'date' },
      next: 'delete',
    },
    delete: {
      kind: 'call',
      operation: 'deleteItem',
      target: 'item',
      args: { id: 'item.id' },
      next: { ok: 'done', failed: 'down' },
    },
    done: { kind: 'end', text: 'del.done', tone: 'success' },
    down: { kind: 'end', text: 'del.down' },
    cancelled: { kind: 'end', text: 'del.cancelled' },
  },
};

export const planNote: Dialog = {
  id: 'plan-note',
  version: 1,
  title: 'menu.title',
  start: 'text',
  nodes: {
    text: {
      kind: 'ask',
      slot: 'text',
      prompt: 'menu.count',
      reprompt: 'menu.count.reprompt',
      input: { type: 'number', min: 1, max: 12 },
      next: 'end',
    },
    end: { kind: 'end', result: 'text' },
  },
};

export function setupPlan(extra: Partial<Parameters<typeof createHarness>[0]> = {}) {
  const backend = createFakeBackend();
  const h = createHarness({
    dialogs: [plan, planNote, deleteDialog],
    rootDialog: 'plan',
    catalogs: sampleCatalogs,
    behaviour: sampleBehaviour,
    operations: backend.operations,
    ...extra,
  });
  return { h, backend };
}

export async function stored(h: Harness): Promise<ConversationState> {
  const loaded = await h.store.get('test:conversation');
  if (!loaded) throw new Error('nothing stored');
  return loaded.value;
}

/** Walks the flow to the date question after the confirmation; returns the state stored after each turn. */
export async function walk(h: Harness): Promise<ConversationState[]> {
  const states: ConversationState[] = [];
  const turns = [
    () => h.say('こんにちは'), // 0: name?
    () => h.say('HMAO-061322'), // 1: listItems → pick?
    () => h.say('CameraOA'), // 2: the note sub-dialog asks
    () => h.say('3'), // 3: the note's result written into plan → count?
    () => h.say('2'), // 4: confirm (acknowledgements)
    () => h.tick(['no-refund', 'data-loss']), // 5: final question
    () => h.click('confirm'), // 6: when?
  ];
  for (const turn of turns) {
    await turn();
    states.push(await stored(h));
  }
  return states;
}

/**
 * A small dialog exercising every node kind, with fake operations that record what reached the "backend".
 * The sample of the engine: used by the engine tests and runnable in `npm run chat -- --sample`.
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Operation, OperationContext, OperationOutcome } from '../../src/engine/operations.js';
import type { Catalogs } from '../../src/engine/text/catalog.js';
import type { Dialog } from '../../src/engine/tree/schema.js';

export const menuDialog: Dialog = {
  id: 'menu',
  version: 1,
  title: 'menu.title',
  start: 'choose',
  nodes: {
    choose: {
      kind: 'ask',
      slot: 'task',
      prompt: 'menu.prompt',
      reprompt: 'menu.reprompt',
      input: {
        type: 'choice',
        options: [
          { id: 'delete', label: 'menu.delete', next: 'runDelete' },
          { id: 'ask', label: 'menu.ask', next: 'askName' },
          { id: 'human', label: 'menu.human', next: 'toHuman' },
        ],
      },
      next: 'choose',
    },
    runDelete: { kind: 'sub', dialog: 'delete-item', next: 'bye', outcomes: { cancelled: 'byeCancelled' } },
    askName: {
      kind: 'ask',
      slot: 'contract',
      prompt: 'menu.contract',
      reprompt: 'menu.contract.reprompt',
      input: { type: 'text', normalize: 'identifier', validator: 'contractNumber' },
      next: 'askCount',
    },
    askCount: {
      kind: 'ask',
      slot: 'count',
      prompt: 'menu.count',
      reprompt: 'menu.count.reprompt',
      input: { type: 'number', min: 1, max: 12, integer: true },
      next: 'askDate',
    },
    askDate: {
      kind: 'ask',
      slot: 'when',
      prompt: 'menu.date',
      reprompt: 'menu.date.reprompt',
      input: { type: 'date' },
      next: 'echo',
    },
    echo: { kind: 'say', text: 'menu.echo', next: 'bye' },
    toHuman: { kind: 'handoff', reason: 'menu.handoff' },
    bye: { kind: 'end', text: 'menu.bye', tone: 'success' },
    byeCancelled: { kind: 'end', text: 'menu.bye.cancelled' },
  },
};

export const deleteDialog: Dialog = {
  id: 'delete-item',
  version: 1,
  title: 'del.title',
  start: 'load',
  nodes: {
    load: {
      kind: 'call',
      operation: 'listItems',
      result: 'items',
      next: { ok: 'pick', unreachable: 'down', failed: 'down' },
    },
    pick: {
      kind: 'ask',
      slot: 'item',
      prompt: 'del.pick',
      reprompt: 'del.pick.reprompt',
      input: { type: 'choice', optionsFrom: 'items' },
      next: 'hasItem',
    },
    hasItem: {
      kind: 'branch',
      cases: [{ when: { slot: 'item.locked', equals: true }, next: 'locked' }],
      otherwise: 'confirm',
    },
    locked: { kind: 'end', text: 'del.locked', outcome: 'cancelled' },
    confirm: {
      kind: 'confirm',
      target: 'item',
      intro: 'del.intro',
      facts: [
        { label: 'del.fact.name', slot: 'item.name' },
        { label: 'del.fact.expiry', slot: 'item.expiry', format: 'date' },
      ],
      acknowledgements: [
        { consequence: 'no-refund', text: 'del.ack.refund' },
        { consequence: 'data-loss', text: 'del.ack.data' },
      ],
      final: 'del.final',
      confirmLabel: 'del.confirm',
      typed: 'del.typed',
      next: 'delete',
      cancel: 'cancelled',
    },
    delete: {
      kind: 'call',
      operation: 'deleteItem',
      target: 'item',
      args: { id: 'item.id' },
      result: 'deleted',
      next: { ok: 'done', errors: { 'not-found': 'gone' }, failed: 'down' },
    },
    done: { kind: 'end', text: 'del.done', tone: 'success', outcome: 'completed' },
    gone: { kind: 'end', text: 'del.gone', outcome: 'cancelled' },
    down: { kind: 'end', text: 'del.down', outcome: 'cancelled' },
    cancelled: { kind: 'end', text: 'del.cancelled', outcome: 'cancelled' },
  },
};

export const sampleCatalogs: Catalogs = {
  ja: {
    'menu.title': 'メニュー',
    'menu.prompt': 'ご用件をお選びください。',
    'menu.reprompt': '番号でお選びください。',
    'menu.delete': '項目を削除する',
    'menu.ask': '契約番号を伝える',
    'menu.human': '担当者と話す',
    'menu.contract': '契約番号を入力してください。',
    'menu.contract.reprompt': '契約番号は英字4文字と数字6桁です（例: HMAO061322）。',
    'menu.count': '台数を入力してください。',
    'menu.count.reprompt': '1から12の数字で入力してください。',
    'menu.date': '日付を入力してください。',
    'menu.date.reprompt': '2026-12-31 のように入力してください。',
    'menu.echo': '契約番号 {contract}、{count} 台、{when|date} で承りました。',
    'menu.handoff': '担当者におつなぎします。',
    'menu.bye': 'ご利用ありがとうございました。',
    'menu.bye.cancelled': 'またお手伝いできることがあればお知らせください。',
    'del.title': '項目の削除',
    'del.pick': '削除する項目をお選びください。',
    'del.pick.reprompt': '一覧からお選びください。',
    'del.locked': 'この項目は削除できません。',
    'del.intro': '「{item.name}」を削除する前に、次の点をご確認ください。',
    'del.fact.name': '項目名',
    'del.fact.expiry': '有効期限',
    'del.ack.refund': '残りの期間の払い戻しはありません。',
    'del.ack.data': 'データは完全に削除され、元に戻せません。',
    'del.final': '「{item.name}」を削除します。よろしいですか？',
    'del.confirm': '削除する',
    'del.typed': '削除',
    'del.done': '「{item.name}」を削除しました。',
    'del.gone': 'その項目はすでにありません。',
    'del.down': 'ただいまシステムに接続できません。何も変更していません。',
    'del.cancelled': '削除を取りやめました。何も変更していません。',
  },
  en: {
    'menu.title': 'Menu',
    'menu.prompt': 'What can I help you with?',
    'menu.reprompt': 'Please choose by number.',
    'menu.delete': 'Delete an item',
    'menu.ask': 'Give a contract number',
    'menu.human': 'Talk to a person',
    'menu.contract': 'Please enter the contract number.',
    'menu.contract.reprompt': 'A contract number is 4 letters and 6 digits (e.g. HMAO061322).',
    'menu.count': 'How many devices?',
    'menu.count.reprompt': 'Please enter a number from 1 to 12.',
    'menu.date': 'Which date?',
    'menu.date.reprompt': 'Please type a date like 2026-12-31.',
    'menu.echo': 'Contract {contract}, {count} devices, {when|date}: noted.',
    'menu.handoff': 'Let me connect you with a person.',
    'menu.bye': 'Thank you.',
    'menu.bye.cancelled': 'Let me know if I can help with anything else.',
    'del.title': 'Delete an item',
    'del.pick': 'Which item should be deleted?',
    'del.pick.reprompt': 'Please choose from the list.',
    'del.locked': 'This item cannot be deleted.',
    'del.intro': 'Before deleting "{item.name}", please check the following.',
    'del.fact.name': 'Item',
    'del.fact.expiry': 'Valid until',
    'del.ack.refund': 'The remaining period is not refunded.',
    'del.ack.data': 'Its data is deleted for good.',
    'del.final': 'Delete "{item.name}"?',
    'del.confirm': 'Delete',
    'del.typed': 'DELETE',
    'del.done': '"{item.name}" has been deleted.',
    'del.gone': 'That item no longer exists.',
    'del.down': 'The system cannot be reached right now. Nothing has been changed.',
    'del.cancelled': 'Deletion cancelled. Nothing has been changed.',
  },
};

export interface Item {
  id: string;
  name: string;
  expiry: string;
  locked?: boolean;
}

export const sampleBehaviour: DialogBehaviour = {
  optionsFrom: {
    items: ({ slots }) =>
      ((slots.items as unknown as Item[] | undefined) ?? []).map((item) => ({
        id: item.id,
        label: item.name,
        value: { ...item },
        aliases: [item.name],
      })),
  },
  validators: {
    contractNumber: (input) =>
      /^[A-Z]{4}\d{6}$/.test(input)
        ? { ok: true, value: input }
        : { ok: false, message: 'menu.contract.reprompt' },
  },
};

/** A fake backend: a list of items, idempotent deletes keyed by idempotency key, and switchable faults. */
export function createFakeBackend(initial: Item[] = defaultItems()) {
  const items = new Map(initial.map((i) => [i.id, i]));
  const effects: { id: string; key: string | undefined }[] = [];
  const responses = new Map<string, OperationOutcome>();
  const calls: { operation: string; args: Readonly<Record<string, unknown>>; ctx: OperationContext }[] = [];
  const faults = { listDown: false, deleteTimeoutsLeft: 0, deleteFailsAfterEffect: false };
  const listItems: Operation = {
    destructive: false,
    consequences: [],
    run: async (args, ctx) => {
      calls.push({ operation: 'listItems', args, ctx });
      if (faults.listDown) return { ok: false, kind: 'unreachable' };
      return { ok: true, data: [...items.values()] };
    },
  };
  const deleteItem: Operation = {
    destructive: true,
    consequences: ['no-refund', 'data-loss'],
    run: async (args, ctx) => {
      calls.push({ operation: 'deleteItem', args, ctx });
      const key = ctx.idempotencyKey;
      if (faults.deleteTimeoutsLeft > 0 && !faults.deleteFailsAfterEffect) {
        faults.deleteTimeoutsLeft -= 1;
        return { ok: false, kind: 'unreachable' };
      }
      const replay = key ? responses.get(key) : undefined;
      if (replay) return replay;
      const id = String(args.id);
      let outcome: OperationOutcome;
      if (items.delete(id)) {
        effects.push({ id, key });
        outcome = { ok: true, data: { id } };
      } else outcome = { ok: false, kind: 'refused', code: 'not-found' };
      if (key) responses.set(key, outcome);
      if (faults.deleteTimeoutsLeft > 0) {
        // The effect happened but the answer is lost on the way back.
        faults.deleteTimeoutsLeft -= 1;
        return { ok: false, kind: 'unreachable' };
      }
      return outcome;
    },
  };
  return { items, effects, calls, faults, operations: { listItems, deleteItem } };
}

export function defaultItems(): Item[] {
  return [
    { id: 'd1', name: 'CameraOA', expiry: '2027-03-31' },
    { id: 'd2', name: 'CameraOB', expiry: '2027-06-30' },
    { id: 'd3', name: 'Locked', expiry: '2027-06-30', locked: true },
  ];
}

/**
 * The benchmark's cancellation flow, as engine data: list the customer's contracts, pick one, give a reason, read
 * the charges and acknowledge them, confirm, cancel. It passes the engine's static checker (the engine refuses to
 * load it otherwise) and its destructive `cancelContract` is guarded by the confirmation like every real dialog.
 *
 * The five user turns (the same in the botbuilder version, `bench/botbuilder/flow.ts`):
 * 1. "解約したい" → the contracts to choose from (after a `listContracts` call)
 * 2. pick a contract → "why?"
 * 3. the reason → the charges (facts) with two acknowledgements
 * 4. acknowledge both → the final question naming the contract
 * 5. confirm → `cancelContract` (destructive, idempotency key) → "done"
 * The engine's confirm node asks its acknowledgements and then its final question, so the reason is asked before
 * the charges rather than between them; the number and kind of turns are what the brief lists.
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Operation, OperationContext, OperationRegistry } from '../../src/engine/operations.js';
import type { Catalogs } from '../../src/engine/text/catalog.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import type { TurnInput } from '../../src/engine/turn.js';

export const BENCH_DIALOG_ID = 'bench-cancel';
export const CONSEQUENCES = ['minimum-term-charge', 'no-refund'] as const;

export interface BenchContract {
  id: string;
  name: string;
  monthlyFee: number;
  earlyTerminationCharge: number;
  effectiveDate: string;
}

/** What the fake backend answers for `listContracts` (the same data in every framework). */
export const BENCH_CONTRACTS: readonly BenchContract[] = [
  {
    id: 'C-1001',
    name: 'ポータル 月額プラン',
    monthlyFee: 3300,
    earlyTerminationCharge: 9900,
    effectiveDate: '2026-12-31',
  },
  {
    id: 'C-1002',
    name: 'カメラ 録画プラン',
    monthlyFee: 1100,
    earlyTerminationCharge: 0,
    effectiveDate: '2026-12-31',
  },
];

export const benchDialog: Dialog = {
  id: BENCH_DIALOG_ID,
  version: 1,
  title: 'bench.title',
  start: 'load',
  nodes: {
    load: {
      kind: 'call',
      operation: 'listContracts',
      result: 'contracts',
      next: { ok: 'pick', failed: 'down' },
    },
    pick: {
      kind: 'ask',
      slot: 'contract',
      prompt: 'bench.pick',
      reprompt: 'bench.pick.reprompt',
      input: { type: 'choice', optionsFrom: 'contracts' },
      next: 'reason',
    },
    reason: {
      kind: 'ask',
      slot: 'reason',
      prompt: 'bench.reason',
      reprompt: 'bench.reason.reprompt',
      input: { type: 'text', maxLength: 200 },
      acceptsQuestions: true,
      next: 'confirm',
    },
    confirm: {
      kind: 'confirm',
      target: 'contract',
      intro: 'bench.intro',
      facts: [
        { label: 'bench.fact.name', slot: 'contract.name' },
        { label: 'bench.fact.date', slot: 'contract.effectiveDate', format: 'date' },
        { label: 'bench.fact.charge', slot: 'contract.earlyTerminationCharge', format: 'yen' },
      ],
      acknowledgements: [
        { consequence: 'minimum-term-charge', text: 'bench.ack.charge' },
        { consequence: 'no-refund', text: 'bench.ack.refund' },
      ],
      final: 'bench.final',
      confirmLabel: 'bench.confirm',
      next: 'cancel',
      cancel: 'cancelled',
    },
    cancel: {
      kind: 'call',
      operation: 'cancelContract',
      target: 'contract',
      args: { contractId: 'contract.id' },
      result: 'cancellation',
      next: { ok: 'done', failed: 'down' },
    },
    done: { kind: 'end', text: 'bench.done', tone: 'success', outcome: 'completed' },
    down: { kind: 'end', text: 'bench.down', outcome: 'cancelled' },
    cancelled: { kind: 'end', text: 'bench.cancelled', outcome: 'cancelled' },
  },
};

export const benchCatalogs: Catalogs = {
  ja: {
    'bench.title': '契約の解約',
    'bench.pick': '解約する契約をお選びください。',
    'bench.pick.reprompt': '一覧からお選びください。',
    'bench.reason': '差し支えなければ、解約の理由をお聞かせください。',
    'bench.reason.reprompt': '200文字以内でお答えください。',
    'bench.intro': '「{contract.name}」を解約する前に、次の点をご確認ください。',
    'bench.fact.name': '契約',
    'bench.fact.date': '解約日',
    'bench.fact.charge': '解約手数料（見込み）',
    'bench.ack.charge': '最低利用期間内のため、解約手数料がかかります。',
    'bench.ack.refund': '当月分の料金は返金されません。',
    'bench.final': '「{contract.name}」を解約します。よろしいですか？',
    'bench.confirm': '解約する',
    'bench.done': '「{contract.name}」の解約を受け付けました。',
    'bench.down': 'ただいまシステムに接続できません。何も変更していません。',
    'bench.cancelled': '解約を取りやめました。何も変更していません。',
  },
  en: {
    'bench.title': 'Cancel a contract',
    'bench.pick': 'Which contract would you like to cancel?',
    'bench.pick.reprompt': 'Please choose from the list.',
    'bench.reason': 'If you do not mind, why are you cancelling?',
    'bench.reason.reprompt': 'Please answer in 200 characters or fewer.',
    'bench.intro': 'Before cancelling "{contract.name}", please check the following.',
    'bench.fact.name': 'Contract',
    'bench.fact.date': 'Cancellation date',
    'bench.fact.charge': 'Early termination charge (estimate)',
    'bench.ack.charge': 'An early termination charge applies within the minimum term.',
    'bench.ack.refund': 'This month is not refunded.',
    'bench.final': 'Cancel "{contract.name}"?',
    'bench.confirm': 'Cancel it',
    'bench.done': 'The cancellation of "{contract.name}" has been received.',
    'bench.down': 'The system cannot be reached right now. Nothing has been changed.',
    'bench.cancelled': 'Cancellation stopped. Nothing has been changed.',
  },
};

export const benchBehaviour: DialogBehaviour = {
  optionsFrom: {
    contracts: ({ slots }) =>
      ((slots.contracts as unknown as BenchContract[] | undefined) ?? []).map((contract) => ({
        id: contract.id,
        label: contract.name,
        value: { ...contract },
      })),
  },
};

/** One backend mutation as the fake backend saw it. */
export interface Mutation {
  contractId: string;
  conversationKey: string;
  idempotencyKey: string | undefined;
}

/**
 * The in-process fake backend: `listContracts` answers {@link BENCH_CONTRACTS}; `cancelContract` records the
 * mutation and replays the first answer for a repeated idempotency key.
 */
export function createInProcessBackend(): { operations: OperationRegistry; mutations: Mutation[] } {
  const mutations: Mutation[] = [];
  const seen = new Set<string>();
  const listContracts: Operation = {
    destructive: false,
    readOnly: true,
    consequences: [],
    run: async () => ({ ok: true, data: BENCH_CONTRACTS.map((c) => ({ ...c })) }),
  };
  const cancelContract: Operation = {
    destructive: true,
    consequences: [...CONSEQUENCES],
    run: async (args, ctx: OperationContext) => {
      const key = ctx.idempotencyKey;
      if (key === undefined || !seen.has(key)) {
        if (key !== undefined) seen.add(key);
        mutations.push({
          contractId: String(args.contractId),
          conversationKey: ctx.conversationKey,
          idempotencyKey: key,
        });
      }
      return { ok: true, data: { contractId: String(args.contractId), status: 'cancelled' } };
    },
  };
  return { operations: { listContracts, cancelContract }, mutations };
}

/** The five user inputs; actions echo the state version of the latest reply. */
export const BENCH_TURNS: readonly ((stateVersion: number) => TurnInput)[] = [
  () => ({ kind: 'text', text: '解約したい' }),
  (v) => ({ kind: 'choice', choiceId: 'C-1001', stateVersion: v }),
  () => ({ kind: 'text', text: '引っ越しのため' }),
  (v) => ({ kind: 'acknowledge', ackIds: [...CONSEQUENCES], stateVersion: v }),
  (v) => ({ kind: 'choice', choiceId: 'confirm', stateVersion: v }),
];

/** The text the last turn's reply starts with when the flow finished (what the bench checks it reached). */
export const DONE_TEXT = '「ポータル 月額プラン」の解約を受け付けました。';

/**
 * `miemasu-withdraw`: withdraw from the みえますねっと annual pack (年間パックの退会, DOMAIN.md §1b).
 *
 * identify → account (monthly plan: not this procedure, nothing runs) → device list; while devices remain, list
 * them and offer to delete them one by one (`miemasu-delete-one`, each with its own confirmation) or stop →
 * facts, acknowledgement, final confirmation and a typed phrase → withdraw → verify the account is gone →
 * 退会処理完了. A `devices-remain` refusal (a device appeared meanwhile) goes back to the list.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';
import { accountPreamble } from './preamble.js';

export const miemasuWithdrawDialog: Dialog = {
  id: 'miemasu-withdraw',
  version: 1,
  title: 'miemasu.withdraw.title',
  start: 'identify',
  nodes: {
    ...accountPreamble({ withDevices: 'devicesRemain', withoutDevices: 'confirm' }),
    devicesRemain: {
      kind: 'ask',
      slot: 'toDelete',
      prompt: 'miemasu.withdraw.devices-remain',
      tone: 'warning',
      factsFrom: 'miemasuDeviceRows',
      reprompt: 'miemasu.withdraw.devices-remain.reprompt',
      input: {
        type: 'choice',
        optionsFrom: 'miemasuDevices',
        options: [{ id: 'quit', label: 'miemasu.withdraw.quit', next: 'stopped' }],
      },
      next: 'deleteOne',
    },
    /** Whatever the deletion's outcome (it said so itself), the list is read again. */
    deleteOne: {
      kind: 'sub',
      dialog: 'miemasu-delete-one',
      args: { device: 'toDelete' },
      next: 'loadDevices',
    },
    stopped: { kind: 'end', text: 'miemasu.withdraw.stopped', outcome: 'cancelled' },
    confirm: {
      kind: 'confirm',
      target: 'account',
      intro: 'miemasu.withdraw.intro',
      facts: [
        { label: 'miemasu.withdraw.fact.customer', slot: 'account.customerId' },
        { label: 'miemasu.withdraw.fact.plan', text: 'miemasu.withdraw.fact.plan.value' },
        { label: 'miemasu.withdraw.fact.devices', text: 'miemasu.withdraw.fact.devices.value' },
        { label: 'miemasu.withdraw.fact.deleted', text: 'miemasu.withdraw.fact.deleted.value' },
      ],
      acknowledgements: [{ consequence: 'account-deletion', text: 'miemasu.withdraw.ack.account-deletion' }],
      final: 'miemasu.withdraw.final',
      confirmLabel: 'miemasu.withdraw.confirm-label',
      typed: 'miemasu.withdraw.typed',
      next: 'withdraw',
      cancel: 'kept',
    },
    kept: { kind: 'end', text: 'miemasu.withdraw.kept', outcome: 'cancelled' },
    withdraw: {
      kind: 'call',
      operation: 'withdrawAnnualPack',
      target: 'account',
      result: 'withdrawal',
      next: {
        ok: 'verify',
        errors: {
          'devices-remain': 'devicesAppeared',
          'monthly-plan-not-covered': 'monthly',
          'not-found': 'noAccount',
        },
        // An unknown outcome never lands here: the engine keeps it pending and reconciles it with the same key.
        failed: 'failed',
      },
    },
    devicesAppeared: {
      kind: 'say',
      text: 'miemasu.withdraw.devices-appeared',
      tone: 'warning',
      next: 'loadDevices',
    },
    failed: { kind: 'end', text: 'miemasu.withdraw.failed', tone: 'warning', outcome: 'failed' },
    verify: {
      kind: 'call',
      operation: 'getMiemasuAccount',
      result: 'accountAfter',
      next: { ok: 'stillThere', errors: { 'not-found': 'withdrawn' }, failed: 'unverified' },
    },
    withdrawn: {
      kind: 'say',
      text: 'miemasu.withdraw.done',
      tone: 'success',
      facts: [
        { label: 'miemasu.withdraw.fact.withdrawn-at', slot: 'withdrawal.withdrawnAt', format: 'date' },
      ],
      next: 'completed',
    },
    completed: { kind: 'end', text: 'miemasu.withdraw.done.next', outcome: 'withdrawn' },
    stillThere: { kind: 'end', text: 'miemasu.withdraw.still-there', tone: 'warning', outcome: 'failed' },
    unverified: { kind: 'end', text: 'miemasu.withdraw.unverified', tone: 'warning', outcome: 'unverified' },
    finished: { kind: 'end' },
  },
};

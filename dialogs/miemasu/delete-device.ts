/**
 * `miemasu-delete-device`: delete (cancel) a registered device of the annual pack (DOMAIN.md §1a).
 *
 * identify → account (monthly plan: not this procedure, nothing runs) → device list → pick the device →
 * "move the licence instead?" (device exchange: nothing deleted) → `miemasu-delete-one` (facts, acknowledgements,
 * final confirmation, delete, verify) → when no device is left, offer the withdrawal (`miemasu-withdraw`).
 */
import type { Dialog } from '../../src/engine/tree/schema.js';
import { accountPreamble } from './preamble.js';

export const miemasuDeleteDeviceDialog: Dialog = {
  id: 'miemasu-delete-device',
  version: 1,
  title: 'miemasu.delete.title',
  start: 'identify',
  nodes: {
    ...accountPreamble({ withDevices: 'pick', withoutDevices: 'noDevices' }),
    noDevices: { kind: 'say', text: 'miemasu.delete.no-devices', next: 'offerWithdraw' },
    pick: {
      kind: 'ask',
      slot: 'device',
      prompt: 'miemasu.delete.pick',
      reprompt: 'miemasu.delete.pick.reprompt',
      input: {
        type: 'choice',
        optionsFrom: 'miemasuDevices',
        options: [{ id: 'quit', label: 'miemasu.choice.quit', next: 'nothingChanged' }],
      },
      next: 'purpose',
    },
    purpose: {
      kind: 'ask',
      slot: 'purpose',
      prompt: 'miemasu.delete.purpose',
      reprompt: 'miemasu.delete.purpose.reprompt',
      input: {
        type: 'choice',
        options: [
          { id: 'exchange', label: 'miemasu.delete.purpose.exchange', style: 'primary', next: 'exchange' },
          { id: 'delete', label: 'miemasu.delete.purpose.delete', next: 'deleteOne' },
        ],
      },
      next: 'deleteOne',
    },
    exchange: { kind: 'end', text: 'miemasu.delete.exchange', outcome: 'exchange' },
    deleteOne: {
      kind: 'sub',
      dialog: 'miemasu-delete-one',
      args: { device: 'device' },
      result: 'deviceList',
      next: 'finished',
      outcomes: { deleted: 'afterDeleted' },
    },
    afterDeleted: {
      kind: 'branch',
      cases: [{ when: { guard: 'miemasuHasDevices' }, next: 'othersRemain' }],
      otherwise: 'lastDeleted',
    },
    othersRemain: { kind: 'end', text: 'miemasu.delete.others-remain', outcome: 'deleted' },
    lastDeleted: { kind: 'say', text: 'miemasu.delete.last-deleted', next: 'offerWithdraw' },
    offerWithdraw: {
      kind: 'ask',
      slot: 'afterwards',
      prompt: 'miemasu.delete.offer-withdraw',
      reprompt: 'miemasu.delete.offer-withdraw.reprompt',
      input: {
        type: 'choice',
        options: [
          { id: 'withdraw', label: 'miemasu.delete.offer-withdraw.yes', next: 'withdraw' },
          { id: 'keep', label: 'miemasu.delete.offer-withdraw.no', style: 'primary', next: 'keepPack' },
        ],
      },
      next: 'keepPack',
    },
    withdraw: { kind: 'sub', dialog: 'miemasu-withdraw', next: 'finished' },
    keepPack: { kind: 'end', text: 'miemasu.delete.keep-pack', outcome: 'completed' },
    nothingChanged: { kind: 'end', text: 'miemasu.nothing-changed', outcome: 'cancelled' },
    /** The sub-dialog just ended has already said what happened. */
    finished: { kind: 'end' },
  },
};

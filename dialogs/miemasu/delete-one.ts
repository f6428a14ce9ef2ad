/**
 * `miemasu-delete-one`: deletes ONE device the caller has already chosen, with its own confirmation, then checks
 * the device list no longer shows it (機器削除（機器の解約）, DOMAIN.md §1a).
 *
 * In: slot `device` (a `Device`). Outcomes: `deleted` (verified gone; `result` is the fresh device list),
 * `unverified` (deleted, list not readable), `cancelled`, `gone` (it was no longer registered), `failed`.
 * Every end says whether anything changed. Used by `miemasu-delete-device` and, per device, by `miemasu-withdraw`.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';

export const miemasuDeleteOneDialog: Dialog = {
  id: 'miemasu-delete-one',
  version: 1,
  title: 'miemasu.delete-one.title',
  start: 'confirm',
  nodes: {
    confirm: {
      kind: 'confirm',
      target: 'device',
      intro: 'miemasu.delete.intro',
      facts: [
        { label: 'miemasu.delete.fact.name', slot: 'device.name' },
        { label: 'miemasu.delete.fact.domain', slot: 'device.domainName' },
        { label: 'miemasu.delete.fact.expiry', slot: 'device.licenseExpiresOn', format: 'date' },
      ],
      factsFrom: 'miemasuLicenceLeft',
      acknowledgements: [
        { consequence: 'no-refund', text: 'miemasu.delete.ack.no-refund' },
        { consequence: 'license-forfeit', text: 'miemasu.delete.ack.license-forfeit' },
        { consequence: 'data-loss', text: 'miemasu.delete.ack.data-loss' },
      ],
      final: 'miemasu.delete.final',
      confirmLabel: 'miemasu.delete.confirm-label',
      next: 'delete',
      cancel: 'cancelled',
    },
    delete: {
      kind: 'call',
      operation: 'deleteMiemasuDevice',
      target: 'device',
      args: { deviceId: 'device.deviceId' },
      result: 'deletion',
      next: {
        ok: 'verify',
        errors: { 'not-found': 'gone', 'monthly-plan-not-covered': 'monthlyRefused' },
        // An unknown outcome never lands here: the engine keeps it pending and reconciles it with the same key.
        failed: 'failed',
      },
    },
    verify: {
      kind: 'call',
      operation: 'listMiemasuDevices',
      result: 'deviceList',
      next: { ok: 'checkGone', unreachable: 'unverified', failed: 'unverified' },
    },
    checkGone: {
      kind: 'branch',
      cases: [{ when: { guard: 'miemasuDeviceStillListed' }, next: 'stillListed' }],
      otherwise: 'done',
    },
    done: {
      kind: 'end',
      text: 'miemasu.delete.done',
      tone: 'success',
      outcome: 'deleted',
      result: 'deviceList',
    },
    stillListed: { kind: 'end', text: 'miemasu.delete.still-listed', tone: 'warning', outcome: 'failed' },
    unverified: { kind: 'end', text: 'miemasu.delete.unverified', tone: 'warning', outcome: 'unverified' },
    gone: { kind: 'end', text: 'miemasu.delete.gone', tone: 'warning', outcome: 'gone' },
    monthlyRefused: {
      kind: 'end',
      text: 'miemasu.delete.monthly-refused',
      tone: 'warning',
      outcome: 'failed',
    },
    failed: { kind: 'end', text: 'miemasu.delete.failed', tone: 'warning', outcome: 'failed' },
    cancelled: { kind: 'end', text: 'miemasu.delete.cancelled', outcome: 'cancelled' },
  },
};

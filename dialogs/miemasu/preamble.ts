/**
 * The opening both みえますねっと procedures share: identify the customer, read the account, send a monthly-plan
 * customer to their own procedure, and read the devices. Nodes as data; the caller names where each outcome goes
 * and defines the `finished` end node the monthly-plan branch returns to.
 */
import type { DialogNode } from '../../src/engine/tree/schema.js';

export function accountPreamble(branches: {
  withDevices: string;
  withoutDevices: string;
}): Record<string, DialogNode> {
  return {
    identify: { kind: 'sub', dialog: 'identify', next: 'loadAccount', outcomes: { failed: 'notVerified' } },
    notVerified: { kind: 'end', text: 'miemasu.not-verified', tone: 'warning', outcome: 'failed' },
    loadAccount: {
      kind: 'call',
      operation: 'getMiemasuAccount',
      result: 'account',
      // `failed`, not `unreachable`: the backend answered, but not usably (e.g. off-contract; the engine says it
      // cannot show this now) — never "cannot connect".
      next: { ok: 'checkPlan', errors: { 'not-found': 'noAccount' }, unreachable: 'down', failed: 'notNow' },
    },
    noAccount: { kind: 'end', text: 'miemasu.no-account', tone: 'warning', outcome: 'failed' },
    down: { kind: 'end', text: 'miemasu.down', tone: 'warning', outcome: 'failed' },
    notNow: { kind: 'end', text: 'miemasu.not-now', tone: 'warning', outcome: 'failed' },
    checkPlan: {
      kind: 'branch',
      cases: [{ when: { slot: 'account.plan', equals: 'monthly' }, next: 'monthly' }],
      otherwise: 'loadDevices',
    },
    monthly: { kind: 'sub', dialog: 'miemasu-monthly-plan', next: 'finished' },
    loadDevices: {
      kind: 'call',
      operation: 'listMiemasuDevices',
      result: 'deviceList',
      next: { ok: 'hasDevices', unreachable: 'down', failed: 'notNow' },
    },
    hasDevices: {
      kind: 'branch',
      cases: [{ when: { guard: 'miemasuHasDevices' }, next: branches.withDevices }],
      otherwise: branches.withoutDevices,
    },
  };
}

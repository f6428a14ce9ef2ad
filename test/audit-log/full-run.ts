/**
 * What a full conversation must leave in the audit log, checked the same way whichever store the bot writes to
 * (SQLite through `createBot`, PostgreSQL through `createChannelTestBot`).
 */
import { expect } from 'vitest';
import { type AuditEntry, conversationDigest } from '../../src/audit-log/entry.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { DEVICE_ACKS } from './support.js';

const CUSTOMER = { kind: 'customer', id: 'slack:UCUSTOMER' };
const AGENT = { kind: 'agent', id: 'slack:UAGENT' };

export const everything = (log: AuditLog, customerId?: string) => log.query({ customerId, limit: 1000 });

/** camera-two (CUS-1001) deleted CameraOA in `slack:T1:D-UCUSTOMER`, and was told `receiptId`. */
export function expectDeviceDeletion(entries: AuditEntry[], receiptId: string | undefined): void {
  const ofDeletion = entries.filter((entry) => entry.dialogId === 'miemasu-delete-one');
  // The call completes in the same turn (and, on the test clock, the same instant) as the confirmation.
  expect(ofDeletion.map((entry) => entry.kind).sort()).toEqual(
    [
      'dialog-started',
      'disclosure-shown',
      'acknowledged',
      'acknowledged',
      'acknowledged',
      'confirmed',
      'action',
      'dialog-ended',
    ].sort(),
  );
  for (const entry of entries) {
    expect(entry).toMatchObject({
      actor: CUSTOMER,
      customerId: 'CUS-1001',
      channel: 'slack',
      conversation: conversationDigest('slack:T1:D-UCUSTOMER'),
    });
  }
  const item = { kind: 'device', id: 'DEV-0001', label: 'CameraOA' };
  const byKind = (kind: AuditEntry['kind']) => ofDeletion.filter((entry) => entry.kind === kind);
  expect(byKind('disclosure-shown')[0]?.what).toMatchObject({
    item,
    consequences: DEVICE_ACKS,
    facts: expect.arrayContaining([
      { label: '機器名', value: 'CameraOA' },
      { label: 'ライセンスの残り期間', value: 'あと219日（払い戻しはありません）' },
    ]),
  });
  expect(byKind('acknowledged').map((entry) => entry.what.acknowledgement?.id)).toEqual(DEVICE_ACKS);
  expect(byKind('confirmed')[0]?.what).toMatchObject({ item, typedConfirmation: false });
  expect(byKind('action')[0]).toMatchObject({
    what: { operation: 'deleteMiemasuDevice', destructive: true, item, consequences: DEVICE_ACKS },
    result: 'ok',
  });
  // The receipt number the customer was told.
  expect(receiptId).toMatch(/^RC-/);
  expect(byKind('action')[0]?.receiptId).toBe(receiptId);
  expect(entries.find((entry) => entry.kind === 'identity-verified')).toMatchObject({
    dialogId: 'identify',
    result: 'ok',
    what: { operation: 'confirmVerification', outcome: 'one-time-code' },
  });
}

/** Agent UAGENT acted for portal@example.com (CUS-2001): every entry names both. */
export function expectAgentRun(entries: AuditEntry[]): void {
  const kinds = entries.map((entry) => entry.kind);
  for (const kind of ['customer-lookup', 'agent-session-started', 'action', 'agent-session-ended'] as const) {
    expect(kinds).toContain(kind);
  }
  for (const entry of entries) expect(entry).toMatchObject({ actor: AGENT, customerId: 'CUS-2001' });
  const actions = entries.filter((entry) => entry.kind === 'action');
  expect(actions.map((entry) => [entry.what.operation, entry.result])).toEqual([
    ['createCancellationApplication', 'ok'],
    ['submitCancellationApplication', 'ok'],
  ]);
  expect(actions[1]).toMatchObject({
    what: {
      destructive: true,
      item: { kind: 'application', id: 'R-20261123-238080' },
      consequences: ['service-termination', 'minimum-term-charge'],
    },
  });
  expect(actions[1]?.receiptId).toMatch(/^RC-/);
  // Acting for the customer happens in a conversation of its own, named by digest only.
  const scoped = entries.find((entry) => entry.kind === 'action')?.conversation;
  expect(scoped).toBe(conversationDigest('slack:T1:D-UAGENT|for:CUS-2001'));
}

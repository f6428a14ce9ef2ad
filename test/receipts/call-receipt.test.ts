/**
 * One receipt id per call: the receipt the recorder stores and the audit log's `action` entry for the same
 * call carry the same id, for every outcome (both call `receiptIdOf` in `src/receipts/call-receipt.ts`).
 */
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { createEntryDeriver } from '../../src/audit-log/derive.js';
import { userTextFacts } from '../../src/audit-log/scrub.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { OperationOutcome } from '../../src/engine/operations.js';
import { createReceiptRecorder } from '../../src/receipts/recorder.js';
import { ReceiptStore } from '../../src/receipts/store.js';

type CallCompleted = Extract<EngineEvent, { kind: 'call-completed' }>;

function deletion(outcome: OperationOutcome, extra: Partial<CallCompleted> = {}): CallCompleted {
  return {
    kind: 'call-completed',
    conversationKey: 'slack:T1:D-U1',
    channel: 'slack',
    actor: { kind: 'customer', id: 'slack:U1' },
    locale: 'ja',
    dialogId: 'miemasu-delete-one',
    at: '2026-11-23T01:05:00.000Z',
    operation: 'deleteMiemasuDevice',
    destructive: true,
    idempotencyKey: 'idem-call-receipt-1',
    args: { deviceId: 'DEV-0001' },
    sentAt: '2026-11-23T01:04:59.000Z',
    outcome,
    confirmation: {
      facts: [{ label: '機器名', value: 'CameraOA' }],
      acknowledgements: [
        { id: 'no-refund', text: '払い戻しはありません。', acknowledgedAt: '2026-11-23T01:03:00.000Z' },
      ],
      finalQuestion: '削除しますか？',
      confirmedAt: '2026-11-23T01:04:00.000Z',
    },
    target: { deviceId: 'DEV-0001', name: 'CameraOA' },
    ...extra,
  };
}

/** The receipt the recorder stores for `event` (if any) and the `action` entry derived from it. */
async function both(event: CallCompleted) {
  const recorder = createReceiptRecorder(new ReceiptStore(new Keyv<string>()), new Keyv<string>());
  await recorder.onEvent(event);
  const [receipt] = recorder.drainNew(event.conversationKey);
  const derive = createEntryDeriver({ userText: userTextFacts(procedureBundle().catalogs) });
  const action = derive(event).find((entry) => entry.kind === 'action');
  return { receipt, action };
}

const OUTCOMES: Array<[string, OperationOutcome]> = [
  ['succeeded', { ok: true, data: { deviceId: 'DEV-0001', performedBy: { customerId: 'CUS-1001' } } }],
  ['refused', { ok: false, kind: 'refused', code: 'not-found' }],
  ['unknown', { ok: false, kind: 'unreachable' }],
  ['refused (bug)', { ok: false, kind: 'bug', detail: 'invalid' }],
];

describe('the receipt id of a destructive call', () => {
  it.each(OUTCOMES)(
    'is the same in the receipt and in the action audit entry (%s)',
    async (_name, outcome) => {
      const { receipt, action } = await both(deletion(outcome));
      expect(receipt?.receiptId).toMatch(/^RC-/);
      expect(action?.receiptId).toBe(receipt?.receiptId);
    },
  );

  it('differs between outcomes and between calls, and is stable for the same call reported again', async () => {
    const ids = await Promise.all(
      OUTCOMES.slice(0, 3).map(async ([, o]) => (await both(deletion(o))).receipt?.receiptId),
    );
    expect(new Set(ids).size).toBe(3);
    const ok = OUTCOMES[0]![1];
    const other = await both(deletion(ok, { idempotencyKey: 'idem-call-receipt-2' }));
    expect(other.receipt?.receiptId).not.toBe(ids[0]);
    expect((await both(deletion(ok))).receipt?.receiptId).toBe(ids[0]);
  });

  it('is absent from both when the call had no confirmation (no receipt is written)', async () => {
    const { receipt, action } = await both(deletion(OUTCOMES[0]![1], { confirmation: undefined }));
    expect(receipt).toBeUndefined();
    expect(action).toBeDefined();
    expect(action).not.toHaveProperty('receiptId');
  });
});

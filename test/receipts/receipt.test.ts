import { describe, expect, it } from 'vitest';
import { buildReceipt, newReceiptId, RECEIPT_ID_PATTERN, ReceiptSchema } from '../../src/receipts/receipt.js';
import { deviceDeletionDraft } from './fixtures.js';

describe('receipt ids', () => {
  it('are RC- plus 10 Crockford base32 characters, and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, () => newReceiptId());
    for (const id of ids) expect(id).toMatch(RECEIPT_ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use the whole alphabet (the generator is not stuck on a few characters)', () => {
    const chars = new Set(
      Array.from({ length: 300 }, () => newReceiptId().slice(3))
        .join('')
        .split(''),
    );
    expect(chars.size).toBe(32);
  });
});

describe('ReceiptSchema', () => {
  it('builds a valid receipt with a fresh id and creation time, round-tripping through JSON', () => {
    const receipt = buildReceipt(deviceDeletionDraft(), new Date('2026-11-23T01:02:03.000Z'));
    expect(receipt.receiptId).toMatch(RECEIPT_ID_PATTERN);
    expect(receipt.createdAt).toBe('2026-11-23T01:02:03.000Z');
    expect(ReceiptSchema.parse(JSON.parse(JSON.stringify(receipt)))).toEqual(receipt);
  });

  it('rejects an acknowledgement given after the final confirmation', () => {
    const draft = deviceDeletionDraft();
    const late = {
      ...draft,
      shown: {
        ...draft.shown,
        acknowledgements: [{ id: 'no-refund', text: 'x', acknowledgedAt: '2026-11-23T01:05:00.000Z' }],
      },
    };
    expect(() => buildReceipt(late, new Date('2026-11-23T02:00:00Z'))).toThrow(
      /after the final confirmation/,
    );
  });

  it('rejects an operation sent before the confirmation', () => {
    const draft = deviceDeletionDraft();
    const early = { ...draft, operation: { ...draft.operation, sentAt: '2026-11-23T01:00:00.000Z' } };
    expect(() => buildReceipt(early, new Date('2026-11-23T02:00:00Z'))).toThrow(
      /sentAt is before confirmedAt/,
    );
  });

  it('rejects timestamps without an offset and unknown locales', () => {
    const draft = deviceDeletionDraft();
    expect(() =>
      buildReceipt({ ...draft, shown: { ...draft.shown, confirmedAt: '2026-11-23 10:02' } }),
    ).toThrow();
    expect(() => buildReceipt({ ...draft, locale: 'fr' as 'ja' })).toThrow();
  });
});

describe('the latest-receipt pointer (outside probe, item 6: every Redis key expires)', () => {
  it('is written with a time to live', async () => {
    const { createReceiptRecorder, LATEST_RECEIPT_TTL_MS } = await import('../../src/receipts/recorder.js');
    const writes: { key: string; ttl: number | undefined }[] = [];
    const index = {
      set: async (key: string, _value: string, ttl?: number) => {
        writes.push({ key, ttl });
        return true;
      },
      get: async () => undefined,
    };
    const saved: unknown[] = [];
    const store = { get: async () => undefined, save: async (receipt: unknown) => saved.push(receipt) };
    const recorder = createReceiptRecorder(
      store as unknown as Parameters<typeof createReceiptRecorder>[0],
      index as unknown as Parameters<typeof createReceiptRecorder>[1],
    );
    await recorder.onEvent(completedDeletion());
    expect(saved).toHaveLength(1);
    expect(writes).toEqual([{ key: expect.stringMatching(/^latest-receipt:/), ttl: LATEST_RECEIPT_TTL_MS }]);
  });
});

/** A completed device deletion with its confirmation, as the engine reports it. */
function completedDeletion(): import('../../src/engine/events.js').EngineEvent {
  return {
    kind: 'call-completed',
    conversationKey: 'web:session-1',
    channel: 'web',
    actor: { kind: 'customer', id: 'web-user-1' },
    locale: 'ja',
    dialogId: 'miemasu-delete-one',
    at: '2026-11-23T01:05:00.000Z',
    operation: 'deleteMiemasuDevice',
    destructive: true,
    idempotencyKey: 'idem-1',
    args: { deviceId: 'DEV-0001' },
    sentAt: '2026-11-23T01:04:59.000Z',
    outcome: { ok: true, data: { deviceId: 'DEV-0001' } },
    confirmation: {
      facts: [{ label: '機器名', value: 'CameraOA' }],
      acknowledgements: [
        { id: 'no-refund', text: '払い戻しはありません。', acknowledgedAt: '2026-11-23T01:03:00.000Z' },
      ],
      finalQuestion: '削除しますか？',
      confirmedAt: '2026-11-23T01:04:00.000Z',
    },
    target: { deviceId: 'DEV-0001', name: 'CameraOA' },
  };
}

import { describe, expect, it } from 'vitest';
import { buildReceipt, newReceiptId, RECEIPT_ID_PATTERN, ReceiptSchema } from '../../src/audit/receipt.js';
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

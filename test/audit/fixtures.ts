import type { Receipt, ReceiptDraft } from '../../src/audit/receipt.js';

/** A complete, valid draft for deleting device `CameraOA`, confirmed by the customer on Slack in Japanese. */
export function deviceDeletionDraft(overrides: Partial<ReceiptDraft> = {}): ReceiptDraft {
  return {
    procedure: 'miemasu.delete-device',
    item: { kind: 'device', id: 'dev-001', label: 'CameraOA' },
    customerId: 'cust-42',
    actor: { kind: 'customer', id: 'cust-42' },
    channel: 'slack',
    locale: 'ja',
    shown: {
      facts: [
        { label: '機器名', value: 'CameraOA' },
        { label: 'ドメイン名', value: 'cameraoa.miemasu.net' },
      ],
      acknowledgements: [
        {
          id: 'no-refund',
          text: 'ライセンス期間の残りは払い戻されません。',
          acknowledgedAt: '2026-11-23T01:01:00.000Z',
        },
        {
          id: 'data-loss',
          text: '録画データは削除され、元に戻せません。',
          acknowledgedAt: '2026-11-23T01:01:30.000Z',
        },
      ],
      finalQuestion: '「CameraOA」を削除します。よろしいですか？',
      confirmedAt: '2026-11-23T01:02:00.000Z',
    },
    operation: {
      name: 'deleteDevice',
      idempotencyKey: 'conv-1:confirm-3',
      sentAt: '2026-11-23T01:02:01.000Z',
      completedAt: '2026-11-23T01:02:02.000Z',
      outcome: 'succeeded',
      reference: 'R-20261123-000123',
    },
    ...overrides,
  };
}

export function withId(draft: ReceiptDraft, receiptId: string, createdAt: string): Receipt {
  return { ...draft, receiptId, createdAt };
}

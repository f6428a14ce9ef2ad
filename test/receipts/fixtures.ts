import type { Receipt, ReceiptDraft } from '../../src/receipts/receipt.js';

/** A complete, valid draft for deleting device `CameraOA`, confirmed by the customer on Slack in Japanese. */
export function deviceDeletionDraft(overrides: Partial<ReceiptDraft> = {}): ReceiptDraft {
  return {
    procedure: 'miemasu-delete-one',
    item: {
      kind: 'device',
      id: 'dev-001',
      label: 'CameraOA',
      service: { kind: 'miemasu', name: 'みえますねっと年間パック' },
    },
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
      confirmLabel: '削除する',
      confirmedAt: '2026-11-23T01:02:00.000Z',
    },
    operation: {
      name: 'deleteMiemasuDevice',
      idempotencyKey: 'conv-1:confirm-3',
      sentAt: '2026-11-23T01:02:01.000Z',
      completedAt: '2026-11-23T01:02:02.000Z',
      outcome: 'succeeded',
    },
    ...overrides,
  };
}

/** A submitted HOME cancellation application (お申込番号 `R-20261123-000123`), confirmed on the web in Japanese. */
export function cancellationDraft(overrides: Partial<ReceiptDraft> = {}): ReceiptDraft {
  return {
    procedure: 'csps-cancel',
    item: {
      kind: 'application',
      id: 'R-20261123-000123',
      label: 'type-S HMAO061322',
      service: { kind: 'home', name: 'HOME type-S' },
    },
    customerId: 'CUS-1001',
    actor: { kind: 'customer', id: 'CUS-1001' },
    channel: 'web',
    locale: 'ja',
    shown: {
      facts: [{ label: '解約日', value: '2026年12月31日' }],
      acknowledgements: [
        {
          id: 'service-termination',
          text: '解約日をもってサービスは終了します。',
          acknowledgedAt: '2026-11-23T01:01:00.000Z',
        },
      ],
      finalQuestion: 'お申込番号「R-20261123-000123」を解約します。よろしいですか？',
      confirmLabel: '解約を申し込む',
      confirmedAt: '2026-11-23T01:02:00.000Z',
    },
    operation: {
      name: 'submitCancellationApplication',
      idempotencyKey: 'conv-2:confirm-5',
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

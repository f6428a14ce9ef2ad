import { afterEach, describe, expect, it } from 'vitest';
import { formatReceipt, formatTokyoTime } from '../../src/receipts/format.js';
import { cancellationDraft, deviceDeletionDraft, withId } from './fixtures.js';

const receipt = withId(deviceDeletionDraft(), 'RC-AAAAAAAAA1', '2026-11-23T01:03:00.000Z');

describe('formatTokyoTime', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('shows Japan time whatever the machine time zone', () => {
    for (const tz of ['UTC', 'America/New_York']) {
      process.env.TZ = tz;
      // 2026-11-23T15:30Z is already Tuesday the 24th in Tokyo.
      const ja = formatTokyoTime('2026-11-23T15:30:00Z', 'ja');
      expect(ja).toContain('2026年11月24日');
      expect(ja).toContain('00:30');
      const en = formatTokyoTime('2026-11-23T15:30:00Z', 'en');
      expect(en).toContain('24 November 2026');
      expect(en).toMatch(/00:30 JST$/);
    }
  });
});

describe('formatReceipt: a receipt a customer can read', () => {
  it('names the service and company, the procedure, the item and the button pressed, in Japanese', () => {
    const lines = formatReceipt(receipt, 'ja');
    expect(lines[0]).toBe('【お手続きの控え】控え番号 RC-AAAAAAAAA1');
    expect(lines.filter((l) => l.includes('お手続きの控え'))).toHaveLength(1);
    expect(lines).toContain('サービス: みえますねっと年間パック（Panasonic）');
    expect(lines).toContain('お手続き: 機器の削除（解約）');
    expect(lines).toContain('対象: CameraOA');
    expect(lines).toContain('操作: お客様ご本人');
    expect(lines).toContain('・ドメイン名: cameraoa.miemasu.net');
    expect(
      lines.some((l) => l.startsWith('✓ ライセンス期間の残りは払い戻されません。（2026年11月23日')),
    ).toBe(true);
    const final = lines.find((l) => l.startsWith('最終確認:')) ?? '';
    expect(final).toContain('「CameraOA」を削除します。よろしいですか？');
    expect(final).toMatch(/10:02 に「削除する」を選択$/);
    expect(final).not.toContain('「はい」');
    expect(lines.find((l) => l.startsWith('結果:'))).toContain('完了しました');
    expect(lines.find((l) => l.startsWith('今後について:'))).toContain('機器一覧');
    // みえますねっと: its web pages, never a Canon phone number.
    const contact = lines.slice(lines.indexOf('お問い合わせ先:'));
    expect(contact.join('\n')).toContain('「みえますねっと」');
    expect(contact.join('\n')).not.toMatch(/電話|03-/);
  });

  it('shows no machine ids or debug fields: no customer id, device id, channel or locale code', () => {
    const text = formatReceipt(receipt, 'ja').join('\n');
    for (const debug of [
      'cust-42',
      'dev-001',
      'conv-1:confirm-3',
      'チャネル',
      '表示言語',
      'slack',
      'miemasu-delete-one',
    ])
      expect(text).not.toContain(debug);
    // A device deletion has no application number: no 受付番号 made up from an id.
    expect(text).not.toMatch(/受付番号|お申込番号/);
  });

  it('a HOME cancellation: お申込番号, Canon, what happens next and the HOME desk for applications', () => {
    const home = withId(cancellationDraft(), 'RC-AAAAAAAAA2', '2026-11-23T01:03:00.000Z');
    const lines = formatReceipt(home, 'ja');
    expect(lines).toContain('サービス: HOME type-S（キヤノンマーケティングジャパン株式会社）');
    expect(lines).toContain('お手続き: 解約のお申込み');
    expect(lines).toContain('対象: type-S HMAO061322');
    expect(lines).toContain('お申込番号: R-20261123-000123');
    expect(lines.find((l) => l.startsWith('最終確認:'))).toMatch(/「解約を申し込む」を選択$/);
    expect(lines.find((l) => l.startsWith('今後について:'))).toContain('解約お申込受付中');
    const contact = lines.slice(lines.indexOf('お問い合わせ先:')).join('\n');
    expect(contact).toContain('HOME コンタクトセンター');
    expect(contact).toContain('03-6631-2540');
    expect(contact).not.toContain('03-6719-9532');
    expect(lines.join('\n')).not.toContain('CUS-1001');
  });

  it('Therefore: the ソリューションサービス契約センター, not the HOME desk', () => {
    const therefore = withId(
      cancellationDraft({
        item: {
          kind: 'application',
          id: 'R-1',
          label: 'Therefore Online',
          service: { kind: 'therefore', name: 'Therefore Online' },
        },
      }),
      'RC-AAAAAAAAA3',
      '2026-11-23T01:03:00.000Z',
    );
    const contact = formatReceipt(therefore, 'en').join('\n');
    expect(contact).toContain('Solution Service Contract Center');
    expect(contact).toContain('03-6719-9532');
    expect(contact).not.toContain('03-6631-2540');
    expect(contact).toContain('Service: Therefore Online (Canon Marketing Japan Inc.)');
  });

  it('writes English labels around the texts exactly as they were shown', () => {
    const byAgent = {
      ...receipt,
      actor: { kind: 'agent' as const, id: 'agent-3' },
      shown: { ...receipt.shown, typedPhrase: '削除' },
    };
    const lines = formatReceipt(byAgent, 'en');
    expect(lines[0]).toBe('Receipt no. RC-AAAAAAAAA1');
    expect(lines).toContain('Procedure: Deleting (cancelling) a device');
    expect(lines).toContain('Item: CameraOA');
    expect(lines).toContain('Confirmed by: agent agent-3 on your behalf');
    expect(lines.find((l) => l.startsWith('Final question:'))).toContain('pressed "削除する", typed "削除"');
    expect(lines).toContain('- 機器名: CameraOA');
    expect(lines.find((l) => l.startsWith('Result:'))).toMatch(/^Result: completed \(.*10:02 JST\)$/);
    expect(lines.join('\n')).not.toContain('Channel');
  });

  it('the account of a withdrawal is named, not shown as an id', () => {
    const withdrawal = withId(
      deviceDeletionDraft({
        procedure: 'miemasu-withdraw',
        item: { kind: 'account', id: 'CUS-1001', label: 'CUS-1001' },
        operation: { ...receipt.operation, name: 'withdrawAnnualPack' },
      }),
      'RC-AAAAAAAAA4',
      '2026-11-23T01:03:00.000Z',
    );
    const lines = formatReceipt(withdrawal, 'ja');
    expect(lines).toContain('対象: 年間パックのご契約者情報');
    expect(lines).toContain('お手続き: 「みえますねっと年間パック」の退会');
    expect(lines).toContain('サービス: みえますねっと（Panasonic）');
  });

  it('says an unknown outcome is being checked, whom to ask, and omits a missing reference', () => {
    const pending = {
      ...receipt,
      operation: { ...receipt.operation, outcome: 'unknown' as const, reference: undefined },
    };
    const lines = formatReceipt(pending, 'ja');
    expect(lines.find((l) => l.startsWith('結果:'))).toContain('結果を確認中です');
    expect(lines.find((l) => l.startsWith('今後について:'))).toContain('もう一度行う前に');
    expect(lines.some((l) => l.startsWith('お申込番号'))).toBe(false);
  });

  it('an older receipt without the button label still reads (confirmed, never a made-up 「はい」)', () => {
    const { confirmLabel: _omit, ...shown } = receipt.shown;
    const lines = formatReceipt({ ...receipt, shown }, 'ja');
    expect(lines.find((l) => l.startsWith('最終確認:'))).toMatch(/に確定$/);
  });
});

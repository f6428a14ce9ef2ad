import { afterEach, describe, expect, it } from 'vitest';
import { formatReceipt, formatTokyoTime } from '../../src/audit/format.js';
import { deviceDeletionDraft, withId } from './fixtures.js';

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

describe('formatReceipt', () => {
  it('reproduces in Japanese what was shown, acknowledged and answered', () => {
    const lines = formatReceipt(receipt, 'ja', { procedureLabel: '機器の削除（解約）' });
    expect(lines[0]).toBe('【お手続きの控え】RC-AAAAAAAAA1');
    expect(lines).toContain('お手続き: 機器の削除（解約）');
    expect(lines).toContain('対象: CameraOA（dev-001）');
    expect(lines).toContain('操作: お客様ご本人');
    expect(lines).toContain('・ドメイン名: cameraoa.miemasu.net');
    expect(
      lines.some((l) => l.startsWith('✓ ライセンス期間の残りは払い戻されません。（2026年11月23日')),
    ).toBe(true);
    expect(lines.find((l) => l.startsWith('最終確認:'))).toContain(
      '「CameraOA」を削除します。よろしいですか？',
    );
    expect(lines.find((l) => l.startsWith('最終確認:'))).toContain('10:02');
    expect(lines.find((l) => l.startsWith('結果:'))).toContain('完了しました');
    expect(lines).toContain('受付番号: R-20261123-000123');
  });

  it('writes English labels around the texts exactly as they were shown', () => {
    const byAgent = {
      ...receipt,
      actor: { kind: 'agent' as const, id: 'agent-3' },
      shown: { ...receipt.shown, typedPhrase: '削除' },
    };
    const lines = formatReceipt(byAgent, 'en');
    expect(lines[0]).toBe('[Receipt] RC-AAAAAAAAA1');
    expect(lines).toContain('Procedure: miemasu.delete-device');
    expect(lines).toContain('Confirmed by: agent agent-3');
    expect(lines).toContain('Channel: slack (shown in: ja)');
    expect(lines).toContain('Typed confirmation: 削除');
    expect(lines).toContain('- 機器名: CameraOA');
    expect(lines.find((l) => l.startsWith('Result:'))).toMatch(/^Result: completed \(sent .*10:02 JST\)$/);
    expect(lines).toContain('Reference number: R-20261123-000123');
  });

  it('says an unknown outcome is being confirmed and omits a missing reference', () => {
    const pending = {
      ...receipt,
      operation: { ...receipt.operation, outcome: 'unknown' as const, reference: undefined },
    };
    const lines = formatReceipt(pending, 'ja');
    expect(lines.find((l) => l.startsWith('結果:'))).toContain('結果を確認中です');
    expect(lines.some((l) => l.startsWith('受付番号'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  billingsCounted,
  minimumTermCharge,
  minimumTermMonths,
  minimumTermStatus,
} from '../../../src/sandbox/rules/minimum-term.js';

describe('minimumTermMonths (DOMAIN.md §2c)', () => {
  it.each([
    ['type-S', 12],
    ['type-SL', 12],
    ['AOSBOX', 12],
    ['type-U2 Pro', 12],
    ['type-U3 Pro サイバー保険', 12],
    ['type-U4L Pro', 12],
    ['type-AM', 12],
    ['type-M', 12],
    ['type-D', 12],
    ['添付ファイルメールセキュリティオプション', 12],
    ['type-CX', 2],
    ['type-C6', 2],
    ['type-O', 0],
    ['セレクトシリーズ', 1],
    ['MEAP クラウドスキャン for NI Collabo', 1],
  ])('HOME %s → %i', (serviceType, months) => {
    expect(minimumTermMonths('home', serviceType)).toBe(months);
  });

  it('gives Therefore Online and uniFLOW Online 12 months', () => {
    expect(minimumTermMonths('therefore', 'Therefore Online')).toBe(12);
    expect(minimumTermMonths('uniflow', 'uniFLOW Online')).toBe(12);
  });

  it('tolerates full-width and spacing variants but refuses unknown types and NVS', () => {
    expect(minimumTermMonths('home', 'TYPE-U2　Pro')).toBe(12);
    expect(() => minimumTermMonths('home', 'type-Z')).toThrow(/Unknown HOME service type/);
    expect(() => minimumTermMonths('nvs', 'VisualStage Type-S')).toThrow(/separate procedure/);
  });
});

describe('billings and charge', () => {
  it('counts the start and effective months inclusively', () => {
    expect(billingsCounted('2026-12-15', '2026-12-31')).toBe(1);
    expect(billingsCounted('2026-05-15', '2026-12-31')).toBe(8);
    expect(billingsCounted('2025-12-31', '2026-11-30')).toBe(12); // across the year end
    expect(billingsCounted('2027-01-01', '2026-12-31')).toBe(0);
  });

  it('is satisfied exactly when the 12th billing falls in the effective month', () => {
    expect(minimumTermStatus(12, '2026-01-10', '2026-12-31')).toEqual({
      months: 12,
      billingsCounted: 12,
      billingsRemaining: 0,
      satisfied: true,
    });
    expect(minimumTermStatus(12, '2026-02-01', '2026-12-31')).toMatchObject({
      billingsRemaining: 1,
      satisfied: false,
    });
    expect(minimumTermStatus(0, '2026-12-01', '2026-12-31').satisfied).toBe(true);
  });

  it('charges the remaining billings at the monthly fee', () => {
    const status = minimumTermStatus(12, '2026-05-15', '2026-12-31');
    expect(status.billingsRemaining).toBe(4);
    expect(minimumTermCharge(status.billingsRemaining, 3300)).toBe(13200);
    expect(minimumTermCharge(0, 3300)).toBe(0);
  });
});

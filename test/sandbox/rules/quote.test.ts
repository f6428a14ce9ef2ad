import { describe, expect, it } from 'vitest';
import type { ContractRecord } from '../../../src/sandbox/model.js';
import { quoteCancellation } from '../../../src/sandbox/rules/quote.js';

const typeM: ContractRecord = {
  contractNumber: 'HMMH061530',
  customerId: 'C1',
  kind: 'home',
  serviceName: 'type-M',
  serviceType: 'type-M',
  startDate: '2026-05-15',
  status: 'service-started',
  monthlyFeeYen: 3300,
};
const therefore: ContractRecord = {
  ...typeM,
  contractNumber: 'TFO000123',
  kind: 'therefore',
  serviceName: 'Therefore Online',
  serviceType: 'Therefore Online',
  startDate: '2025-06-01',
  monthlyFeeYen: 50000,
};

describe('quoteCancellation', () => {
  it('quotes a type-M inside its minimum term with the domain question', () => {
    const result = quoteCancellation(typeM, '2026-11-23');
    expect(result).toEqual({
      ok: true,
      quote: {
        appliedOn: '2026-11-23',
        effectiveDate: '2026-12-31',
        minimumTerm: { months: 12, billingsCounted: 8, billingsRemaining: 4, satisfied: false },
        chargeYen: 13200,
        domainDispositionRequired: true,
        therefore: null,
      },
    });
  });

  it('refuses a desired month for anything but Therefore Online', () => {
    expect(quoteCancellation(typeM, '2026-11-23', '2027-03')).toMatchObject({
      ok: false,
      code: 'desired-month-not-applicable',
    });
  });

  it('defaults Therefore Online to the earliest month and accepts a later selectable one', () => {
    const earliest = quoteCancellation(therefore, '2026-11-23');
    expect(earliest).toMatchObject({
      ok: true,
      quote: {
        effectiveDate: '2027-01-31',
        therefore: { earliestMonth: '2027-01', desiredMonth: '2027-01', deadline: '2026-11-27' },
        minimumTerm: { billingsCounted: 20, satisfied: true },
        chargeYen: 0,
      },
    });
    expect(quoteCancellation(therefore, '2026-11-23', '2027-06')).toMatchObject({
      ok: true,
      quote: { effectiveDate: '2027-06-30' },
    });
  });

  it('refuses Therefore months whose deadline has passed or that are beyond the selectable range', () => {
    expect(quoteCancellation(therefore, '2026-11-23', '2026-12')).toMatchObject({
      ok: false,
      code: 'desired-month-not-selectable',
    });
    expect(quoteCancellation(therefore, '2026-11-28', '2027-01')).toMatchObject({ ok: false });
    expect(quoteCancellation(therefore, '2026-11-23', '2028-01')).toMatchObject({ ok: false });
  });
});

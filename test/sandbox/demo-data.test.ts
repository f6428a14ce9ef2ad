import { describe, expect, it } from 'vitest';
import { demoState } from '../../src/sandbox/demo-data.js';
import { cancellationBlocker } from '../../src/sandbox/rules/eligibility.js';
import { quoteCancellation } from '../../src/sandbox/rules/quote.js';

describe('demo data reaches every branch', () => {
  const today = '2026-11-23';
  const state = demoState(today);
  const contract = (number: string) => {
    const found = state.contracts.find((candidate) => candidate.contractNumber === number);
    if (!found) throw new Error(`no ${number}`);
    return found;
  };
  const quote = (number: string) => {
    const result = quoteCancellation(contract(number), today);
    if (!result.ok) throw new Error(result.detail);
    return result.quote;
  };

  it('has camera customers with two devices, none, and a monthly plan', () => {
    const count = (customerId: string) =>
      state.devices.filter((device) => device.customerId === customerId).length;
    expect([count('CUS-1001'), count('CUS-1002'), count('CUS-1003')]).toEqual([2, 0, 1]);
    expect(state.miemasuAccounts.find((account) => account.customerId === 'CUS-1003')?.plan).toBe('monthly');
    expect(state.devices.some((device) => device.name === 'CameraOA')).toBe(true);
  });

  it('has type-O without minimum, type-M inside it, U2 Pro past it', () => {
    expect(quote('HMAO061322').minimumTerm.months).toBe(0);
    expect(quote('HMMH061530')).toMatchObject({
      domainDispositionRequired: true,
      minimumTerm: { satisfied: false },
    });
    expect(quote('HMMH061530').chargeYen).toBeGreaterThan(0);
    expect(quote('HMUH022123').minimumTerm).toMatchObject({ months: 12, satisfied: true });
    expect(quote('UFOL050233').chargeYen).toBeGreaterThan(0);
    expect(quote('TFOL040112').therefore?.earliestMonth).toBe('2027-01');
  });

  it('has each blocked contract blocked for its own reason', () => {
    const blockers = ['HMAO021976', 'HMAP022072', 'HMSL030455', 'NVSV010203'].map((number) =>
      cancellationBlocker(contract(number), state.applications),
    );
    expect(blockers).toEqual([
      'change-draft-exists',
      'partner-draft-exists',
      'already-cancelling',
      'nvs-not-covered',
    ]);
  });

  it('keeps the branches on any date (dates that matter are relative)', () => {
    const later = demoState('2029-03-01');
    const typeM = later.contracts.find((candidate) => candidate.contractNumber === 'HMMH061530');
    if (!typeM) throw new Error('no type-M');
    const result = quoteCancellation(typeM, '2029-03-01');
    expect(result.ok && !result.quote.minimumTerm.satisfied).toBe(true);
  });
});

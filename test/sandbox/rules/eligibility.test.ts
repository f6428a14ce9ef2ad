import { describe, expect, it } from 'vitest';
import type { ApplicationRecord, ContractRecord } from '../../../src/sandbox/model.js';
import {
  cancellationBlocker,
  formatApplicationNumber,
  requiresDomainDisposition,
  withdrawalBlocker,
  withdrawalOfApplicationBlocker,
} from '../../../src/sandbox/rules/eligibility.js';

const contract = (overrides: Partial<ContractRecord> = {}): ContractRecord => ({
  contractNumber: 'HMAO061322',
  customerId: 'C1',
  kind: 'home',
  serviceName: 'type-O Powered by Office 365',
  serviceType: 'type-O',
  startDate: '2019-09-15',
  status: 'service-started',
  monthlyFeeYen: 1000,
  ...overrides,
});
const application = (overrides: Partial<ApplicationRecord> = {}): ApplicationRecord => ({
  applicationNumber: 'R-20261101-000001',
  contractNumber: 'HMAO061322',
  customerId: 'C1',
  status: 'change-draft',
  appliedOn: null,
  createdBy: 'customer',
  cancellation: null,
  createdAt: '2026-11-01T00:00:00Z',
  ...overrides,
});

describe('cancellationBlocker', () => {
  it('allows only サービス開始 and says why otherwise', () => {
    expect(cancellationBlocker(contract(), [])).toBeNull();
    expect(cancellationBlocker(contract({ status: 'cancellation-accepted' }), [])).toBe('already-cancelling');
    expect(cancellationBlocker(contract({ status: 'cancellation-draft' }), [])).toBe(
      'cancellation-draft-exists',
    );
    expect(cancellationBlocker(contract({ kind: 'nvs', serviceType: 'VisualStage Type-S' }), [])).toBe(
      'nvs-not-covered',
    );
  });

  it("tells the customer's own change draft from a partner's draft", () => {
    const blocked = contract({ status: 'change-draft' });
    expect(cancellationBlocker(blocked, [application()])).toBe('change-draft-exists');
    expect(
      cancellationBlocker(blocked, [application({ status: 'partner-draft', createdBy: 'partner' })]),
    ).toBe('partner-draft-exists');
  });
});

describe('other rules', () => {
  it('asks about the domain for type-M / W / D only', () => {
    expect(['type-M', 'type-W', 'type-D'].map((type) => requiresDomainDisposition('home', type))).toEqual([
      true,
      true,
      true,
    ]);
    expect(requiresDomainDisposition('home', 'type-MX')).toBe(false);
    expect(requiresDomainDisposition('uniflow', 'type-M')).toBe(false);
  });

  it('refuses withdrawal while devices remain, and monthly plans first', () => {
    expect(withdrawalBlocker({ customerId: 'C1', plan: 'annual-pack' }, 2)).toBe('devices-remain');
    expect(withdrawalBlocker({ customerId: 'C1', plan: 'annual-pack' }, 0)).toBeNull();
    expect(withdrawalBlocker({ customerId: 'C1', plan: 'monthly' }, 0)).toBe('monthly-plan-not-covered');
  });

  it("lets the customer discard their own drafts but not a partner's", () => {
    expect(withdrawalOfApplicationBlocker(application())).toBeNull();
    expect(withdrawalOfApplicationBlocker(application({ status: 'cancellation-draft' }))).toBeNull();
    expect(
      withdrawalOfApplicationBlocker(application({ status: 'partner-draft', createdBy: 'partner' })),
    ).toBe('partner-draft-not-withdrawable');
    expect(withdrawalOfApplicationBlocker(application({ status: 'cancellation-accepted' }))).toBe(
      'application-not-withdrawable',
    );
  });

  it('formats application numbers as R-YYYYMMDD-NNNNNN', () => {
    expect(formatApplicationNumber('2026-11-23', 42)).toBe('R-20261123-000042');
    expect(formatApplicationNumber('2019-10-15', 238079)).toBe('R-20191015-238079');
  });
});

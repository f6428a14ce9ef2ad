/**
 * The cancellation quote for one contract and application date: the composition of the dated rules, shared by
 * the quote, the draft and the submission so the numbers shown are the numbers applied (DESIGN.md invariant 6).
 */
import type { ContractRecord } from '../model.js';
import { compareDates } from './calendar.js';
import {
  effectiveDateFor,
  thereforeDeadline,
  thereforeEarliestMonth,
  thereforeSelectableMonths,
} from './cancellation-dates.js';
import { requiresDomainDisposition } from './eligibility.js';
import {
  type MinimumTermStatus,
  minimumTermCharge,
  minimumTermMonths,
  minimumTermStatus,
} from './minimum-term.js';

export interface ThereforeSchedule {
  earliestMonth: string;
  selectableMonths: string[];
  desiredMonth: string;
  deadline: string;
}

export interface Quote {
  appliedOn: string;
  effectiveDate: string;
  minimumTerm: MinimumTermStatus;
  chargeYen: number;
  domainDispositionRequired: boolean;
  therefore: ThereforeSchedule | null;
}

export type QuoteResult =
  | { ok: true; quote: Quote }
  | { ok: false; code: 'desired-month-not-applicable' | 'desired-month-not-selectable'; detail: string };

/**
 * Quotes cancelling `contract` with an application made on `appliedOn`. `desiredMonth` must be absent except for
 * Therefore Online, where it must be a selectable month whose deadline has not passed (default: the earliest).
 * The caller has already checked the contract may be cancelled (not NVS).
 */
export function quoteCancellation(
  contract: ContractRecord,
  appliedOn: string,
  desiredMonth?: string,
): QuoteResult {
  let therefore: ThereforeSchedule | null = null;
  if (contract.kind === 'therefore') {
    const selectableMonths = thereforeSelectableMonths(appliedOn);
    const month = desiredMonth ?? thereforeEarliestMonth(appliedOn);
    if (!selectableMonths.includes(month) || compareDates(appliedOn, thereforeDeadline(month)) > 0) {
      return {
        ok: false,
        code: 'desired-month-not-selectable',
        detail: `Therefore Online can end in ${selectableMonths[0]} to ${selectableMonths.at(-1)} when applied on ${appliedOn}; ${month} is not selectable.`,
      };
    }
    therefore = {
      earliestMonth: selectableMonths[0] ?? month,
      selectableMonths,
      desiredMonth: month,
      deadline: thereforeDeadline(month),
    };
  } else if (desiredMonth !== undefined) {
    return {
      ok: false,
      code: 'desired-month-not-applicable',
      detail:
        'Only Therefore Online lets the customer choose the month; this contract ends at the end of next month.',
    };
  }
  const effectiveDate = effectiveDateFor(contract.kind, appliedOn, therefore?.desiredMonth);
  const minimumTerm = minimumTermStatus(
    minimumTermMonths(contract.kind, contract.serviceType),
    contract.startDate,
    effectiveDate,
  );
  return {
    ok: true,
    quote: {
      appliedOn,
      effectiveDate,
      minimumTerm,
      chargeYen: minimumTermCharge(minimumTerm.billingsRemaining, contract.monthlyFeeYen),
      domainDispositionRequired: requiresDomainDisposition(contract.kind, contract.serviceType),
      therefore,
    },
  };
}

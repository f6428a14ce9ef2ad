/**
 * Generated backend answers for the cloud-service portal (csps) operations, shared by the csps backend-answer fuzz
 * files: wrong-shape, truncated, hostile and slow answers that carry sentinel facts (a contract number, an amount, a
 * date, an application number) found nowhere in the sandbox's data, so a reply showing one believed an invalid
 * answer. Also: what a fault server makes of an answer, and whether the contract allows it.
 */
import fc from 'fast-check';
import { responseContract } from '../../../src/backend/client/contract.js';
import { ENGINE, type FaultRig, faultLines } from '../../faults/support.js';
import type { ServerFault } from '../../support/fault-server.js';

/** Facts that exist only in the generated answers. */
export const SENTINEL = {
  contractNumber: 'HMZZ424242',
  applicationNumber: 'R-20310719-424242',
  amount: 987_654,
  date: '2031-07-19',
  month: '2031-07',
};
/** How those facts would read in a reply. */
export const SENTINEL_TEXT = ['424242', '987,654', '987654', '2031年7月19日', '2031-07-19', '2031年7月'];

/** The sentinel facts a reply text shows (empty when none). */
export const sentinelsIn = (text: string): string[] => SENTINEL_TEXT.filter((fact) => text.includes(fact));

/** A generated answer: a JSON body (any shape), raw bytes (truncated), or no answer in time. */
export type Answer = { json: unknown } | { raw: string } | { slow: true };

export const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '\u0000\u202e', '<script>alert(1)</script>', 'サービス開始', 'x'.repeat(5000)),
);
const money = fc.record(
  {
    amount: fc.oneof(
      fc.constant(SENTINEL.amount),
      fc.constant(-SENTINEL.amount),
      fc.constant(`${SENTINEL.amount}`),
    ),
    currency: fc.constantFrom('JPY', 'USD', ''),
    isEstimate: fc.oneof(fc.boolean(), fc.constant('yes')),
  },
  { requiredKeys: [] },
);
const date = fc.constantFrom(SENTINEL.date, '2031-13-45', '', '19/07/2031');
const contractStatus = fc.oneof(
  fc.constantFrom('service-started', 'cancellation-accepted', 'change-draft', 'exploded'),
  fc.integer(),
);
export const contract = fc.record(
  {
    contractNumber: fc.oneof(fc.constant(SENTINEL.contractNumber), fc.integer(), fc.constant(null)),
    kind: fc.oneof(fc.constantFrom('home', 'therefore', 'uniflow', 'nvs', 'bogus'), fc.integer()),
    serviceName: hostileString,
    serviceType: fc.oneof(fc.constantFrom('type-M', 'Therefore Online'), hostileString),
    startDate: date,
    status: contractStatus,
    statusLabel: hostileString,
    monthlyFee: fc.oneof(money, fc.constant(SENTINEL.amount)),
  },
  { requiredKeys: [] },
);
const minimumTerm = fc.record(
  {
    months: fc.oneof(fc.nat(36), fc.constant(-1), fc.constant('12')),
    billingsCounted: fc.oneof(fc.nat(36), hostileString),
    billingsRemaining: fc.oneof(fc.nat(36), fc.constant(null)),
    satisfied: fc.oneof(fc.boolean(), fc.constant(0)),
  },
  { requiredKeys: [] },
);
export const quote = fc.record(
  {
    contractNumber: fc.oneof(fc.constant(SENTINEL.contractNumber), fc.constant('HMMH061530')),
    kind: fc.constantFrom('home', 'therefore', 'bogus'),
    serviceType: hostileString,
    appliedOn: date,
    effectiveDate: date,
    minimumTerm: fc.oneof(minimumTerm, fc.constant(null)),
    minimumTermCharge: fc.oneof(money, fc.constant(SENTINEL.amount)),
    domainDispositionRequired: fc.oneof(fc.boolean(), fc.constant('true')),
    therefore: fc.oneof(
      fc.constant(null),
      fc.record(
        {
          earliestMonth: fc.constant(SENTINEL.month),
          selectableMonths: fc.oneof(fc.constant([SENTINEL.month]), hostileString),
          desiredMonth: fc.constant(SENTINEL.month),
          deadline: date,
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
/** An application; `contractNumber` may be the real contract it is asked about (so a list can look plausible). */
export const application = (realContract = 'HMMH061530') =>
  fc.record(
    {
      applicationNumber: fc.oneof(fc.constant(SENTINEL.applicationNumber), fc.integer(), fc.constant(null)),
      contractNumber: fc.oneof(fc.constant(SENTINEL.contractNumber), fc.constant(realContract)),
      kind: fc.constantFrom('home', 'bogus'),
      serviceName: hostileString,
      status: fc.constantFrom(
        'cancellation-draft',
        'change-draft',
        'partner-draft',
        'cancellation-accepted',
        'exploded',
      ),
      statusLabel: hostileString,
      appliedOn: fc.oneof(date, fc.constant(null)),
      createdBy: fc.constantFrom('customer', 'partner', 'robot'),
      cancellation: fc.oneof(
        fc.constant(null),
        fc.record(
          {
            reason: hostileString,
            effectiveDate: date,
            minimumTerm,
            minimumTermCharge: money,
            domainDisposition: fc.constantFrom('transfer', 'nuke', null),
            desiredMonth: fc.constant(null),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );
export const withdrawal = fc.record(
  {
    applicationNumber: fc.oneof(fc.constant(SENTINEL.applicationNumber), fc.integer()),
    contractNumber: fc.oneof(fc.constant(SENTINEL.contractNumber), fc.constant(null)),
    contractStatus,
    performedBy: fc.oneof(
      fc.record(
        { kind: fc.constantFrom('customer', 'robot'), id: hostileString, customerId: hostileString },
        { requiredKeys: [] },
      ),
      hostileString,
    ),
  },
  { requiredKeys: [] },
);

/** Answers shaped after `shaped` (sentinel facts, some field broken or missing), plus generic junk. */
export function answersLike(shaped: fc.Arbitrary<unknown>, truncatedFrom: string): fc.Arbitrary<Answer> {
  return fc.oneof(
    { weight: 4, arbitrary: shaped.map((json) => ({ json })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc.constant({
        json: JSON.parse(
          `{"__proto__":{"contractNumber":"${SENTINEL.contractNumber}"},"constructor":{"prototype":{"ok":true}}}`,
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .nat(60)
        .map((cut) => ({ raw: truncatedFrom.slice(0, Math.max(1, truncatedFrom.length - 1 - cut)) })),
    },
    { weight: 1, arbitrary: fc.constant({ slow: true } as const) },
  );
}

/** What the fault server answers instead of (or after, when `forward`) the backend. */
export function faultOf(answer: Answer, forward: boolean, timeoutMs: number, status = 200): ServerFault {
  if ('slow' in answer) return { kind: 'delay', ms: timeoutMs * 3, forward };
  if ('raw' in answer) return { kind: 'raw', status, text: answer.raw, forward };
  return { kind: 'body', status, json: answer.json, forward };
}

/** Whether the contract allows the answer for this operation and status. */
export const isValid = (operation: string, status: number, answer: Answer): boolean =>
  'json' in answer && responseContract().check(operation, status, answer.json).ok;

export function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** What the dialogs say when nothing changed (every invalid read ends there). */
export const NOTHING_CHANGED = '何も変更していません';

/** A read's invalid answer is "cannot show this now"; no answer in time is not an answer (the dialog's text). */
export function checkToldCannotShow(text: string, answer: Answer): void {
  if ('slow' in answer) return;
  expectThat(text.includes(ENGINE.cannotShow), `not "cannot show this now": ${text}`);
  expectThat(!text.includes('接続できません'), `"cannot connect" for an answer: ${text}`);
}

/** Exactly one fault line more than `before`, naming `operation`, with a correlation id (the turn's trace id). */
export function checkOneFaultLine(rig: FaultRig, before: number, operation: string): void {
  const lines = faultLines(rig.log).slice(before);
  expectThat(lines.length === 1, `${lines.length} fault lines, not 1`);
  expectThat(lines[0]?.operation === operation, `the fault line names ${String(lines[0]?.operation)}`);
  expectThat(/^[0-9a-f]{32}$/.test(String(lines[0]?.correlationId)), 'the fault line has no correlation id');
}

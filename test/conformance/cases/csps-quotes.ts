/**
 * Cloud-service portal, quotes: dated rules (effective dates, the 35-day rule, minimum terms and charges) and the
 * contract list. Expected dates are derived from the backend's own `appliedOn` with the contract's rules.
 */
import assert from 'node:assert/strict';
import { lastDayOf } from '../../../src/sandbox/rules/calendar.js';
import { nextMonthEnd, thereforeEarliestMonth } from '../../../src/sandbox/rules/cancellation-dates.js';
import { billingsCounted } from '../../../src/sandbox/rules/minimum-term.js';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, listAt, stringAt } from '../target.js';
import { contract, portal, quote } from './csps-helpers.js';

export const cspsQuoteCases: ConformanceCase[] = [
  {
    name: 'the contract list shows number, kind, service, type, start date, status and an estimated fee',
    async run(context) {
      const contracts = listAt(
        assertOk(await context.call('GET', '/csps/contracts', { as: portal(context) })),
        'contracts',
      );
      const numbers = contracts.map((item) => stringAt(item, 'contractNumber'));
      const { otherCustomer, ...own } = context.fixtures.contracts;
      for (const number of Object.values(own)) assert.ok(numbers.includes(number), `${number} is listed`);
      assert.ok(!numbers.includes(otherCustomer));
      for (const item of contracts) {
        for (const field of ['kind', 'serviceName', 'serviceType', 'startDate', 'status', 'statusLabel']) {
          assert.equal(typeof at(item, field), 'string', field);
        }
        assert.equal(at(item, 'monthlyFee.currency'), 'JPY');
        assert.equal(at(item, 'monthlyFee.isEstimate'), true);
      }
      assert.equal(at(await contract(context, own.typeO), 'status'), 'service-started');
      assert.equal(at(await contract(context, own.changeDraft), 'status'), 'change-draft');
      assert.equal(at(await contract(context, own.accepted), 'status'), 'cancellation-accepted');
    },
  },
  {
    name: 'HOME ends at the end of next month; type-O has no minimum term',
    async run(context) {
      const body = await quote(context, context.fixtures.contracts.typeO);
      assert.equal(at(body, 'effectiveDate'), nextMonthEnd(stringAt(body, 'appliedOn')));
      assert.deepEqual(at(body, 'minimumTerm'), {
        months: 0,
        billingsCounted: at(body, 'minimumTerm.billingsCounted'),
        billingsRemaining: 0,
        satisfied: true,
      });
      assert.deepEqual(at(body, 'minimumTermCharge'), { amount: 0, currency: 'JPY', isEstimate: true });
      assert.equal(at(body, 'domainDispositionRequired'), false);
      assert.equal(at(body, 'therefore'), null);
    },
  },
  {
    name: 'type-M inside its minimum term: billings counted, remaining, an estimated charge and the domain question',
    async run(context) {
      const number = context.fixtures.contracts.typeM;
      const [body, item] = [await quote(context, number), await contract(context, number)];
      const effectiveDate = stringAt(body, 'effectiveDate');
      assert.equal(effectiveDate, nextMonthEnd(stringAt(body, 'appliedOn')));
      const counted = billingsCounted(stringAt(item, 'startDate'), effectiveDate);
      assert.deepEqual(at(body, 'minimumTerm'), {
        months: 12,
        billingsCounted: counted,
        billingsRemaining: 12 - counted,
        satisfied: false,
      });
      assert.equal(
        at(body, 'minimumTermCharge.amount'),
        (12 - counted) * Number(at(item, 'monthlyFee.amount')),
      );
      assert.equal(at(body, 'minimumTermCharge.isEstimate'), true);
      assert.equal(at(body, 'domainDispositionRequired'), true);
    },
  },
  {
    name: 'a contract past its minimum term owes nothing',
    async run(context) {
      const body = await quote(context, context.fixtures.contracts.pastMinimum);
      assert.equal(at(body, 'minimumTerm.months'), 12);
      assert.equal(at(body, 'minimumTerm.satisfied'), true);
      assert.equal(at(body, 'minimumTermCharge.amount'), 0);
    },
  },
  {
    name: 'uniFLOW Online ends at the end of next month with a 12-month minimum',
    async run(context) {
      const body = await quote(context, context.fixtures.contracts.uniflow);
      assert.equal(at(body, 'effectiveDate'), nextMonthEnd(stringAt(body, 'appliedOn')));
      assert.equal(at(body, 'minimumTerm.months'), 12);
      assert.equal(at(body, 'therefore'), null);
    },
  },
  {
    name: 'Therefore Online: 35-day rule, earliest and selectable months, later months allowed, earlier refused',
    async run(context) {
      const number = context.fixtures.contracts.therefore;
      const body = await quote(context, number);
      const appliedOn = stringAt(body, 'appliedOn');
      const earliest = thereforeEarliestMonth(appliedOn);
      assert.equal(at(body, 'therefore.earliestMonth'), earliest);
      assert.equal(at(body, 'therefore.desiredMonth'), earliest);
      assert.equal(at(body, 'effectiveDate'), lastDayOf(earliest));
      const selectable = listAt(body, 'therefore.selectableMonths').map(String);
      assert.equal(selectable[0], earliest);
      assert.equal(at(body, 'minimumTerm.months'), 12);
      const later = selectable[3] ?? earliest;
      const laterQuote = await quote(context, number, `?desiredMonth=${later}`);
      assert.equal(at(laterQuote, 'effectiveDate'), lastDayOf(later));
      const tooEarly = await context.call(
        'GET',
        `/csps/contracts/${number}/cancellation-quote?desiredMonth=${appliedOn.slice(0, 7)}`,
        {
          as: portal(context),
        },
      );
      assertProblem(tooEarly, 422, 'desired-month-not-selectable');
      const notApplicable = await context.call(
        'GET',
        `/csps/contracts/${context.fixtures.contracts.typeO}/cancellation-quote?desiredMonth=${later}`,
        { as: portal(context) },
      );
      assertProblem(notApplicable, 422, 'desired-month-not-applicable');
    },
  },
];

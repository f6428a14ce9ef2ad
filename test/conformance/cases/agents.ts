/**
 * `findCustomer`: an agent finds the customer to act for, by e-mail or contract number, with the agent key alone.
 * Customers cannot use it; an unknown customer is `customer-not-found`; the answer masks the e-mail address.
 */
import assert from 'node:assert/strict';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, listAt, stringAt } from '../target.js';

const query = (parameters: Record<string, string>) => `/customers?${new URLSearchParams(parameters)}`;

export const agentCases: ConformanceCase[] = [
  {
    name: 'an agent finds a customer by e-mail (any case) without On-Behalf-Of; the address comes back masked',
    async run({ call, fixtures }) {
      const { email, customerId } = fixtures.customers.portal;
      const found = assertOk(
        await call('GET', query({ email: email.toUpperCase() }), { as: { agent: true } }),
      );
      assert.equal(stringAt(found, 'customerId'), customerId);
      assert.equal(typeof stringAt(found, 'displayName'), 'string');
      const masked = stringAt(found, 'maskedEmail');
      assert.notEqual(masked.toLowerCase(), email.toLowerCase(), 'the e-mail address is masked');
      assert.ok(
        !JSON.stringify(found).toLowerCase().includes(email.toLowerCase()),
        'no full address anywhere',
      );
      const contracts = listAt(found, 'contracts').map((c) => stringAt(c, 'contractNumber'));
      assert.ok(contracts.length <= 10, 'a short list');
      assert.ok((at(found, 'contractCount') as number) >= contracts.length);
    },
  },
  {
    name: 'an agent finds the owner of a contract number; the camera plan shows in the summary',
    async run({ call, fixtures }) {
      const owner = assertOk(
        await call('GET', query({ contractNumber: fixtures.contracts.otherCustomer }), {
          as: { agent: true },
        }),
      );
      assert.equal(stringAt(owner, 'customerId'), fixtures.customers.portalOther.customerId);
      const camera = assertOk(
        await call('GET', query({ email: fixtures.customers.cameraMonthly.email }), { as: { agent: true } }),
      );
      assert.equal(at(camera, 'miemasu.plan'), 'monthly');
      // With On-Behalf-Of (an agent already acting for someone) the lookup works the same.
      const again = assertOk(
        await call('GET', query({ email: fixtures.customers.cameraMonthly.email }), {
          as: { agentFor: fixtures.customers.portal.customerId },
        }),
      );
      assert.equal(stringAt(again, 'customerId'), fixtures.customers.cameraMonthly.customerId);
    },
  },
  {
    name: 'findCustomer: no match is 404 customer-not-found; a bad query is validation-failed',
    async run({ call }) {
      assertProblem(
        await call('GET', query({ email: 'nobody-at-all@example.com' }), { as: { agent: true } }),
        404,
        'customer-not-found',
      );
      assertProblem(
        await call('GET', query({ contractNumber: 'ZZZZ999999' }), { as: { agent: true } }),
        404,
        'customer-not-found',
      );
      assertProblem(await call('GET', '/customers', { as: { agent: true } }), 400, 'validation-failed');
    },
  },
  {
    name: 'findCustomer is for agents only: a customer token is forbidden, no credential unauthenticated',
    needsCodes: true,
    async run({ call, fixtures, customerToken }) {
      const token = await customerToken(fixtures.customers.portalOther.email);
      const refused = await call('GET', query({ email: fixtures.customers.portal.email }), { as: { token } });
      assertProblem(refused, 403, 'forbidden');
      assert.ok(!JSON.stringify(refused.body).includes(fixtures.customers.portal.customerId));
      assertProblem(
        await call('GET', query({ email: fixtures.customers.portal.email }), { as: { none: true } }),
        401,
        'unauthenticated',
      );
    },
  },
];

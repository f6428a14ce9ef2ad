/**
 * A customer (token) or an agent acting for a customer never sees or changes another customer's items, by any id,
 * and cannot tell them from ids that do not exist.
 */
import assert from 'node:assert/strict';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { listAt } from '../target.js';

export const authorizationCases: ConformanceCase[] = [
  {
    name: "a customer token never sees another customer's devices",
    needsCodes: true,
    async run({ call, fixtures, customerToken }) {
      const token = await customerToken(fixtures.customers.cameraEmpty.email);
      const devices = assertOk(await call('GET', '/miemasu/devices', { as: { token } }));
      assert.deepEqual(listAt(devices, 'devices'), []);
      for (const deviceId of fixtures.devices.cameraTwo) {
        assertProblem(
          await call('DELETE', `/miemasu/devices/${deviceId}`, { as: { token } }),
          404,
          'not-found',
        );
      }
      assertProblem(
        await call('GET', '/miemasu/devices', {
          as: { token },
          headers: { 'on-behalf-of': fixtures.customers.cameraTwo.customerId },
        }),
        403,
        'forbidden',
      );
      const owner = assertOk(
        await call('GET', '/miemasu/devices', { as: { agentFor: fixtures.customers.cameraTwo.customerId } }),
      );
      assert.equal(listAt(owner, 'devices').length, 2, "the other customer's devices are untouched");
    },
  },
  {
    name: "a customer token never sees another customer's contracts or applications",
    needsCodes: true,
    async run({ call, fixtures, customerToken }) {
      const token = await customerToken(fixtures.customers.portalOther.email);
      const contracts = listAt(
        assertOk(await call('GET', '/csps/contracts', { as: { token } })),
        'contracts',
      );
      assert.deepEqual(
        contracts.map((contract) => (contract as { contractNumber: string }).contractNumber),
        [fixtures.contracts.otherCustomer],
      );
      const foreign = Object.entries(fixtures.contracts).filter(([role]) => role !== 'otherCustomer');
      for (const [, contractNumber] of foreign) {
        assertProblem(
          await call('GET', `/csps/contracts/${contractNumber}`, { as: { token } }),
          404,
          'not-found',
        );
        assertProblem(
          await call('GET', `/csps/contracts/${contractNumber}/cancellation-quote`, { as: { token } }),
          404,
          'not-found',
        );
        assertProblem(
          await call('POST', `/csps/contracts/${contractNumber}/cancellation-applications`, {
            as: { token },
            body: { reason: 'test' },
          }),
          404,
          'not-found',
        );
      }
      const theirs = listAt(
        assertOk(
          await call('GET', '/csps/applications', { as: { agentFor: fixtures.customers.portal.customerId } }),
        ),
        'applications',
      );
      const applications = listAt(
        assertOk(await call('GET', '/csps/applications', { as: { token } })),
        'applications',
      );
      assert.deepEqual(applications, []);
      for (const application of theirs) {
        const number = (application as { applicationNumber: string }).applicationNumber;
        assertProblem(await call('GET', `/csps/applications/${number}`, { as: { token } }), 404, 'not-found');
        assertProblem(
          await call('POST', `/csps/applications/${number}/submit`, { as: { token } }),
          404,
          'not-found',
        );
        assertProblem(
          await call('POST', `/csps/applications/${number}/withdraw`, { as: { token } }),
          404,
          'not-found',
        );
      }
    },
  },
  {
    name: "an agent acting for one customer cannot reach another customer's items",
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.portalOther.customerId };
      assertProblem(
        await call('GET', `/csps/contracts/${fixtures.contracts.typeO}`, { as }),
        404,
        'not-found',
      );
      assertProblem(
        await call('DELETE', `/miemasu/devices/${fixtures.devices.cameraTwo[0]}`, {
          as: { agentFor: fixtures.customers.cameraEmpty.customerId },
        }),
        404,
        'not-found',
      );
    },
  },
];

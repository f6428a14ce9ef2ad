/**
 * Cross-cutting protocol rules: problem details, authentication, On-Behalf-Of, Idempotency-Key, validation.
 */
import assert from 'node:assert/strict';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, newKey } from '../target.js';

export const protocolCases: ConformanceCase[] = [
  {
    name: 'requests without credentials are refused with an unauthenticated problem',
    async run({ call }) {
      assertProblem(await call('GET', '/csps/contracts', { as: { none: true } }), 401, 'unauthenticated');
      assertProblem(
        await call('GET', '/miemasu/devices', { as: { token: 'not-a-real-token' } }),
        401,
        'unauthenticated',
      );
    },
  },
  {
    name: 'an agent must name the customer it acts for',
    async run({ call, fixtures }) {
      const result = await call('GET', '/csps/contracts', {
        as: { agentFor: fixtures.customers.portal.customerId },
        headers: { 'on-behalf-of': '' },
      });
      assertProblem(result, 400, 'on-behalf-of-required');
    },
  },
  {
    name: 'every state-changing operation requires an Idempotency-Key',
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.cameraTwo.customerId };
      assertProblem(
        await call('POST', '/miemasu/withdrawal', { as, key: null }),
        400,
        'idempotency-key-required',
      );
      assertProblem(
        await call('DELETE', `/miemasu/devices/${fixtures.devices.cameraTwo[0]}`, { as, key: null }),
        400,
        'idempotency-key-required',
      );
      assertProblem(
        await call('POST', '/identity/verifications', {
          as: { none: true },
          body: { email: 'x@example.com' },
          key: null,
        }),
        400,
        'idempotency-key-required',
      );
      const devices = assertOk(await call('GET', '/miemasu/devices', { as }));
      assert.equal((at(devices, 'devices') as unknown[]).length, 2, 'refused writes must change nothing');
    },
  },
  {
    name: 'a bad body is a validation-failed problem naming the field',
    async run({ call, fixtures }) {
      const result = await call(
        'POST',
        `/csps/contracts/${fixtures.contracts.typeO}/cancellation-applications`,
        {
          as: { agentFor: fixtures.customers.portal.customerId },
          body: { reason: '', unexpected: true },
        },
      );
      assertProblem(result, 400, 'validation-failed');
      assert.ok(Array.isArray(at(result.body, 'errors')), 'validation problems list their errors');
      const quote = await call(
        'GET',
        `/csps/contracts/${fixtures.contracts.therefore}/cancellation-quote?desiredMonth=2027-13`,
        {
          as: { agentFor: fixtures.customers.portal.customerId },
        },
      );
      assertProblem(quote, 400, 'validation-failed');
    },
  },
  {
    name: 'unknown ids are not-found problems',
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.portal.customerId };
      assertProblem(await call('GET', '/csps/contracts/HMXX999999', { as }), 404, 'not-found');
      assertProblem(await call('GET', '/csps/applications/R-20260101-999999', { as }), 404, 'not-found');
      assertProblem(
        await call('POST', '/csps/applications/R-20260101-999999/submit', { as }),
        404,
        'not-found',
      );
      assertProblem(
        await call('DELETE', '/miemasu/devices/DEV-DOES-NOT-EXIST', {
          as: { agentFor: fixtures.customers.cameraTwo.customerId },
        }),
        404,
        'not-found',
      );
    },
  },
  {
    name: 'the same Idempotency-Key with a different request is refused',
    async run({ call, fixtures }) {
      const key = newKey();
      const as = { agentFor: fixtures.customers.cameraEmpty.customerId };
      const first = await call('POST', '/identity/verifications', {
        as: { none: true },
        key,
        body: { email: fixtures.customers.cameraEmpty.email },
      });
      assertOk(first, 202);
      const replay = await call('POST', '/identity/verifications', {
        as: { none: true },
        key,
        body: { email: fixtures.customers.cameraEmpty.email },
      });
      assertOk(replay, 202);
      assert.deepEqual(replay.body, first.body, 'a replay returns the stored response');
      const reuse = await call('POST', '/identity/verifications', {
        as: { none: true },
        key,
        body: { email: fixtures.customers.cameraTwo.email },
      });
      assertProblem(reuse, 422, 'idempotency-key-reuse');
      assertOk(await call('GET', '/miemasu/account', { as }));
    },
  },
];

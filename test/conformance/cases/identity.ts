/**
 * One-time-code verification and customer tokens.
 */
import assert from 'node:assert/strict';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, stringAt, targetNow } from '../target.js';

export const identityCases: ConformanceCase[] = [
  {
    name: 'starting a verification never reveals whether the address is registered, nor the code',
    async run({ call, fixtures }) {
      const known = assertOk(
        await call('POST', '/identity/verifications', {
          as: { none: true },
          body: { email: fixtures.customers.portal.email },
        }),
        202,
      );
      const unknown = assertOk(
        await call('POST', '/identity/verifications', {
          as: { none: true },
          body: { email: 'nobody-here@example.com' },
        }),
        202,
      );
      assert.deepEqual(Object.keys(known as object).sort(), Object.keys(unknown as object).sort());
      assert.equal(at(known, 'code'), undefined);
      const wrong = await call(
        'POST',
        `/identity/verifications/${stringAt(unknown, 'verificationId')}/confirm`,
        {
          as: { none: true },
          body: { code: '000000' },
        },
      );
      assertProblem(wrong, 400, 'verification-failed');
    },
  },
  {
    name: 'a confirmed code yields a token for that customer, once',
    needsCodes: true,
    async run({ call, fixtures, target }) {
      const { email, customerId } = fixtures.customers.cameraEmpty;
      const started = assertOk(
        await call('POST', '/identity/verifications', { as: { none: true }, body: { email } }),
        202,
      );
      const id = stringAt(started, 'verificationId');
      const code = await target.readCode?.(email);
      assert.ok(code, 'the backend sent a code to the registered address');
      const wrongCode = code === '999999' ? '999998' : '999999';
      assertProblem(
        await call('POST', `/identity/verifications/${id}/confirm`, {
          as: { none: true },
          body: { code: wrongCode },
        }),
        400,
        'verification-failed',
      );
      const confirmed = assertOk(
        await call('POST', `/identity/verifications/${id}/confirm`, { as: { none: true }, body: { code } }),
      );
      assert.equal(stringAt(confirmed, 'customerId'), customerId);
      const token = stringAt(confirmed, 'token');
      // The token must still be valid by the target's own clock (never this machine's: the two may differ).
      const issuedAt = await targetNow(target, call);
      const expiresAt = Date.parse(stringAt(confirmed, 'expiresAt'));
      assert.ok(
        expiresAt > issuedAt.getTime(),
        `the token expires at ${stringAt(confirmed, 'expiresAt')}, not after the target's now ${issuedAt.toISOString()}`,
      );
      const account = assertOk(await call('GET', '/miemasu/account', { as: { token } }));
      assert.equal(at(account, 'customerId'), customerId);
      assertProblem(
        await call('POST', `/identity/verifications/${id}/confirm`, { as: { none: true }, body: { code } }),
        400,
        'verification-failed',
      );
    },
  },
  {
    name: 'five wrong codes lock the verification',
    needsCodes: true,
    async run({ call, fixtures, target }) {
      const { email } = fixtures.customers.portalOther;
      const started = assertOk(
        await call('POST', '/identity/verifications', { as: { none: true }, body: { email } }),
        202,
      );
      const id = stringAt(started, 'verificationId');
      const code = await target.readCode?.(email);
      const wrongCode = code === '123456' ? '654321' : '123456';
      for (let attempt = 1; attempt < 5; attempt++) {
        const result = await call('POST', `/identity/verifications/${id}/confirm`, {
          as: { none: true },
          body: { code: wrongCode },
        });
        assertProblem(result, 400, 'verification-failed');
      }
      const fifth = await call('POST', `/identity/verifications/${id}/confirm`, {
        as: { none: true },
        body: { code: wrongCode },
      });
      assertProblem(fifth, 429, 'verification-locked');
      const right = await call('POST', `/identity/verifications/${id}/confirm`, {
        as: { none: true },
        body: { code },
      });
      assertProblem(right, 429, 'verification-locked');
    },
  },
];

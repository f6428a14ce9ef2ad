/**
 * `exchangeSiteAssertion`: a support-site assertion (JWT, HS256, shared secret) becomes a customer token; anything
 * wrong with it is one and the same 401.
 */
import assert from 'node:assert/strict';
import { signSiteAssertion } from '../../../src/identity/site-assertion.js';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, type Call, type ConformanceTarget, stringAt, targetNow } from '../target.js';

/** The site's secret and audience, and the backend's now (assertions are signed as of the backend's clock). */
async function siteOf(
  target: ConformanceTarget,
  call: Call,
): Promise<{ secret: string; audience: string; now: Date }> {
  if (!target.siteAssertions) throw new Error("This target's site secret is not known.");
  return { ...target.siteAssertions, now: await targetNow(target, call) };
}

export const siteSessionCases: ConformanceCase[] = [
  {
    name: 'a valid site assertion is exchanged for a token of that customer',
    needsSiteSecret: true,
    async run({ call, fixtures, target }) {
      const { secret, audience, now } = await siteOf(target, call);
      const { customerId } = fixtures.customers.cameraTwo;
      const assertion = await signSiteAssertion(secret, { customerId, audience, now });
      const exchanged = assertOk(
        await call('POST', '/identity/site-sessions', { as: { none: true }, body: { assertion } }),
      );
      assert.equal(stringAt(exchanged, 'customerId'), customerId);
      const token = stringAt(exchanged, 'token');
      const account = assertOk(await call('GET', '/miemasu/account', { as: { token } }));
      assert.equal(at(account, 'customerId'), customerId);
    },
  },
  {
    name: 'expired, forged and wrong-audience site assertions are refused alike (401 unauthenticated)',
    needsSiteSecret: true,
    async run({ call, fixtures, target }) {
      const { secret, audience, now } = await siteOf(target, call);
      const { customerId } = fixtures.customers.cameraTwo;
      const assertions = {
        expired: await signSiteAssertion(secret, {
          customerId,
          audience,
          now: new Date(now.getTime() - 2 * 3600_000),
          ttlSeconds: 600,
        }),
        forged: await signSiteAssertion(`${secret}-not-the-real-one`, { customerId, audience, now }),
        wrongAudience: await signSiteAssertion(secret, {
          customerId,
          audience: `${audience}-elsewhere`,
          now,
        }),
        unknownCustomer: await signSiteAssertion(secret, {
          customerId: 'no-such-customer-0000',
          audience,
          now,
        }),
      };
      for (const [name, assertion] of Object.entries(assertions)) {
        const refused = await call('POST', '/identity/site-sessions', {
          as: { none: true },
          body: { assertion },
        });
        assertProblem(refused, 401, 'unauthenticated');
        assert.equal(at(refused.body, 'token'), undefined, name);
      }
    },
  },
];

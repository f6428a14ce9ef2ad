/**
 * `exchangeSiteAssertion`: a customer signed in on the support site is identified without a one-time code. The
 * site signs a short-lived JWT (HS256, the secret it shares with the backend) naming the customer in `sub`; this
 * route checks it and answers with the same customer token `confirmVerification` gives.
 *
 * Every failure is the same 401 `unauthenticated`: the answer never says whether the signature, the expiry or the
 * customer was wrong, so it cannot be used to probe which customer ids exist.
 */
import { jwtVerify } from 'jose';
import { newSecret, sha256 } from '../auth.js';
import { ProblemError } from '../problem.js';
import { parseOrRefuse, siteAssertionBody } from '../request-schemas.js';
import { TOKEN_TTL_MS } from './identity.js';
import type { Route, SiteAssertionCheck } from './route.js';

/** Allowed clock difference between the support site and the backend. */
export const SITE_ASSERTION_CLOCK_TOLERANCE_S = 5;

/** The customer id the assertion names, or undefined when it is not valid now. */
async function assertedCustomer(
  assertion: string,
  check: SiteAssertionCheck,
  now: Date,
): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(assertion, check.secret, {
      algorithms: ['HS256'],
      currentDate: now,
      clockTolerance: SITE_ASSERTION_CLOCK_TOLERANCE_S,
      requiredClaims: ['sub', 'exp'],
      ...(check.audience ? { audience: check.audience } : {}),
    });
    return payload.sub;
  } catch {
    return undefined;
  }
}

export const siteSessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/identity/site-sessions',
    operationId: 'exchangeSiteAssertion',
    auth: 'none',
    write: true,
    async handle(context) {
      const { assertion } = parseOrRefuse(siteAssertionBody, context.body, 'body');
      const now = context.clock.now();
      const customerId = context.siteAssertions
        ? await assertedCustomer(assertion, context.siteAssertions, now)
        : undefined;
      if (!customerId || !context.state.customers.some((customer) => customer.customerId === customerId)) {
        throw new ProblemError(
          'unauthenticated',
          'The site assertion is not valid (signature, expiry or customer).',
        );
      }
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS).toISOString();
      context.state.tokens.push({ tokenHash: sha256(token), customerId, expiresAt });
      return { status: 200, body: { token, expiresAt, customerId } };
    },
  },
];

/**
 * Identity verification results become conversation credentials: the engine keeps `credentials` out of slots,
 * so a customer token is never rendered, stored in history snapshots, or written to a receipt.
 */
import type { Operation, OperationRegistry } from '../engine/operations.js';
import { SITE_ASSERTION_CREDENTIAL } from './site-assertion.js';

/** The credential name the backend client reads for customers (see `conversationCredentials`). */
export const CUSTOMER_TOKEN = 'customerToken';
/** The verified customer id (not secret, but trusted: it comes from the backend, never from typed text). */
export const VERIFIED_CUSTOMER_ID = 'customerId';

function withTokenAsCredential(operation: Operation): Operation {
  return {
    ...operation,
    async run(args, ctx) {
      const outcome = await operation.run(args, ctx);
      if (!outcome.ok || typeof outcome.data !== 'object' || outcome.data === null) return outcome;
      const { token, ...rest } = outcome.data as { token?: unknown; customerId?: unknown };
      if (typeof token !== 'string') return outcome;
      const credentials: Record<string, string> = { [CUSTOMER_TOKEN]: token };
      if (typeof rest.customerId === 'string') credentials[VERIFIED_CUSTOMER_ID] = rest.customerId;
      return { ok: true, data: { ...rest, credentials } };
    },
  };
}

/**
 * `exchangeSiteAssertion` reads the assertion from the turn's credentials itself (the web chat puts it there;
 * it is never a slot, so it is not stored in the conversation). Without one nothing is sent: refused with
 * `no-site-assertion`.
 */
function withAssertionFromCredentials(operation: Operation): Operation {
  return {
    ...operation,
    async run(_args, ctx) {
      const assertion = ctx.credentials?.[SITE_ASSERTION_CREDENTIAL];
      if (!assertion) return { ok: false, kind: 'refused', code: 'no-site-assertion' };
      return operation.run({ assertion }, ctx);
    },
  };
}

/**
 * The registry with the customer token of `confirmVerification` and `exchangeSiteAssertion` moved into
 * credentials. Identification writes only a sign-in record, nothing of the customer's services, so no such call
 * counts as a change ("stop" still says nothing changed).
 */
export function withIdentityCredentials(registry: OperationRegistry): OperationRegistry {
  const { startVerification, confirmVerification, exchangeSiteAssertion } = registry;
  if (!startVerification || !confirmVerification) return registry;
  return {
    ...registry,
    startVerification: { ...startVerification, mutates: false },
    confirmVerification: { ...withTokenAsCredential(confirmVerification), mutates: false },
    ...(exchangeSiteAssertion
      ? {
          exchangeSiteAssertion: {
            ...withTokenAsCredential(withAssertionFromCredentials(exchangeSiteAssertion)),
            mutates: false,
          },
        }
      : {}),
  };
}

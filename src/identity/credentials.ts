/**
 * Identity verification results become conversation credentials: the engine keeps `credentials` out of slots,
 * so a customer token is never rendered, stored in history snapshots, or written to a receipt.
 */
import type { Operation, OperationRegistry } from '../engine/operations.js';

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
 * The registry with `confirmVerification`'s token moved into credentials. Verification writes only a sign-in
 * record, nothing of the customer's services, so neither call counts as a change ("stop" still says nothing
 * changed).
 */
export function withIdentityCredentials(registry: OperationRegistry): OperationRegistry {
  const { startVerification, confirmVerification } = registry;
  if (!startVerification || !confirmVerification) return registry;
  return {
    ...registry,
    startVerification: { ...startVerification, mutates: false },
    confirmVerification: { ...withTokenAsCredential(confirmVerification), mutates: false },
  };
}

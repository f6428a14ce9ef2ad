import type { Middleware } from 'openapi-fetch';
import { type CallContext, CREDENTIAL_NAMES } from './call-context.js';
import { AUTHORIZATION_HEADER } from './headers.js';

/**
 * Returns the bearer token for one call, or `undefined` for an unauthenticated call (e.g. starting OTP).
 * Implementations must not log the token.
 */
export type CredentialProvider = (call: CallContext) => string | undefined | Promise<string | undefined>;

/**
 * The default provider: an agent authenticates with its `agentKey`; anyone else (a customer) with the
 * `customerToken` obtained from OTP verification.
 */
export const conversationCredentials: CredentialProvider = (call) =>
  call.actor?.kind === 'agent'
    ? call.credentials?.[CREDENTIAL_NAMES.agentKey]
    : call.credentials?.[CREDENTIAL_NAMES.customerToken];

/** Sets `Authorization: Bearer <token>` from `provider`, or removes the header when there is no token. */
export function authMiddleware(provider: CredentialProvider, call: CallContext): Middleware {
  return {
    async onRequest({ request }) {
      const token = await provider(call);
      if (token) request.headers.set(AUTHORIZATION_HEADER, `Bearer ${token}`);
      else request.headers.delete(AUTHORIZATION_HEADER);
      return request;
    },
  };
}

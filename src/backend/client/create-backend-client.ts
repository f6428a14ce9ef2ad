/**
 * The typed backend client: openapi-fetch over the contract's generated `paths`, with auth and acting-as
 * middleware and a resilient fetch (per-attempt timeout, bounded retries with backoff). `Idempotency-Key` is a
 * header parameter the contract requires on every write, so the caller passes it (`operation-bindings.ts`, the
 * only place it is set); no middleware sets it a second time.
 *
 * Usage: `const api = backend.with({ actor, credentials }); await settle('GET', api.GET(...))`.
 * `with` binds one call's context to a fresh openapi-fetch client (a few closures, cheap), so concurrent
 * conversations never share mutable per-call state such as credentials.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { actingAsMiddleware } from './acting-as-middleware.js';
import { authMiddleware, type CredentialProvider, conversationCredentials } from './auth-middleware.js';
import type { CallContext } from './call-context.js';
import { createResilientFetch, type ResilientFetchOptions } from './resilient-fetch.js';
import { traceMiddleware } from './trace-middleware.js';

export interface BackendClientOptions extends ResilientFetchOptions {
  /** The backend's root URL, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Where a call's bearer token comes from (default {@link conversationCredentials}). */
  credentials?: CredentialProvider | undefined;
}

export interface BackendClient<Paths extends {} = paths> {
  readonly baseUrl: string;
  /** An openapi-fetch client whose every request carries this call context. */
  with(call: CallContext): Client<Paths>;
}

export function createBackendClient<Paths extends {} = paths>(
  options: BackendClientOptions,
): BackendClient<Paths> {
  const { baseUrl, credentials = conversationCredentials, ...fetchOptions } = options;
  return {
    baseUrl,
    with(call) {
      const client = createClient<Paths>({
        baseUrl,
        fetch: createResilientFetch({ ...fetchOptions, timeoutMs: call.timeoutMs ?? fetchOptions.timeoutMs }),
      });
      client.use(authMiddleware(credentials, call), actingAsMiddleware(call), traceMiddleware());
      return client;
    },
  };
}

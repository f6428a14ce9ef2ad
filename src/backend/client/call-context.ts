import type { Actor } from '../../engine/turn.js';

/**
 * What one backend call needs to know about who is calling and how.
 * Built per call (usually from the engine's `OperationContext`) and bound to a client with `backend.with(call)`.
 */
export interface CallContext {
  /** Who is calling. An agent acting for a customer adds the `On-Behalf-Of` header. */
  actor?: Actor | undefined;
  /** Credentials obtained during the conversation, e.g. `customerToken` or `agentKey`. Never logged. */
  credentials?: Readonly<Record<string, string>> | undefined;
  /** Overrides the client's per-attempt timeout for this call, in milliseconds. */
  timeoutMs?: number | undefined;
}

/** Well-known credential names in {@link CallContext.credentials}. */
export const CREDENTIAL_NAMES = { customerToken: 'customerToken', agentKey: 'agentKey' } as const;

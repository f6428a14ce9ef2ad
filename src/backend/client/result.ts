/**
 * Turning any client call into a result value: calls never throw past this point, and the engine gets its
 * {@link OperationOutcome}.
 */
import type { OperationOutcome } from '../../engine/operations.js';
import type { ContractVerdict } from './contract.js';
import { type BackendError, errorFromResponse, errorFromThrown } from './errors.js';
import { isStateChanging } from './headers.js';

/** One call's result. `data` is `undefined` for body-less successes (204). */
export type BackendResult<T> = { ok: true; status: number; data: T } | { ok: false; error: BackendError };

/** The shape openapi-fetch resolves with. */
export interface FetchResultLike<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and classifies it. Success is decided by the HTTP status, not by `error`
 * being set: openapi-fetch leaves `error` undefined for body-less error responses.
 * @param method the call's HTTP method: a failed write has an unknown outcome, a failed read does not.
 */
export async function settle<T>(
  method: string,
  call: Promise<FetchResultLike<T>>,
): Promise<BackendResult<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { ok: true, status: response.status, data: data as T };
    return { ok: false, error: errorFromResponse(method, response.status, error) };
  } catch (thrown) {
    return { ok: false, error: errorFromThrown(method, thrown) };
  }
}

/** Judges one answer against the contract (see `contract.ts`). */
export type ResponseCheck = (status: number, body: unknown) => ContractVerdict;

/**
 * {@link settle}, with the answer checked against the contract first (invariant 8). Checked: every success, and
 * every refusal (a business `code` is a fact the dialog branches on). Not checked: answers the client does not
 * believe anyway (429, 5xx, our own misuse), which are already an unknown outcome or a bug.
 *
 * An answer the contract does not allow is `unreachable` — an unknown outcome: for a read nothing is shown, for a
 * write the outcome is not known and is reconciled with the same idempotency key, never treated as done or not done.
 */
export async function settleChecked<T>(
  method: string,
  call: Promise<FetchResultLike<T>>,
  check: ResponseCheck,
): Promise<BackendResult<T>> {
  let answer: FetchResultLike<T>;
  try {
    answer = await call;
  } catch (thrown) {
    return { ok: false, error: errorFromThrown(method, thrown) };
  }
  const { data, error, response } = answer;
  const result: BackendResult<T> = response.ok
    ? { ok: true, status: response.status, data: data as T }
    : { ok: false, error: errorFromResponse(method, response.status, error) };
  const believed = result.ok || result.error.kind === 'refused';
  if (!believed) return result;
  const verdict = check(response.status, response.ok ? data : error);
  if (verdict.ok) return result;
  return {
    ok: false,
    error: {
      kind: 'unreachable',
      reason: 'contract-mismatch',
      status: response.status,
      outcomeUnknown: isStateChanging(method),
      detail: verdict.detail,
    },
  };
}

/** The engine's view of a result: who failed, the problem code for refusals, and a loggable detail. */
export function toOperationOutcome(result: BackendResult<unknown>): OperationOutcome {
  if (result.ok) return { ok: true, data: result.data };
  return outcomeFromError(result.error);
}

export function outcomeFromError(error: BackendError): OperationOutcome {
  switch (error.kind) {
    case 'refused':
      return {
        ok: false,
        kind: 'refused',
        code: error.code,
        detail: error.detail ?? error.title,
        ...(error.status === 401 || error.status === 403 ? { callerRejected: true } : {}),
      };
    case 'unreachable':
      return {
        ok: false,
        kind: 'unreachable',
        detail: `${error.reason}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.detail}`,
        ...(error.reason === 'contract-mismatch' ? { offContract: true } : {}),
      };
    case 'bug':
      return {
        ok: false,
        kind: 'bug',
        detail: `${error.reason}: ${error.detail}`,
        ...(error.reason === 'unexpected-response' ? { offContract: true } : {}),
      };
  }
}

/**
 * Turning any client call into a result value: calls never throw past this point, and the engine gets its
 * {@link OperationOutcome}.
 */
import type { OperationOutcome } from '../../engine/operations.js';
import { type BackendError, errorFromResponse, errorFromThrown } from './errors.js';

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
      };
    case 'bug':
      return { ok: false, kind: 'bug', detail: `${error.reason}: ${error.detail}` };
  }
}

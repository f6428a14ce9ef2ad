/**
 * Typed backend errors, split by who failed, so dialogs branch on `kind` and never on raw statuses:
 * - `refused`: the backend understood and said no, with a stable problem `code` (RFC 9457 problem+json);
 * - `unreachable`: no usable answer (network, timeout, 429/5xx after retries); for a write the outcome is
 *   unknown (`outcomeUnknown`) and must be reconciled, never blindly repeated with a new key;
 * - `bug`: our side is wrong (invalid request, auth misuse, unexpected response); retrying cannot help.
 */
import { z } from 'zod';
import { isStateChanging } from './headers.js';
import { TransportError } from './transport-error.js';

export type BackendError =
  | { kind: 'refused'; status: number; code: string; title?: string | undefined; detail?: string | undefined }
  | {
      kind: 'unreachable';
      /** `contract-mismatch`: an answer the contract does not allow (invariant 8), believed in no part. */
      reason: 'network' | 'timeout' | 'aborted' | 'server-error' | 'rate-limited' | 'contract-mismatch';
      status?: number | undefined;
      /** True for writes: the backend may or may not have applied the change. */
      outcomeUnknown: boolean;
      detail: string;
    }
  | {
      kind: 'bug';
      reason:
        | 'invalid-request'
        | 'unauthenticated'
        | 'forbidden'
        | 'unexpected-response'
        | 'missing-idempotency-key'
        | 'invalid-arguments'
        | 'internal';
      status?: number | undefined;
      code?: string | undefined;
      detail: string;
    };

export type BackendErrorKind = BackendError['kind'];

/** The RFC 9457 members we read; extension members are allowed and ignored. */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  code: z.string().min(1).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/**
 * Generic problem codes that mean our side misused the contract (bad request, missing or reused idempotency
 * key, missing `On-Behalf-Of`, credentials not accepted): a bug whatever the status, never a business refusal.
 */
export const MISUSE_PROBLEM_CODES: ReadonlySet<string> = new Set([
  'forbidden',
  'on-behalf-of-required',
  'validation-failed',
  'idempotency-key-required',
  'idempotency-key-reuse',
]);

/** Statuses that mean our request was malformed or our credentials misused, whatever the body says. */
const BUG_STATUSES: Readonly<Record<number, 'invalid-request' | 'unauthenticated' | 'forbidden'>> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  405: 'invalid-request',
  406: 'invalid-request',
  415: 'invalid-request',
};

/**
 * Classifies a non-2xx HTTP answer.
 * @param body the parsed error body (openapi-fetch's `error`), a problem document when the backend follows spec.
 */
export function errorFromResponse(method: string, status: number, body: unknown): BackendError {
  const parsed = problemSchema.safeParse(body);
  const problem = parsed.success ? parsed.data : undefined;
  const outcomeUnknown = isStateChanging(method);
  // A stable business code decides, whatever the status: `verification-failed` is a 400 and
  // `verification-locked` a 429, yet both are refusals the dialog must branch on. An expired customer token
  // (`unauthenticated`) is one too: the dialog asks the customer to verify again.
  if (status >= 400 && status < 500 && problem?.code && !MISUSE_PROBLEM_CODES.has(problem.code)) {
    return { kind: 'refused', status, code: problem.code, title: problem.title, detail: problem.detail };
  }
  if (status === 429) {
    return { kind: 'unreachable', reason: 'rate-limited', status, outcomeUnknown, detail: 'rate limited' };
  }
  if (status >= 500) {
    return {
      kind: 'unreachable',
      reason: 'server-error',
      status,
      outcomeUnknown,
      detail: problem?.title ?? `HTTP ${status}`,
    };
  }
  const bugReason = BUG_STATUSES[status];
  if (bugReason) {
    return { kind: 'bug', reason: bugReason, status, code: problem?.code, detail: describe(status, problem) };
  }
  if (problem?.code && MISUSE_PROBLEM_CODES.has(problem.code)) {
    return {
      kind: 'bug',
      reason: 'invalid-request',
      status,
      code: problem.code,
      detail: describe(status, problem),
    };
  }
  if (status >= 400 && problem?.code) {
    return { kind: 'refused', status, code: problem.code, title: problem.title, detail: problem.detail };
  }
  return {
    kind: 'bug',
    reason: 'unexpected-response',
    status,
    detail: `${describe(status, problem)} (no problem code)`,
  };
}

/** Classifies an exception thrown by a client call (transport failure, unparsable body, our own code). */
export function errorFromThrown(method: string, thrown: unknown): BackendError {
  const outcomeUnknown = isStateChanging(method);
  if (thrown instanceof TransportError) {
    return { kind: 'unreachable', reason: thrown.reason, outcomeUnknown, detail: thrown.message };
  }
  if (thrown instanceof SyntaxError) {
    // A garbled answer to a write says nothing about whether the write happened: the outcome is unknown.
    if (outcomeUnknown) {
      return {
        kind: 'unreachable',
        reason: 'server-error',
        outcomeUnknown,
        detail: `response is not valid JSON: ${thrown.message}`,
      };
    }
    return {
      kind: 'bug',
      reason: 'unexpected-response',
      detail: `response is not valid JSON: ${thrown.message}`,
    };
  }
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return { kind: 'bug', reason: 'internal', detail: message };
}

function describe(status: number, problem: Problem | undefined): string {
  const text = [problem?.title, problem?.detail].filter(Boolean).join(': ');
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

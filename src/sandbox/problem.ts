/**
 * RFC 9457 problem details with the contract's stable codes.
 */
import { PROBLEM_TYPE_BASE, type ProblemCode } from '../backend/operation-metadata.js';

const TITLES: Record<ProblemCode, string> = {
  unauthenticated: 'Missing, invalid or expired credentials',
  forbidden: 'These credentials may not do this',
  'on-behalf-of-required': 'An agent must say which customer it acts for',
  'validation-failed': 'The request is not valid',
  'idempotency-key-required': 'An Idempotency-Key header is required',
  'idempotency-key-reuse': 'This Idempotency-Key was used for a different request',
  'not-found': 'Not found',
  'verification-failed': 'The code is wrong or has expired',
  'verification-locked': 'Too many wrong codes',
  'monthly-plan-not-covered': 'Monthly-plan accounts use a different procedure',
  'devices-remain': 'Every device must be deleted before withdrawal',
  'nvs-not-covered': 'NVS cloud cancellations are a separate procedure',
  'contract-not-active': 'The contract is not in サービス開始',
  'change-draft-exists': 'A change application (変更お申込作成中) is in progress',
  'partner-draft-exists': "A partner's draft (パートナー作成中) is in progress",
  'cancellation-draft-exists': 'A cancellation draft already exists',
  'already-cancelling': 'The contract is already being cancelled',
  'domain-disposition-required': 'Choose what happens to the domain',
  'domain-disposition-not-applicable': 'This service has no domain to dispose of',
  'desired-month-not-applicable': 'This service does not take a desired month',
  'desired-month-not-selectable': 'The desired month can not be selected',
  'application-not-submittable': 'Only a cancellation draft can be submitted',
  'application-not-withdrawable': 'Only a draft can be withdrawn',
  'partner-draft-not-withdrawable': "A partner's draft can only be withdrawn by the partner",
  'customer-not-found': 'No customer matches',
  'internal-error': 'Internal error',
};

const STATUSES: Partial<Record<ProblemCode, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  'on-behalf-of-required': 400,
  'validation-failed': 400,
  'idempotency-key-required': 400,
  'idempotency-key-reuse': 422,
  'not-found': 404,
  'customer-not-found': 404,
  'verification-failed': 400,
  'verification-locked': 429,
  'domain-disposition-required': 422,
  'domain-disposition-not-applicable': 422,
  'desired-month-not-applicable': 422,
  'desired-month-not-selectable': 422,
  'internal-error': 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  [extension: string]: unknown;
}

/** The HTTP status of a code: business refusals not listed are 409 Conflict. */
export function problemStatus(code: ProblemCode): number {
  return STATUSES[code] ?? 409;
}

export function problem(
  code: ProblemCode,
  detail?: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code],
    status: problemStatus(code),
    code,
    ...(detail === undefined ? {} : { detail }),
    ...extensions,
  };
}

/** Thrown by handlers to refuse: nothing the handler changed is kept. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(code: ProblemCode, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? code);
    this.problem = problem(code, detail, extensions);
  }
}

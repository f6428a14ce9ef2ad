/**
 * zod schemas of the request bodies and query parameters (mirroring openapi.yaml), and a parser that turns a
 * failure into a 400 `validation-failed` problem listing every issue.
 */
import { z } from 'zod';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from '../identity/email.js';
import { ProblemError } from './problem.js';
import { isMonth } from './rules/calendar.js';

const month = z.string().refine(isMonth, 'must be a month YYYY-MM');
/** The contract's e-mail rule (src/identity/email.ts), the same the bot checks before calling. */
const email = z.string().max(EMAIL_MAX_LENGTH).regex(EMAIL_PATTERN, 'must be an e-mail address');

export const startVerificationBody = z.strictObject({ email });
export const confirmVerificationBody = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'must be 6 digits'),
});
export const emptyBody = z.strictObject({});
export const createCancellationBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(1000),
  domainDisposition: z.enum(['transfer', 'abolish']).optional(),
  desiredMonth: month.optional(),
});
export const quoteQuery = z.strictObject({ desiredMonth: month.optional() });
export const findCustomerQuery = z
  .strictObject({
    email: email.optional(),
    contractNumber: z.string().trim().min(1).max(32).optional(),
  })
  .refine((query) => (query.email === undefined) !== (query.contractNumber === undefined), {
    message: 'give exactly one of email or contractNumber',
  });
export const siteAssertionBody = z.strictObject({ assertion: z.string().min(1).max(4096) });

/** Parses `value` or throws a `validation-failed` problem whose `errors` name each bad field. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const detail = `Invalid ${what}: ${errors.map((error) => `${error.path} ${error.message}`).join('; ')}.`;
  throw new ProblemError('validation-failed', detail, { errors });
}

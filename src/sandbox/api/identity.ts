/**
 * One-time-code verification to the registered e-mail address → short-lived customer token.
 */
import { newOneTimeCode, newSecret, sha256 } from '../auth.js';
import { ProblemError, problem } from '../problem.js';
import { confirmVerificationBody, parseOrRefuse, startVerificationBody } from '../request-schemas.js';
import type { Route } from './route.js';

export const VERIFICATION_TTL_MS = 10 * 60 * 1000;
export const TOKEN_TTL_MS = 30 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

const codeHash = (verificationId: string, code: string): string => sha256(`${verificationId}:${code}`);

export const identityRoutes: Route[] = [
  {
    method: 'POST',
    path: '/identity/verifications',
    operationId: 'startVerification',
    auth: 'none',
    write: true,
    handle(context) {
      const { email } = parseOrRefuse(startVerificationBody, context.body, 'body');
      const customer = context.state.customers.find(
        (candidate) => candidate.email.toLowerCase() === email.toLowerCase(),
      );
      const verificationId = `V-${newSecret().slice(0, 16)}`;
      const code = newOneTimeCode();
      const expiresAt = new Date(context.clock.now().getTime() + VERIFICATION_TTL_MS).toISOString();
      context.state.verifications.push({
        verificationId,
        customerId: customer?.customerId,
        codeHash: codeHash(verificationId, code),
        expiresAt,
        attempts: 0,
        used: false,
      });
      if (customer) {
        context.sendMail({
          to: customer.email,
          subject: '確認コードのお知らせ',
          body: `確認コードは ${code} です。${VERIFICATION_TTL_MS / 60_000}分以内に入力してください。`,
          code,
          verificationId,
          sentAt: context.clock.now().toISOString(),
        });
      }
      return { status: 202, body: { verificationId, expiresAt } };
    },
  },
  {
    method: 'POST',
    path: '/identity/verifications/{verificationId}/confirm',
    operationId: 'confirmVerification',
    auth: 'none',
    write: true,
    handle(context) {
      const { code } = parseOrRefuse(confirmVerificationBody, context.body, 'body');
      const verification = context.state.verifications.find(
        (candidate) => candidate.verificationId === context.params.verificationId,
      );
      const now = context.clock.now();
      if (!verification || verification.used || Date.parse(verification.expiresAt) <= now.getTime()) {
        throw new ProblemError(
          'verification-failed',
          'The verification is unknown, used or expired; start again.',
        );
      }
      if (verification.attempts >= MAX_CODE_ATTEMPTS) {
        throw new ProblemError('verification-locked', 'Too many wrong codes; start a new verification.');
      }
      if (!verification.customerId || verification.codeHash !== codeHash(verification.verificationId, code)) {
        verification.attempts += 1;
        const locked = verification.attempts >= MAX_CODE_ATTEMPTS;
        const refusal = locked
          ? problem('verification-locked', 'Too many wrong codes; start a new verification.')
          : problem('verification-failed', 'The code is wrong or has expired.');
        return { status: refusal.status, body: refusal };
      }
      verification.used = true;
      const token = newSecret();
      const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS).toISOString();
      context.state.tokens.push({ tokenHash: sha256(token), customerId: verification.customerId, expiresAt });
      return { status: 200, body: { token, expiresAt, customerId: verification.customerId } };
    },
  },
];

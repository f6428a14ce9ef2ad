/**
 * Who may see the dashboard: whoever presents `ADMIN_TOKEN`, as `Authorization: Bearer <token>` (scripts, CSV
 * downloads with curl) or through the sign-in form, which sets a session cookie (HttpOnly, SameSite=Strict,
 * `Path=/admin`; Secure in production). The cookie's value is an HMAC of a fixed label keyed by the token: no
 * server-side session state (every instance accepts it), and changing ADMIN_TOKEN signs everybody out.
 * Comparisons are constant-time over SHA-256 digests, so neither content nor length leaks through timing.
 * Failed sign-ins are limited (10 a minute per instance) against guessing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const ADMIN_COOKIE = 'helpdesk_admin';
const SESSION_SECONDS = 8 * 3600;
const FAILURES_PER_MINUTE = 10;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time equality of two strings (of any lengths). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export interface AdminAuth {
  /** Whether the request carries the token (bearer) or a valid session cookie. */
  authorized(request: IncomingMessage): boolean;
  /** Checks a token typed into the sign-in form. */
  tokenMatches(given: string): boolean;
  /** False while too many sign-ins failed in the last minute. */
  mayTry(now: number): boolean;
  failed(now: number): void;
  sessionCookie(): string;
  clearCookie(): string;
}

export function adminAuth(token: string, options: { secureCookie: boolean }): AdminAuth {
  const session = createHmac('sha256', token).update('helpdesk-admin-session-v1').digest('base64url');
  const secure = options.secureCookie ? '; Secure' : '';
  let failures: number[] = [];
  const cookieValue = (request: IncomingMessage): string | undefined => {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === ADMIN_COOKIE) return rest.join('=');
    }
    return undefined;
  };
  return {
    authorized(request) {
      const header = request.headers.authorization ?? '';
      if (header.startsWith('Bearer ') && sameSecret(header.slice(7).trim(), token)) return true;
      const cookie = cookieValue(request);
      return cookie !== undefined && sameSecret(cookie, session);
    },
    tokenMatches: (given) => sameSecret(given, token),
    mayTry(now) {
      failures = failures.filter((at) => now - at < 60_000);
      return failures.length < FAILURES_PER_MINUTE;
    },
    failed(now) {
      failures.push(now);
    },
    sessionCookie: () =>
      `${ADMIN_COOKIE}=${session}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure}`,
    clearCookie: () => `${ADMIN_COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0${secure}`,
  };
}

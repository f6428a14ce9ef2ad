/**
 * Response helpers of the web chat: every response (page, asset, API, receipt) carries the same security
 * headers — a Content-Security-Policy without inline scripts or styles, `nosniff`, no referrer — and API
 * answers are never cached.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../../src/engine/turn.js';
import { problemMessage, type WebProblem } from './messages.js';

export interface SecurityOptions {
  /** CSP `frame-ancestors` sources, e.g. `'self' https://support.example.com`. */
  frameAncestors: string;
}

export { checkFrameAncestors } from '../../src/http/frame-ancestors.js';

export function securityHeaders(options: SecurityOptions): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}

export type Send = (
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
) => void;

/** Writes a response with the security headers (plus `headers`). */
export function sender(options: SecurityOptions): Send {
  const base = securityHeaders(options);
  return (response, status, body, headers) => {
    response.writeHead(status, { ...base, ...headers });
    response.end(body);
  };
}

export function sendApiJson(
  send: Send,
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(response, status, JSON.stringify(body), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
}

/** A polite JSON problem: `{ error, message }` in the session's language. */
export function sendProblem(
  send: Send,
  response: ServerResponse,
  status: number,
  problem: WebProblem,
  locale: Locale,
  headers: Record<string, string> = {},
): void {
  sendApiJson(send, response, status, { error: problem, message: problemMessage(problem, locale) }, headers);
}

/** Whether the request reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttps(request: IncomingMessage): boolean {
  const socket = request.socket as { encrypted?: boolean };
  return socket.encrypted === true || request.headers['x-forwarded-proto'] === 'https';
}

/**
 * Defence in depth for state-changing requests, on top of the SameSite=Strict cookie: the body must be JSON (a
 * cross-site form cannot send it without a CORS preflight) and a browser's `Origin`, when sent, must be ours.
 */
export function postProblem(request: IncomingMessage): WebProblem | undefined {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return 'unsupported-media-type';
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  try {
    return new URL(origin).host === host ? undefined : 'forbidden';
  } catch {
    return 'forbidden';
  }
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

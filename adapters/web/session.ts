/**
 * Web chat sessions. The browser holds a random secret in an HttpOnly, SameSite=Strict cookie (Secure over
 * HTTPS); the server keys everything by its SHA-256 (the public session id), so the secret itself is never
 * stored, logged or used as a conversation key. A cookie the server does not know (expired, forged, from another
 * deployment) is replaced by a fresh session — a client cannot choose its session id. A session store that does not
 * answer is a {@link StorageUnavailableError} (503, Retry-After), never "unknown": a valid cookie is never replaced
 * because the store is down.
 *
 * The record holds what must survive a reload or restart but never appear in the transcript: the chosen UI
 * language, the verified site token (a credential) and the receipt ids shown to this session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Keyv } from 'keyv';
import type { RateLimiter } from '../../src/channels/rate-limit.js';
import type { Locale } from '../../src/engine/turn.js';
import { TooManyRequestsError } from '../../src/http/too-many.js';
import { orUnavailable } from '../../src/storage/unavailable.js';

export const COOKIE_NAME = 'helpdesk_chat';
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Receipt ids remembered per session for viewing (newest kept). */
const RECEIPTS_KEPT = 100;

export interface SiteIdentity {
  /** The verified JWT, passed to the engine as the `siteAssertion` credential. */
  jwt: string;
  /** Expiry (ms since epoch); an expired token is dropped, never sent. */
  expiresAt: number;
  /** A display name from the token, for "signed in as …". */
  name?: string | undefined;
}

export interface WebSession {
  /** Public id: base64url SHA-256 of the cookie secret. Conversation key `web:<id>`. */
  id: string;
  locale: Locale;
  site?: SiteIdentity | undefined;
  receipts: string[];
}

export type CookieSecurity = 'auto' | 'always' | 'never';

export interface SessionsOptions {
  ttlMs: number;
  /**
   * Limits creating sessions per client address (requests without a known cookie each create one): a refusal is a
   * {@link TooManyRequestsError} (429), so dropping the cookie cannot bypass the per-session limit.
   */
  creation?: { limiter: RateLimiter; addressOf(request: IncomingMessage): string } | undefined;
  cookieSecurity: CookieSecurity;
  isHttps(request: IncomingMessage): boolean;
}

export function publicId(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 32);
}

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export class Sessions {
  constructor(
    private readonly keyv: Keyv<WebSession>,
    private readonly options: SessionsOptions,
  ) {}

  /** The request's known session, without creating one. */
  async find(request: IncomingMessage): Promise<WebSession | undefined> {
    const secret = readCookie(request, COOKIE_NAME);
    if (!secret || !SECRET_PATTERN.test(secret)) return undefined;
    return (await this.read(publicId(secret))) ?? undefined;
  }

  /** The record, or a {@link StorageUnavailableError} when the store fails (the keyv must throw on errors). */
  private read(id: string): Promise<WebSession | undefined> {
    return orUnavailable('web session', async () => (await this.keyv.get(id)) ?? undefined);
  }

  /**
   * The request's session, or a new one (cookie set on `response`). The cookie is re-sent each time, so its
   * lifetime slides with the idle limit, as the record's does whenever a turn saves it. `locale` applies to a new
   * session only.
   */
  async open(request: IncomingMessage, response: ServerResponse, locale: Locale = 'ja'): Promise<WebSession> {
    const secret = readCookie(request, COOKIE_NAME);
    if (secret && SECRET_PATTERN.test(secret)) {
      const known = await this.read(publicId(secret));
      if (known) {
        // Not saved here: changes happen under the session's lock (a turn saves, which slides the TTL).
        this.setCookie(request, response, secret);
        return known;
      }
    }
    const creation = this.options.creation;
    if (creation) {
      const admission = await creation.limiter.take(`new-session:${creation.addressOf(request)}`);
      if (!admission.ok) throw new TooManyRequestsError(admission.retryAfterMs, 'new chat sessions');
    }
    const fresh = randomBytes(32).toString('base64url');
    const session: WebSession = { id: publicId(fresh), locale, receipts: [] };
    await this.save(session);
    this.setCookie(request, response, fresh);
    return session;
  }

  /** A session by its public id (re-read under the session's lock before changing it). */
  async get(id: string): Promise<WebSession | undefined> {
    return this.read(id);
  }

  async save(session: WebSession): Promise<void> {
    await orUnavailable('web session', () => this.keyv.set(session.id, session, this.options.ttlMs));
  }

  /** Adds receipt ids shown in this session (bounded; the newest are kept). */
  rememberReceipts(session: WebSession, ids: readonly string[]): boolean {
    const fresh = ids.filter((id) => !session.receipts.includes(id));
    if (fresh.length === 0) return false;
    session.receipts = [...session.receipts, ...fresh].slice(-RECEIPTS_KEPT);
    return true;
  }

  private setCookie(request: IncomingMessage, response: ServerResponse, secret: string): void {
    const secure =
      this.options.cookieSecurity === 'always' ||
      (this.options.cookieSecurity === 'auto' && this.options.isHttps(request));
    const attributes = [
      `${COOKIE_NAME}=${secret}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${Math.floor(this.options.ttlMs / 1000)}`,
      ...(secure ? ['Secure'] : []),
    ];
    response.setHeader('set-cookie', attributes.join('; '));
  }
}

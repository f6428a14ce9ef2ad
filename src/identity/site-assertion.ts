/**
 * Site assertions: the operator's support site, where the customer is already signed in, embeds the web chat with
 * a short-lived JWT naming the customer. The web chat verifies it and passes it on each turn as the credential
 * {@link SITE_ASSERTION_CREDENTIAL}; the `identify` dialog exchanges it with the backend (`exchangeSiteAssertion`)
 * for a customer token, so the customer needs no one-time code.
 *
 * Claims (see openapi.yaml): `sub` = the customer id, `exp` (required, keep it short), `iat`, `aud` = the chat's
 * audience (`WEB_TOKEN_AUDIENCE`). Algorithm HS256 with the secret the site shares with the backend and the chat
 * (`WEB_TOKEN_SECRET`).
 */
import { SignJWT } from 'jose';

/** The per-turn credential name the web chat uses for a verified site assertion. */
export const SITE_ASSERTION_CREDENTIAL = 'siteAssertion';

/** How long a minted assertion is valid by default: long enough for one chat, short enough to be harmless. */
export const SITE_ASSERTION_DEFAULT_TTL_S = 15 * 60;

export interface SiteAssertionClaims {
  customerId: string;
  audience: string;
  /** Seconds until expiry (default {@link SITE_ASSERTION_DEFAULT_TTL_S}). */
  ttlSeconds?: number;
  /** Issue time (default now); tests pass their clock. */
  now?: Date;
}

/**
 * Signs an assertion as the support site would (HS256). For the demo sign-in picker and tests; a real deployment's
 * site signs its own.
 */
export async function signSiteAssertion(secret: string, claims: SiteAssertionClaims): Promise<string> {
  const issuedAt = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.customerId)
    .setAudience(claims.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (claims.ttlSeconds ?? SITE_ASSERTION_DEFAULT_TTL_S))
    .sign(new TextEncoder().encode(secret));
}

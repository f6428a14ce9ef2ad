/**
 * Customer identity from the support site: the site embeds the chat with `?token=<JWT>`, signed HS256 with the
 * shared secret, for our audience. Verified here (signature, algorithm, audience, expiry, subject); the backend
 * verifies it again when the identify dialog exchanges it. Demo mode mints such tokens for the demo customers.
 */
import { jwtVerify } from 'jose';
import { signSiteAssertion } from '../../src/identity/site-assertion.js';
import type { SiteIdentity } from './session.js';

export interface TokenSettings {
  /** `config.WEB_TOKEN_SECRET`; without it no token is accepted. */
  secret: string | undefined;
  audience: string;
  now: () => Date;
}

/** Demo tokens live an hour. */
const DEMO_TOKEN_SECONDS = 3600;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The identity a token vouches for, or undefined when it cannot be trusted (never says why to the client). */
export async function verifySiteToken(
  token: string,
  settings: TokenSettings,
): Promise<SiteIdentity | undefined> {
  if (!settings.secret || token.length > 4096) return undefined;
  try {
    const { payload } = await jwtVerify(token, key(settings.secret), {
      algorithms: ['HS256'],
      audience: settings.audience,
      requiredClaims: ['exp', 'sub'],
      currentDate: settings.now(),
      clockTolerance: 30,
    });
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string' || payload.sub === '')
      return undefined;
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 100) : undefined;
    return { jwt: token, expiresAt: payload.exp * 1000, name };
  } catch {
    return undefined;
  }
}

/** Demo mode only: what the support site would issue for this customer (an hour, for a demo's pace). */
export function mintSiteToken(
  customerId: string,
  settings: TokenSettings & { secret: string },
): Promise<string> {
  return signSiteAssertion(settings.secret, {
    customerId,
    audience: settings.audience,
    ttlSeconds: DEMO_TOKEN_SECONDS,
    now: settings.now(),
  });
}

/** The token to pass on a turn: only while it is unexpired. */
export function liveSiteToken(site: SiteIdentity | undefined, now: Date): string | undefined {
  return site && site.expiresAt > now.getTime() ? site.jwt : undefined;
}

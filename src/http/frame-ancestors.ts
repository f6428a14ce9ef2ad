/**
 * The web chat's `WEB_FRAME_ANCESTORS` (CSP `frame-ancestors` sources): checked at start by the configuration and
 * again where the header is built.
 */

/** `frame-ancestors` sources: scheme/host sources and quoted keywords only, so nothing can inject directives. */
const SOURCE = /^(?:'self'|'none'|https?:\/\/[A-Za-z0-9.*:-]+|[A-Za-z0-9.*-]+(?::\d+)?)$/;

/** The sources joined by single spaces; throws a sentence naming the first bad source. */
export function checkFrameAncestors(value: string): string {
  const sources = value.trim().split(/\s+/);
  for (const source of sources) {
    if (!SOURCE.test(source))
      throw new Error(`Invalid frame-ancestors source "${source}" (web chat options)`);
  }
  return sources.join(' ');
}

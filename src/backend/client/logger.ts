/**
 * The small logging surface the client uses; a pino logger satisfies it.
 * The client only ever logs methods, redacted paths, statuses, attempts and delays: never headers or bodies.
 */
export interface BackendLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: BackendLogger = {
  debug: () => {},
  warn: () => {},
};

const PLAIN_SEGMENT = /^[a-z][a-z-]*$/;

/**
 * A URL's path with every segment that is not a plain lowercase word replaced by `*`, so ids, contract
 * numbers and query strings (possibly personal data) never reach the log: `/miemasu/devices/CameraOA` →
 * `/miemasu/devices/*`.
 */
export function redactPath(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENT.test(segment) ? segment : '*'))
    .join('/');
}

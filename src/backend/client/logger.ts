import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

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

const correlation = new AsyncLocalStorage<string>();

/** A fresh correlation id: random, 16 hex digits, derived from nothing about the user or the turn. */
export function newCorrelationId(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}

/**
 * Runs `fn` with `id` as the correlation id of the work it starts (its async continuations included), so the
 * lines the bot and the client log about one turn carry the same `correlationId`.
 */
export function withCorrelationId<T>(id: string, fn: () => T): T {
  return correlation.run(id, fn);
}

/** The correlation id of the turn in progress, `undefined` outside one. */
export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}

/** `logger` with the current correlation id (when there is one) added to every line as `correlationId`. */
export function correlatedLogger(logger: BackendLogger): BackendLogger {
  const withId = (fields: Record<string, unknown>) => {
    const correlationId = currentCorrelationId();
    return correlationId === undefined ? fields : { ...fields, correlationId };
  };
  return {
    debug: (fields, message) => logger.debug(withId(fields), message),
    warn: (fields, message) => logger.warn(withId(fields), message),
  };
}

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

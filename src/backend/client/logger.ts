import { AsyncLocalStorage } from 'node:async_hooks';
import { newSpanId, newTraceId, type TraceContext } from './trace-context.js';

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

const correlation = new AsyncLocalStorage<TraceContext>();

/**
 * A fresh correlation id: a new W3C trace id (32 hex digits, random), derived from nothing about the user or the
 * turn. A turn's correlation id IS its trace id (see `trace-context.ts`).
 */
export function newCorrelationId(): string {
  return newTraceId();
}

/**
 * Runs `fn` with `id` as the correlation id of the work it starts (its async continuations included), so the
 * lines the bot and the client log about one turn carry the same `correlationId`. A 32-hex-digit id is also the
 * trace id backend calls send in `traceparent` (with a new span id); others are used for logs only.
 */
export function withCorrelationId<T>(id: string, fn: () => T): T {
  return correlation.run({ traceId: id, spanId: newSpanId(), flags: '01' }, fn);
}

/** Runs `fn` under `trace`: its trace id is the correlation id of every log line and backend call it starts. */
export function withTrace<T>(trace: TraceContext, fn: () => T): T {
  return correlation.run(trace, fn);
}

/** The correlation id (= trace id) of the turn in progress, `undefined` outside one. */
export function currentCorrelationId(): string | undefined {
  return correlation.getStore()?.traceId;
}

/** The trace of the turn in progress, `undefined` outside one. */
export function currentTrace(): TraceContext | undefined {
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

/**
 * W3C Trace Context for one turn (https://www.w3.org/TR/trace-context/): the turn runs under a trace id — taken
 * from an incoming `traceparent` (the web chat's HTTP request) or new — and the bot's own span id. The trace id IS
 * the turn's correlation id: every log line of the turn carries it (`logger.ts`), and every backend call of the
 * turn sends `traceparent: 00-<trace id>-<the bot's span id>-<flags>` (`trace-middleware.ts`).
 */
import { randomFillSync } from 'node:crypto';

export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** The bot's span for this turn: 16 lowercase hex digits, not all zero. */
  spanId: string;
  /** Trace flags (2 hex digits); `01` = sampled. */
  flags: string;
}

export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;

/**
 * Random bytes drawn from a pool refilled 4 KiB at a time, as `crypto.randomUUID` buffers its own: one system
 * call per ~170 turns instead of two per turn (the `instrumentation` bench's profile found `randomBytes` at 16 %
 * of a turn's CPU on this machine kind). The bytes are as random; trace ids are not secrets.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

function nonZeroHex(bytes: number): string {
  for (;;) {
    if (used + bytes > POOL_BYTES) {
      randomFillSync(pool);
      used = 0;
    }
    const hex = pool.toString('hex', used, used + bytes);
    used += bytes;
    if (!/^0+$/.test(hex)) return hex;
  }
}

export const newTraceId = (): string => nonZeroHex(16);
export const newSpanId = (): string => nonZeroHex(8);

/**
 * The caller's trace from a `traceparent` header value, or `undefined` when absent or invalid (version `ff`,
 * all-zero ids, wrong lengths or case: the spec says to start a new trace then). Versions above `00` are read by
 * their first four fields, as the spec asks.
 */
export function parseTraceparent(value: string | undefined): { traceId: string; flags: string } | undefined {
  if (value === undefined) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, parentId, flags] = match;
  if (version === 'ff' || !traceId || !parentId || !flags) return undefined;
  if (version === '00' && value.trim().length !== 55) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { traceId, flags };
}

/** A turn's trace: the caller's trace id and flags when `traceparent` is valid, else a new sampled trace. */
export function traceForTurn(traceparent?: string): TraceContext {
  const parent = parseTraceparent(traceparent);
  return { traceId: parent?.traceId ?? newTraceId(), spanId: newSpanId(), flags: parent?.flags ?? '01' };
}

export function formatTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
}

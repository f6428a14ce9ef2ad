import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_RETRY_OPTIONS,
  isRetryableRequest,
  parseRetryAfterMs,
} from '../../../src/backend/client/retry-policy.js';

describe('isRetryableRequest', () => {
  it('retries reads, and writes only when they carry an Idempotency-Key', () => {
    expect(isRetryableRequest('GET', new Headers())).toBe(true);
    expect(isRetryableRequest('head', new Headers())).toBe(true);
    expect(isRetryableRequest('POST', new Headers())).toBe(false);
    expect(isRetryableRequest('DELETE', new Headers())).toBe(false);
    expect(isRetryableRequest('POST', new Headers({ 'Idempotency-Key': 'k-12345678' }))).toBe(true);
    expect(isRetryableRequest('DELETE', new Headers({ 'idempotency-key': 'k-12345678' }))).toBe(true);
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('doubles the ceiling per retry and scales it by the random draw', () => {
    const half = () => 0.5;
    expect(backoffDelayMs(1, DEFAULT_RETRY_OPTIONS, half)).toBe(100);
    expect(backoffDelayMs(2, DEFAULT_RETRY_OPTIONS, half)).toBe(200);
    expect(backoffDelayMs(3, DEFAULT_RETRY_OPTIONS, half)).toBe(400);
    expect(backoffDelayMs(10, DEFAULT_RETRY_OPTIONS, half)).toBe(1000);
    expect(backoffDelayMs(1, DEFAULT_RETRY_OPTIONS, () => 0)).toBe(0);
  });

  it('always stays within [0, maxDelayMs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, draw) => {
          const ms = backoffDelayMs(retry, DEFAULT_RETRY_OPTIONS, () => draw);
          return ms >= 0 && ms < DEFAULT_RETRY_OPTIONS.maxDelayMs && Number.isInteger(ms);
        },
      ),
    );
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-23T03:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now; a past date means no wait', () => {
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 03:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 02:59:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or malformed header', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});

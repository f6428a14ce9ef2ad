/**
 * W3C trace ids from the pooled random source (`src/backend/client/trace-context.ts`): the right length and
 * alphabet, never all zero, and never repeated — also across the pool's refills (4 KiB = 170 turns' ids).
 */
import { describe, expect, it } from 'vitest';
import {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
  traceForTurn,
} from '../../src/backend/client/trace-context.js';

describe('trace ids', () => {
  it('are 32 / 16 lower-case hex digits, not all zero, and unique over many pool refills', () => {
    const traces = new Set<string>();
    const spans = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const trace = newTraceId();
      const span = newSpanId();
      expect(trace).toMatch(/^[0-9a-f]{32}$/);
      expect(span).toMatch(/^[0-9a-f]{16}$/);
      expect(trace).not.toMatch(/^0+$/);
      expect(span).not.toMatch(/^0+$/);
      traces.add(trace);
      spans.add(span);
    }
    expect(traces.size).toBe(5000);
    expect(spans.size).toBe(5000);
  });

  it('a turn keeps its caller’s trace id and gets a span of its own; the header reads back', () => {
    const caller = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const turn = traceForTurn(caller);
    expect(turn.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(turn.spanId).not.toBe('00f067aa0ba902b7');
    expect(parseTraceparent(formatTraceparent(turn))).toEqual({ traceId: turn.traceId, flags: '01' });
  });
});

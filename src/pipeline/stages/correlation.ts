/**
 * The correlation stage: the rest of the turn runs under one W3C trace — the caller's (`InboundTurn.traceparent`,
 * e.g. the web chat's HTTP request) or a new one. Its trace id is the turn's correlation id: every log line of the
 * turn (the fault log, the backend client) carries it, and every backend call sends it in `traceparent`.
 */
import { withTrace } from '../../backend/client/logger.js';
import { traceForTurn } from '../../backend/client/trace-context.js';
import type { NamedStage } from '../types.js';

export function correlationStage(): NamedStage {
  return {
    name: 'correlation',
    run: (ctx, next) => withTrace(traceForTurn(ctx.inbound.traceparent), next),
  };
}

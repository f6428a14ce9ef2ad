/**
 * The correlation stage: the rest of the turn runs under a fresh correlation id, which every log line of the turn
 * (the fault log, the backend client) carries.
 */
import { newCorrelationId, withCorrelationId } from '../../backend/client/logger.js';
import type { NamedStage } from '../types.js';

export function correlationStage(): NamedStage {
  return { name: 'correlation', run: (_ctx, next) => withCorrelationId(newCorrelationId(), next) };
}

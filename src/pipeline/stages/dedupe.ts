/**
 * The de-duplication stage: a delivery id seen before (a platform retry) ends the turn with no replies and
 * nothing run. A fast path only (see `Deduper`): the engine's own `Turn.id` check, under compare-and-set, covers
 * two copies arriving at the same instant. The id is passed on as `Turn.id`.
 */
import type { Deduper } from '../../channels/dedupe.js';
import type { NamedStage } from '../types.js';

export function dedupeStage(deduper: Deduper | undefined): NamedStage {
  return {
    name: 'dedupe',
    async run(ctx, next) {
      const id = ctx.inbound.deliveryId;
      if (deduper && id !== undefined && !(await deduper.firstTime(id))) {
        ctx.outcome = 'duplicate';
        return [];
      }
      return next();
    },
  };
}

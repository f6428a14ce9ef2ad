/**
 * Remembers platform delivery ids (Slack `event_id`, Teams activity id) for a while, so a redelivery is
 * acknowledged without running again. A fast path only: Keyv has no set-if-absent, so two copies arriving in the
 * same instant can both pass here; the engine's own `Turn.id` check (under compare-and-set) then answers the
 * second with nothing. Pass the same id as `Turn.id`.
 */
import type { Keyv } from 'keyv';

export interface Deduper {
  /** True the first time an id is seen within the time to live; false for a repeat. */
  firstTime(id: string): Promise<boolean>;
}

export const DEDUPE_TTL_MS = 15 * 60_000;

export function keyvDeduper(keyv: Keyv<number>, ttlMs = DEDUPE_TTL_MS): Deduper {
  return {
    async firstTime(id) {
      if ((await keyv.get(id)) !== undefined) return false;
      await keyv.set(id, Date.now(), ttlMs);
      return true;
    },
  };
}

/**
 * Where the Slack adapter remembers the last question it posted per place (a direct message or a thread, per
 * user), so the buttons come off once the question is answered or superseded (invariant 3).
 *
 * - {@link memoryQuestions}: this process's memory, bounded (tests, STORE=memory).
 * - {@link keyvQuestions}: the configured store (SQLite file or Redis), so after a restart — or on another
 *   instance — the next turn in that place still closes the old message.
 *
 * `take` reads and forgets. With a shared store two turns racing in one place may both take the same question
 * and both close it: the same update twice, harmless. Losing an entry only means an old message keeps its
 * buttons, which the engine then refuses as stale. The store itself is `src/storage/remembered.ts`.
 */
import type { Keyv } from 'keyv';
import {
  keyvRemembered,
  MAX_REMEMBERED,
  memoryRemembered,
  type Remembered,
} from '../../src/storage/remembered.js';

export { MAX_REMEMBERED };

export interface PostedQuestion {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

/** Keyed by place (a direct message or a thread, per user). */
export type OpenQuestions = Remembered<PostedQuestion>;

export function memoryQuestions(limit = MAX_REMEMBERED): OpenQuestions {
  return memoryRemembered<PostedQuestion>(limit);
}

/** Questions kept `ttlMs` (the conversation's idle limit: after that the engine starts over anyway). */
export function keyvQuestions(keyv: Keyv<PostedQuestion>, ttlMs: number): OpenQuestions {
  return keyvRemembered(keyv, ttlMs);
}

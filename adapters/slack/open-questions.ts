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
 * buttons, which the engine then refuses as stale.
 */
import type { Keyv } from 'keyv';

export interface PostedQuestion {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

export interface OpenQuestions {
  take(place: string): Promise<PostedQuestion | undefined>;
  remember(place: string, question: PostedQuestion): Promise<void>;
  close(): Promise<void>;
}

export const MAX_REMEMBERED = 10_000;

export function memoryQuestions(limit = MAX_REMEMBERED): OpenQuestions {
  const questions = new Map<string, PostedQuestion>();
  return {
    async take(place) {
      const question = questions.get(place);
      questions.delete(place);
      return question;
    },
    async remember(place, question) {
      questions.delete(place);
      questions.set(place, question);
      if (questions.size > limit) {
        const oldest = questions.keys().next().value;
        if (oldest !== undefined) questions.delete(oldest);
      }
    },
    async close() {},
  };
}

/** Questions kept `ttlMs` (the conversation's idle limit: after that the engine starts over anyway). */
export function keyvQuestions(keyv: Keyv<PostedQuestion>, ttlMs: number): OpenQuestions {
  return {
    async take(place) {
      const question = await keyv.get(place);
      if (question !== undefined) await keyv.delete(place);
      return question ?? undefined;
    },
    async remember(place, question) {
      await keyv.set(place, question, ttlMs);
    },
    close: () => keyv.disconnect(),
  };
}

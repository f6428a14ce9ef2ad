/**
 * Invariant 4 (a restart resumes the conversation where it was): for every step of the device deletion and of
 * a portal-contract cancellation, the bot is closed after that step and a new bot (`createBot`, same store: the
 * same SQLite file, or the same Redis) continues the script. The remaining steps must give the same replies
 * (text, facts, choices, acknowledgements, state versions; receipt numbers masked) and the same backend calls
 * (operation, arguments, outcome) as an uninterrupted run.
 *
 * The backend is an in-process sandbox on a loopback port that outlives the bots, fresh for every run; the
 * clock is fixed, so runs are comparable.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.js';
import { manualClock } from '../../src/clock.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createRedisStore } from '../../src/engine/store/redis.js';
import type { Turn } from '../../src/engine/turn.js';
import type { RecordedCall } from '../support/bot-harness.js';
import { startBackend, startBot } from './support/in-process.js';
import { REDIS_URL, requireRedis } from './support/redis.js';
import {
  conversation,
  DEVICE_DELETION,
  PORTAL_CANCELLATION,
  type Step,
  T0,
  visible,
} from './support/script.js';

const redisUp = await requireRedis('restart-anywhere on Redis');

/** What one step produced: what the user saw and which calls the bot made. */
interface StepRecord {
  step: number;
  replies: unknown[];
  calls: { operation: string; args: unknown; outcome: string; code?: string | undefined }[];
}

type StoreKind = 'sqlite' | 'redis';

/** Call arguments the sandbox makes random per run (the one-time code and its verification id). */
const RANDOM_ARGS = new Set(['code', 'verificationId']);

function comparableArgs(args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).map(([name, value]) => [name, RANDOM_ARGS.has(name) ? '*' : value]),
  );
}

const scratch: string[] = [];
const redisKeys: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  if (redisUp && redisKeys.length > 0) {
    const store = await createRedisStore<ConversationState>({ url: REDIS_URL, ttlMs: 60_000 });
    for (const key of redisKeys) await store.delete(key);
    await store.close();
  }
});

/**
 * Plays `steps` on a fresh backend and store; when `restartAfter` is a step index, the bot is closed after that
 * step and a new one on the same store continues.
 */
async function run(kind: StoreKind, steps: readonly Step[], restartAfter?: number): Promise<StepRecord[]> {
  const clock = manualClock(T0);
  const backend = await startBackend(clock);
  const dir = await mkdtemp(join(tmpdir(), 'reliability-restart-'));
  scratch.push(dir);
  const env: Record<string, string> =
    kind === 'sqlite'
      ? { STORE: 'sqlite', SQLITE_PATH: join(dir, 'conversations.sqlite'), BACKEND_URL: backend.url }
      : { STORE: 'redis', REDIS_URL, BACKEND_URL: backend.url };
  const calls: RecordedCall[] = [];
  const errors: unknown[] = [];
  const convo = conversation(`reliability:restart:${randomUUID()}`);
  redisKeys.push(convo.key);
  let bot: Bot = await startBot({ env, clock, calls, errors });
  const records: StepRecord[] = [];
  try {
    for (const [index, step] of steps.entries()) {
      const before = calls.length;
      const current = bot;
      await convo.send(
        (turn: Turn) => current.engine.handle(turn),
        await convo.inputFor(step, backend.codeFor),
      );
      records.push({
        step: index,
        replies: visible(convo.last),
        calls: calls.slice(before).map((c) => ({
          operation: c.operation,
          args: comparableArgs(c.args),
          outcome: c.outcome,
          ...(c.code === undefined ? {} : { code: c.code }),
        })),
      });
      if (index === restartAfter) {
        await bot.close();
        bot = await startBot({ env, clock, calls, errors });
      }
    }
  } finally {
    await bot.close();
    await backend.close();
  }
  expect(errors).toEqual([]);
  return records;
}

const scripts = [
  { name: 'device deletion', steps: DEVICE_DELETION, destructive: 'deleteMiemasuDevice' },
  {
    name: 'portal-contract cancellation',
    steps: PORTAL_CANCELLATION,
    destructive: 'submitCancellationApplication',
  },
];

const stores: StoreKind[] = redisUp ? ['sqlite', 'redis'] : ['sqlite'];

describe.each(stores)('restart anywhere (%s store)', (kind) => {
  describe.each(scripts)('$name', ({ steps, destructive }) => {
    let reference: StepRecord[];

    beforeAll(async () => {
      reference = await run(kind, steps);
      // The uninterrupted run is a real one: it reached and made the destructive call exactly once.
      const made = reference.flatMap((r) => r.calls).filter((c) => c.operation === destructive);
      expect(made.map((c) => c.outcome)).toEqual(['ok']);
    }, 60_000);

    // Stopping after the last step leaves nothing to continue; every other step is a restart point.
    const restartPoints = steps.slice(0, -1).map((_, index) => index);

    it.each(restartPoints)(
      'a new bot after step %i continues exactly like the uninterrupted run',
      async (index) => {
        const interrupted = await run(kind, steps, index);
        expect(interrupted).toHaveLength(reference.length);
        for (const [i, record] of interrupted.entries())
          expect(record, `step ${i} (restart after step ${index})`).toEqual(reference[i]);
      },
    );
  });
});

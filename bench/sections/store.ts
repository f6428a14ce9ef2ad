/**
 * `store`: how close an engine turn is to the storage floor. On the same store (memory, and Redis when reachable)
 * it measures one raw keyv `get` + `set` of a conversation-sized record, and the engine's turns of the bench flow
 * on the versioned store over that same backend, interleaved in each run. `ratio` = engine turn ÷ raw round trip
 * (medians); `storeOpsPerTurn` tells how many store operations a turn makes (a get and a compare-and-set, plus one
 * more compare-and-set for each backend call, written before it is sent).
 *
 * Redis keys live under a unique prefix and are deleted afterwards.
 */
import KeyvRedis from '@keyv/redis';
import type { Keyv } from 'keyv';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { createPlainKeyv } from '../../src/engine/store/plain-keyv.js';
import { createRedisStore } from '../../src/engine/store/redis.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import { deletePrefix, openRedis, REDIS_URL, redisUnavailable, uniqueNamespace } from '../lib/redis.js';
import { median, medianOfRuns, msSince } from '../lib/stats.js';
import { benchEngine, playFlow } from './engine.js';

const TTL_MS = 3600_000;

type StoreRun = {
  rawRoundTripP50Ms: number;
  engineTurnP50Ms: number;
  ratio: number;
  rawRoundTripMeanMs: number;
  engineTurnMeanMs: number;
  ratioOfMeans: number;
  storeOpsPerTurn: number;
};

export type StoreKindResult = (StoreRun & { runs: number; recordBytes: number }) | { skipped: string };

/** Counts store operations (get and compare-and-set) passing through. */
function counting(store: ConversationStore<ConversationState>) {
  const counts = { ops: 0 };
  const wrapped: ConversationStore<ConversationState> = {
    get: (key) => {
      counts.ops += 1;
      return store.get(key);
    },
    compareAndSet: (key, expected, value) => {
      counts.ops += 1;
      return store.compareAndSet(key, expected, value);
    },
    delete: (key) => store.delete(key),
    close: () => store.close(),
  };
  return { store: wrapped, counts };
}

/** The largest record the bench flow stores (the conversation at its final question), as keyv's payload. */
async function representativeRecord(): Promise<{ payload: unknown; bytes: number }> {
  const map = new Map<string, unknown>();
  const engine = benchEngine(createMemoryStore<ConversationState>({ ttlMs: TTL_MS, map }));
  let largest = '';
  await playFlow(engine, 'sizing', undefined, () => {
    const raw = String(map.get('conversation:sizing') ?? '');
    if (raw.length > largest.length) largest = raw;
  });
  const parsed = JSON.parse(largest) as { value: unknown };
  return { payload: parsed.value, bytes: Buffer.byteLength(largest) };
}

interface Sizes {
  roundTrips: number;
  conversations: number;
}

async function oneRun(
  raw: Keyv<unknown>,
  rawPrefix: string,
  engineStore: ConversationStore<ConversationState>,
  payload: unknown,
  sizes: Sizes,
  runIndex: number,
): Promise<StoreRun> {
  const rawSamples: number[] = [];
  const warm = Math.ceil(sizes.roundTrips / 10);
  for (let i = 0; i < sizes.roundTrips + warm; i++) {
    const key = `${rawPrefix}:${runIndex}:${i % 500}`;
    const start = process.hrtime.bigint();
    await raw.get(key);
    await raw.set(key, payload, TTL_MS);
    if (i >= warm) rawSamples.push(msSince(start));
  }
  const { store, counts } = counting(engineStore);
  const engine = benchEngine(store);
  for (let i = 0; i < Math.ceil(sizes.conversations / 10); i++)
    await playFlow(engine, `warm:${runIndex}:${i}`, undefined);
  counts.ops = 0;
  const turnSamples: number[] = [];
  for (let i = 0; i < sizes.conversations; i++) await playFlow(engine, `run:${runIndex}:${i}`, turnSamples);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const rawP50 = median(rawSamples);
  const turnP50 = median(turnSamples);
  return {
    rawRoundTripP50Ms: rawP50,
    engineTurnP50Ms: turnP50,
    ratio: turnP50 / rawP50,
    rawRoundTripMeanMs: mean(rawSamples),
    engineTurnMeanMs: mean(turnSamples),
    ratioOfMeans: mean(turnSamples) / mean(rawSamples),
    storeOpsPerTurn: counts.ops / turnSamples.length,
  };
}

async function measureMemory(runs: number, sizes: Sizes, payload: unknown): Promise<StoreRun[]> {
  const results: StoreRun[] = [];
  for (let r = 0; r < runs; r++) {
    const raw = createPlainKeyv<unknown>(new Map());
    const store = createMemoryStore<ConversationState>({ ttlMs: TTL_MS });
    results.push(await oneRun(raw, 'raw', store, payload, sizes, r));
  }
  return results;
}

async function measureRedis(runs: number, sizes: Sizes, payload: unknown): Promise<StoreRun[]> {
  const namespace = uniqueNamespace('store');
  const client = await openRedis();
  const raw = createPlainKeyv<unknown>(new KeyvRedis(client, { throwOnErrors: true }));
  const store = await createRedisStore<ConversationState>({ url: REDIS_URL, ttlMs: TTL_MS, namespace });
  try {
    const results: StoreRun[] = [];
    for (let r = 0; r < runs; r++)
      results.push(await oneRun(raw, `${namespace}-raw`, store, payload, sizes, r));
    return results;
  } finally {
    await store.close();
    await raw.disconnect();
    await deletePrefix(namespace);
  }
}

export async function runStoreSection(options: { runs: number } & Sizes) {
  const { payload, bytes } = await representativeRecord();
  const memory = medianOfRuns(await measureMemory(options.runs, options, payload));
  const unavailable = await redisUnavailable();
  const redis: StoreKindResult = unavailable
    ? { skipped: unavailable }
    : { ...medianOfRuns(await measureRedis(options.runs, options, payload)), recordBytes: bytes };
  return { memory: { ...memory, recordBytes: bytes } satisfies StoreKindResult, redis };
}

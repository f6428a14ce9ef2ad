/**
 * `engine`: the 5-turn cancellation flow (bench/flow/cancel-flow.ts) through `engine.handle` on the memory store
 * with the in-process fake backend, one conversation after another. Reports turns per second, p50/p99 turn latency
 * and the bytes the store holds per conversation (the largest record during the flow, and the final one).
 */

import { createEngine, type Engine } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import {
  BENCH_DIALOG_ID,
  BENCH_TURNS,
  benchBehaviour,
  benchCatalogs,
  benchDialog,
  createInProcessBackend,
  DONE_TEXT,
} from '../flow/cancel-flow.js';
import { type Category, type ProfileSummary, profile } from '../lib/profile.js';
import { median, medianOfRuns, msSince, percentile, round, roundAll } from '../lib/stats.js';

export type EngineRun = {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Median over conversations of the largest stored record (bytes of UTF-8 JSON) during the flow. */
  stateBytesPeak: number;
  /** Median over conversations of the stored record after the flow finished. */
  stateBytesFinal: number;
  conversations: number;
};

/** p50/p99 of one turn of the flow (1 = "解約したい" … 5 = final confirmation and the cancel call). */
export interface TurnLatency {
  turn: number;
  p50Ms: number;
  p99Ms: number;
}

export interface EngineOptions {
  runs: number;
  conversations: number;
  warmup: number;
}

export function benchEngine(store: ConversationStore<ConversationState>): Engine {
  return createEngine({
    dialogs: [benchDialog],
    rootDialog: BENCH_DIALOG_ID,
    catalogs: benchCatalogs,
    behaviour: benchBehaviour,
    operations: createInProcessBackend().operations,
    store,
  });
}

/**
 * Plays the flow once on `key`; pushes each turn's latency (ms) to `samples` and calls `afterTurn` (not timed).
 * Throws when the flow did not finish, so a broken flow can never be reported as fast.
 */
export async function playFlow(
  engine: Engine,
  key: string,
  samples: number[] | undefined,
  afterTurn?: () => void,
): Promise<void> {
  let version = 0;
  let lastText = '';
  for (const input of BENCH_TURNS) {
    const start = process.hrtime.bigint();
    const replies = await engine.handle({
      conversationKey: key,
      channel: 'bench',
      actor: { kind: 'customer', id: 'bench' },
      input: input(version),
    });
    samples?.push(msSince(start));
    afterTurn?.();
    version = replies.at(-1)?.stateVersion ?? version;
    lastText = replies.at(-1)?.text ?? '';
  }
  if (!lastText.startsWith(DONE_TEXT)) throw new Error(`bench flow did not finish: last reply "${lastText}"`);
}

/** One timed run on a fresh engine and store; `samples` are the turn latencies in order. */
export async function engineRun(
  options: EngineOptions,
  runIndex: number,
): Promise<{ run: EngineRun; samples: number[] }> {
  const map = new Map<string, unknown>();
  const store = createMemoryStore<ConversationState>({ ttlMs: 3600_000, map });
  const engine = benchEngine(store);
  for (let i = 0; i < options.warmup; i++) await playFlow(engine, `warm:${runIndex}:${i}`, undefined);
  const samples: number[] = [];
  const peaks: number[] = [];
  const finals: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < options.conversations; i++) {
    const key = `run:${runIndex}:${i}`;
    const stored = `conversation:${key}`;
    let peak = 0;
    const measure = () => Buffer.byteLength(String(map.get(stored) ?? ''));
    // Sizing happens outside the timed section of each turn but inside the wall clock; it is a Map read.
    await playFlow(engine, key, samples, () => {
      peak = Math.max(peak, measure());
    });
    peaks.push(peak);
    finals.push(measure());
  }
  const elapsedMs = msSince(started);
  await store.close();
  const run = {
    turnsPerSecond: (samples.length / elapsedMs) * 1000,
    p50Ms: median(samples),
    p99Ms: percentile(samples, 0.99),
    stateBytesPeak: median(peaks),
    stateBytesFinal: median(finals),
    conversations: options.conversations,
  };
  return { run, samples };
}

/** Latency per turn of the flow over all runs' samples (sample i belongs to turn i mod 5). */
function perTurn(samples: number[]): TurnLatency[] {
  return BENCH_TURNS.map((_, turn) => {
    const own = samples.filter((_, i) => i % BENCH_TURNS.length === turn);
    return { turn: turn + 1, p50Ms: round(median(own)), p99Ms: round(percentile(own, 0.99)) };
  });
}

/**
 * What the largest stored record of one bench conversation is made of, in bytes of JSON: the record overall, each
 * frame's `history` (copies of earlier slots, for "back"), `slots`, `confirmations`, and the rest.
 */
export async function stateBreakdown(): Promise<Record<string, number>> {
  const map = new Map<string, unknown>();
  const engine = benchEngine(createMemoryStore<ConversationState>({ ttlMs: 3600_000, map }));
  let largest = '';
  await playFlow(engine, 'breakdown', undefined, () => {
    const raw = String(map.get('conversation:breakdown') ?? '');
    if (raw.length > largest.length) largest = raw;
  });
  const state = (JSON.parse(largest) as { value: { value: ConversationState } }).value.value;
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));
  const sum = (pick: (frame: ConversationState['stack'][number]) => unknown) =>
    state.stack.reduce((total, frame) => total + bytes(pick(frame)), 0);
  const parts = {
    history: sum((f) => f.history),
    slots: sum((f) => f.slots),
    confirmations: sum((f) => f.confirmations),
  };
  const record = Buffer.byteLength(largest);
  return { record, ...parts, rest: record - parts.history - parts.slots - parts.confirmations };
}

/** The section's result from its runs: medians across runs, latency per turn over all samples, the record breakdown. */
export async function summariseEngineRuns(list: { run: EngineRun; samples: number[] }[]) {
  const runs = list.map((r) => r.run);
  const all = list.flatMap((r) => r.samples);
  return {
    ...medianOfRuns(runs),
    turnsPerConversation: BENCH_TURNS.length,
    store: 'memory',
    perTurn: perTurn(all),
    largestRecordBytes: await stateBreakdown(),
    perRun: runs.map(roundAll),
  };
}

export type EngineSection = Awaited<ReturnType<typeof summariseEngineRuns>>;

/** Where an engine turn's CPU time goes, by category (see {@link profileEngine}). */
export const ENGINE_CATEGORIES: readonly Category[] = [
  {
    name: 'Intl formatters built on every call (src/engine/text/format.ts)',
    matches: (_fn, file) => file === 'src/engine/text/format.ts',
  },
  {
    name: 'JSON encoding/decoding of the stored record (keyv)',
    matches: (_fn, file) => file.includes('node_modules/keyv/'),
  },
  {
    name: 'deep copies of the state (startWork, structuredClone)',
    matches: (fn) => fn === 'structuredClone' || fn === 'startWork' || fn === 'remember',
  },
  {
    name: 'SHA-256 (idempotency keys, confirmation ids)',
    matches: (fn, file) => file.includes('internal/crypto') || fn === 'idempotencyKey',
  },
  { name: 'garbage collection', matches: (fn) => fn === '(garbage collector)' },
  { name: 'rest of the engine (src/engine)', matches: (_fn, file) => file.startsWith('src/engine/') },
  { name: 'promises and microtasks', matches: (fn) => fn === 'runMicrotasks' || fn === '(program)' },
];

/** Runs `conversations` flows on the memory store under the CPU profiler (not part of the timed runs). */
export async function profileEngine(conversations: number): Promise<ProfileSummary> {
  const store = createMemoryStore<ConversationState>({ ttlMs: 3600_000 });
  const engine = benchEngine(store);
  for (let i = 0; i < 100; i++) await playFlow(engine, `profile-warm:${i}`, undefined);
  return profile(async () => {
    for (let i = 0; i < conversations; i++) await playFlow(engine, `profile:${i}`, undefined);
  }, ENGINE_CATEGORIES);
}

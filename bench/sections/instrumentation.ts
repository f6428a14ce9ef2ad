/**
 * `instrumentation`: what metrics and analytics cost a turn (issue 16). The 5-turn cancellation flow
 * (bench/flow/cancel-flow.ts) through the whole turn pipeline (`createTurnPipeline`: metrics → correlation (a W3C
 * trace per turn) → … → engine) on the memory store, one conversation after another, in three set-ups measured in
 * the same run, interleaved (the order rotates each run):
 * - `off`: no metrics hook, no engine events, no audit trail;
 * - `metrics`: the bot's Prometheus recorder (`createBotMetrics`: the turn counter and histogram, the procedures
 *   in progress from engine events);
 * - `metrics+analytics`: the recorder plus the audit trail deriving every entry (funnel entries included) into an
 *   in-memory sink, as `createBot` wires them (`recordEvents`), without a database.
 * Reports the median turns/s of each and the cost of each against `off`.
 */
import { createAuditTrail } from '../../src/audit-log/derive.js';
import type { AuditEntry } from '../../src/audit-log/entry.js';
import { userTextFacts } from '../../src/audit-log/scrub.js';
import { createEngine, type Engine } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { createBotMetrics } from '../../src/metrics/bot-metrics.js';
import { createTurnPipeline } from '../../src/pipeline/index.js';
import {
  BENCH_DIALOG_ID,
  benchBehaviour,
  benchCatalogs,
  benchDialog,
  createInProcessBackend,
} from '../flow/cancel-flow.js';
import { median, msSince, round } from '../lib/stats.js';
import { playFlow } from './engine.js';

export const INSTRUMENTATION_SETUPS = ['off', 'metrics', 'metrics+analytics'] as const;
export type InstrumentationSetup = (typeof INSTRUMENTATION_SETUPS)[number];

export interface InstrumentationOptions {
  runs: number;
  conversations: number;
  warmup: number;
}

export interface InstrumentationResult {
  /** When and at which commit this section ran (it may be merged into a results file of an earlier full run). */
  date: string;
  commit: string;
  mode: 'full' | 'quick';
  runs: number;
  conversations: number;
  /** Median turns/s per set-up. */
  turnsPerSecond: Record<InstrumentationSetup, number>;
  /** (off − set-up) ÷ off, in percent (negative: faster than off, i.e. noise). */
  costPercent: Record<Exclude<InstrumentationSetup, 'off'>, number>;
  /** Audit entries derived per conversation in `metrics+analytics` (shows the trail really ran). */
  entriesPerConversation: number;
}

function pipelineFor(setup: InstrumentationSetup, sink: AuditEntry[]): Engine & { close(): Promise<void> } {
  const store = createMemoryStore<ConversationState>({ ttlMs: 3600_000 });
  const metrics =
    setup === 'off' ? undefined : createBotMetrics({ idleMs: 3600_000, rootDialog: BENCH_DIALOG_ID });
  const trail =
    setup === 'metrics+analytics'
      ? createAuditTrail(
          {
            append: async (entries) => {
              // Bounded: the sink keeps the latest entries only.
              sink.push(...entries);
              if (sink.length > 10_000) sink.splice(0, sink.length - 1000);
            },
          },
          { userText: userTextFacts(benchCatalogs) },
        )
      : undefined;
  const engine = createEngine({
    dialogs: [benchDialog],
    rootDialog: BENCH_DIALOG_ID,
    catalogs: benchCatalogs,
    behaviour: benchBehaviour,
    operations: createInProcessBackend().operations,
    store,
    ...(metrics ? { onEvent: (event) => metrics.event(event) } : {}),
    ...(trail ? { recordEvents: (events) => trail.record(events) } : {}),
  });
  const pipeline = createTurnPipeline({
    engine,
    ...(metrics ? { metrics: (metric) => metrics.turn(metric) } : {}),
  });
  return {
    definition: engine.definition,
    describe: (key) => engine.describe(key),
    handle: async (turn) => (await pipeline.handleTurn(turn)).replies,
    close: () => store.close(),
  };
}

async function timedRun(setup: InstrumentationSetup, options: InstrumentationOptions, run: number) {
  const sink: AuditEntry[] = [];
  const bench = pipelineFor(setup, sink);
  for (let i = 0; i < options.warmup; i++) await playFlow(bench, `warm:${setup}:${run}:${i}`, undefined);
  let entries = 0;
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < options.conversations; i++) {
    const before = sink.length;
    await playFlow(bench, `run:${setup}:${run}:${i}`, samples);
    entries += Math.max(0, sink.length - before);
  }
  const elapsedMs = msSince(started);
  await bench.close();
  return { turnsPerSecond: (samples.length / elapsedMs) * 1000, entries: entries / options.conversations };
}

export async function runInstrumentationSection(
  options: InstrumentationOptions,
  when: { date: string; commit: string; mode: 'full' | 'quick' },
): Promise<InstrumentationResult> {
  const rates: Record<InstrumentationSetup, number[]> = { off: [], metrics: [], 'metrics+analytics': [] };
  let entriesPerConversation = 0;
  for (let run = 0; run < options.runs; run++) {
    // Rotate the order, so no set-up always runs first (warm caches, GC debt).
    const order = INSTRUMENTATION_SETUPS.map(
      (_, i) => INSTRUMENTATION_SETUPS[(i + run) % 3] as InstrumentationSetup,
    );
    for (const setup of order) {
      const { turnsPerSecond, entries } = await timedRun(setup, options, run);
      rates[setup].push(turnsPerSecond);
      if (setup === 'metrics+analytics') entriesPerConversation = entries;
    }
  }
  const tps = {
    off: round(median(rates.off)),
    metrics: round(median(rates.metrics)),
    'metrics+analytics': round(median(rates['metrics+analytics'])),
  };
  const cost = (value: number) => round(((tps.off - value) / tps.off) * 100);
  return {
    ...when,
    runs: options.runs,
    conversations: options.conversations,
    turnsPerSecond: tps,
    costPercent: { metrics: cost(tps.metrics), 'metrics+analytics': cost(tps['metrics+analytics']) },
    entriesPerConversation: round(entriesPerConversation),
  };
}

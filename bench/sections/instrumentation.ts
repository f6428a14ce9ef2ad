/**
 * `instrumentation`: what metrics and analytics cost a turn (issue 16). The 5-turn cancellation flow
 * (bench/flow/cancel-flow.ts) through the whole turn pipeline (`createTurnPipeline`: metrics → correlation (a W3C
 * trace per turn) → … → engine) on the memory store, one conversation after another, in three set-ups measured in
 * the same run, interleaved conversation by conversation (the order rotating) and each conversation timed on its
 * own, so load from other processes hits all three alike:
 * - `off`: no metrics hook, no engine events, no audit trail;
 * - `audit`: the audit trail as before issue 16 (the funnel-only events left out), no metrics — every deployment
 *   runs the audit trail (invariant 9), so this is the fair base for what issue 16 adds;
 * - `metrics`: the bot's Prometheus recorder (`createBotMetrics`: the turn counter and histogram, the procedures
 *   in progress from engine events), its event hook answering nothing, as the bot's does for every event but a
 *   completed call (whose receipt no set-up here records);
 * - `metrics+analytics`: the recorder plus the audit trail deriving every entry (funnel entries included) into an
 *   sink that counts them and keeps none, as `createBot` wires them (`recordEvents`), without a database (what
 *   delivering them to a database costs is the `auditWrite` section's);
 * - `audit-again`: `audit` once more, an A/A control: how far two identical set-ups drift apart in one run is the
 *   noise floor of every difference here.
 * Reports the median over runs of each set-up's turns/s and the cost of each against `off`; what issue 16 adds is
 * also given as the median of each run's own cost (the set-ups of one run share its load, so the pairing cancels
 * load that changes between runs) — the figure the target is judged on.
 */
import { createAuditTrail } from '../../src/audit-log/derive.js';
import { userTextFacts } from '../../src/audit-log/scrub.js';
import type { Engine } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { createBotMetrics } from '../../src/metrics/bot-metrics.js';
import { BENCH_DIALOG_ID, benchCatalogs } from '../flow/cancel-flow.js';
import { createPipelineEngine, FUNNEL_ONLY_EVENTS } from '../flow/pipeline-engine.js';
import { median, msSince, round } from '../lib/stats.js';
import { playFlow } from './engine.js';

export const INSTRUMENTATION_SETUPS = [
  'off',
  'audit',
  'metrics',
  'metrics+analytics',
  'audit-again',
] as const;
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
  /** Load average (1/5/15 min) when the section started: above the core count, other processes competed. */
  load?: number[] | undefined;
  runs: number;
  conversations: number;
  /** Median turns/s per set-up. */
  turnsPerSecond: Record<InstrumentationSetup, number>;
  /**
   * What issue 16 adds: (audit − metrics+analytics) ÷ audit, in percent — the audit trail (invariant 9) runs in
   * every deployment anyway; this is the metrics plus the funnel entries on top of it.
   */
  addedOverAuditPercent: number;
  /** The median over runs of each run's own (audit − metrics+analytics) ÷ audit, in percent: the target's figure. */
  addedOverAuditPercentMedianOfRuns: number;
  /** Each run's own (audit − metrics+analytics) ÷ audit, in percent, in run order (the spread). */
  addedOverAuditPercentPerRun: number[];
  /** The A/A control: the median over runs of |audit − audit-again| ÷ audit, in percent (the noise floor). */
  controlPercentMedianOfRuns: number;
  /** (off − set-up) ÷ off, in percent (negative: faster than off, i.e. noise). */
  costPercent: Record<Exclude<InstrumentationSetup, 'off' | 'audit-again'>, number>;
  /** Audit entries derived per conversation in `metrics+analytics` (shows the trail really ran). */
  entriesPerConversation: number;
}

function pipelineFor(
  setup: InstrumentationSetup,
  sink: { entries: number },
): Engine & { close(): Promise<void> } {
  const store = createMemoryStore<ConversationState>({ ttlMs: 3600_000 });
  const metrics =
    setup === 'off' || setup === 'audit' || setup === 'audit-again'
      ? undefined
      : createBotMetrics({ idleMs: 3600_000, rootDialog: BENCH_DIALOG_ID });
  const trail =
    setup === 'metrics+analytics' || setup === 'audit' || setup === 'audit-again'
      ? createAuditTrail(
          {
            append: async (entries) => {
              // Counted, not kept: holding entries in memory would add garbage-collector work no deployment has.
              sink.entries += entries.length;
            },
          },
          { userText: userTextFacts(benchCatalogs) },
        )
      : undefined;
  const engine = createPipelineEngine({
    store,
    ...(metrics
      ? { onEvent: (event) => metrics.event(event), turnMetric: (metric) => metrics.turn(metric) }
      : {}),
    ...(trail
      ? {
          recordEvents: (events) =>
            trail.record(
              setup === 'metrics+analytics'
                ? events
                : events.filter((event) => !FUNNEL_ONLY_EVENTS.has(event.kind)),
            ),
        }
      : {}),
  });
  return {
    ...engine,
    close: () => store.close(),
  };
}

/**
 * One run: the three set-ups side by side, one conversation of each in turn (the order rotating), each timed on
 * its own, so a load change on a shared machine hits all three alike.
 */
async function interleavedRun(options: InstrumentationOptions, run: number) {
  const sinks = new Map(INSTRUMENTATION_SETUPS.map((setup) => [setup, { entries: 0 }]));
  const benches = new Map(
    INSTRUMENTATION_SETUPS.map((setup) => [setup, pipelineFor(setup, sinks.get(setup) ?? { entries: 0 })]),
  );
  const elapsed = new Map(INSTRUMENTATION_SETUPS.map((setup) => [setup, 0]));
  const turns = new Map(INSTRUMENTATION_SETUPS.map((setup) => [setup, 0]));
  for (const [setup, bench] of benches)
    for (let i = 0; i < options.warmup; i++) await playFlow(bench, `warm:${setup}:${run}:${i}`, undefined);
  let entries = 0;
  for (let i = 0; i < options.conversations; i++) {
    for (let k = 0; k < INSTRUMENTATION_SETUPS.length; k++) {
      const setup = INSTRUMENTATION_SETUPS[(i + k) % INSTRUMENTATION_SETUPS.length] as InstrumentationSetup;
      const bench = benches.get(setup);
      if (!bench) continue;
      const sink = sinks.get(setup) ?? { entries: 0 };
      const before = sink.entries;
      const samples: number[] = [];
      const started = process.hrtime.bigint();
      await playFlow(bench, `run:${setup}:${run}:${i}`, samples);
      elapsed.set(setup, (elapsed.get(setup) ?? 0) + msSince(started));
      turns.set(setup, (turns.get(setup) ?? 0) + samples.length);
      if (setup === 'metrics+analytics') entries += sink.entries - before;
    }
  }
  for (const bench of benches.values()) await bench.close();
  const rate = (setup: InstrumentationSetup) => ((turns.get(setup) ?? 0) / (elapsed.get(setup) ?? 1)) * 1000;
  return {
    rates: {
      off: rate('off'),
      audit: rate('audit'),
      metrics: rate('metrics'),
      'metrics+analytics': rate('metrics+analytics'),
      'audit-again': rate('audit-again'),
    },
    entries: entries / options.conversations,
  };
}

export async function runInstrumentationSection(
  options: InstrumentationOptions,
  when: { date: string; commit: string; mode: 'full' | 'quick'; load?: number[] | undefined },
): Promise<InstrumentationResult> {
  const rates: Record<InstrumentationSetup, number[]> = {
    off: [],
    audit: [],
    metrics: [],
    'metrics+analytics': [],
    'audit-again': [],
  };
  let entriesPerConversation = 0;
  for (let run = 0; run < options.runs; run++) {
    const { rates: measured, entries } = await interleavedRun(options, run);
    for (const setup of INSTRUMENTATION_SETUPS) rates[setup].push(measured[setup]);
    entriesPerConversation = entries;
  }
  const tps = {
    off: round(median(rates.off)),
    metrics: round(median(rates.metrics)),
    'metrics+analytics': round(median(rates['metrics+analytics'])),
    audit: round(median(rates.audit)),
    'audit-again': round(median(rates['audit-again'])),
  };
  const cost = (value: number) => round(((tps.off - value) / tps.off) * 100);
  const addedPerRun = rates.audit.map(
    (audit, run) => ((audit - (rates['metrics+analytics'][run] ?? 0)) / audit) * 100,
  );
  return {
    ...when,
    runs: options.runs,
    conversations: options.conversations,
    turnsPerSecond: tps,
    costPercent: {
      metrics: cost(tps.metrics),
      'metrics+analytics': cost(tps['metrics+analytics']),
      audit: cost(tps.audit),
    },
    addedOverAuditPercent: round(((tps.audit - tps['metrics+analytics']) / tps.audit) * 100),
    addedOverAuditPercentMedianOfRuns: round(median(addedPerRun)),
    addedOverAuditPercentPerRun: addedPerRun.map(round),
    controlPercentMedianOfRuns: round(
      median(
        rates.audit.map((audit, run) => (Math.abs(audit - (rates['audit-again'][run] ?? 0)) / audit) * 100),
      ),
    ),
    entriesPerConversation: round(entriesPerConversation),
  };
}

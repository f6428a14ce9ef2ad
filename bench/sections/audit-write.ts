/**
 * `auditWrite`: what the analytics summary (src/audit-log/summary.ts) costs on the audit write path (issue 16), in
 * two set-ups measured side by side in one process:
 * - `plain`: no analytics at all, the audit table as before issue 16 (migration 1; migration 2's index (kind, at)
 *   was the dashboard's, and migration 3 drops it). SQLite: the log opened with `summaryCatchUp: 'off'` (no
 *   catch-up ever runs) and the summary's delete trigger dropped. PostgreSQL: the two triggers on the audit table
 *   that feed the summary (`<table>_summary_add`, `<table>_summary_remove`) dropped;
 * - `summary`: the schema as `npm run db:migrate` leaves it, the log with its default catch-up (SQLite, migration
 *   4: the summary is built after the append, by the writer every 500 entries and 1 s after an append;
 *   src/audit-log/summary-catch-up.ts). Every catch-up is timed: those run inside an append call are in that
 *   append's time, the last one runs in `close()`, which is timed for both set-ups and added to their time.
 *   (The flow never yields to the event loop's timers, so the 1 s catch-up of a quiet bot does not run here: the
 *   500-entry one does.)
 *
 * Two measurements:
 * - turns/s, in three set-ups (`FLOW_SETUPS`): `before` = nothing of issue 16 (no metrics recorder, the
 *   analytics-only events not recorded: fewer entries per conversation, no summary); `plain` = issue 16 without
 *   the summary; `summary` = issue 16 in full. plain → summary is the summary's cost, before → summary everything
 *   issue 16 costs on `npm start`'s store;
 *   the 5-turn cancellation flow (bench/flow/cancel-flow.ts) through the whole turn pipeline wired as
 *   `createBot` wires it for `npm start`'s default store: conversations, and the audit outbox (invariant 9), in a
 *   SQLite file; the audit trail → outbox → the real SQLite audit log in a temp file; the Prometheus recorder. The
 *   outbox's `enqueue` awaits the delivery to the log while deliveries succeed, so each turn that records waits for
 *   its INSERT (and any catch-up of the summary that append runs) to commit, as in the bot. Set-ups interleaved conversation by
 *   conversation (the order alternating), each conversation timed on its own, fresh files every run.
 * - entries/s: `AuditLog.append` alone on SQLite and PostgreSQL (a schema of its own per set-up, named with
 *   `wbench`, dropped afterwards), of the flow's own entries (one conversation id per replayed conversation), in
 *   batches of one turn (what the outbox delivers when the log keeps up) and of 500 entries (an outbox catching
 *   up), the set-ups alternating every few conversations.
 * Medians over runs; the cost is (plain − summary) ÷ plain.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditTrail } from '../../src/audit-log/derive.js';
import { type AuditEntry, conversationDigest } from '../../src/audit-log/entry.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createAuditOutbox, DEFAULT_OUTBOX_TTL_MS, type OutboxRecord } from '../../src/audit-log/outbox.js';
import { createPostgresAuditLog } from '../../src/audit-log/postgres.js';
import { pgNames } from '../../src/audit-log/postgres-schema.js';
import { userTextFacts } from '../../src/audit-log/scrub.js';
import { createSqliteAuditLog } from '../../src/audit-log/sqlite.js';
import { applySqliteMigrations } from '../../src/audit-log/sqlite-migrations.js';
import type { Engine } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { createSqliteStore } from '../../src/engine/store/sqlite.js';
import { createBotMetrics } from '../../src/metrics/bot-metrics.js';
import { openSqliteFile } from '../../src/storage/sqlite-file.js';
import { BENCH_DIALOG_ID, benchCatalogs } from '../flow/cancel-flow.js';
import { createPipelineEngine, FUNNEL_ONLY_EVENTS } from '../flow/pipeline-engine.js';
import { currentLoad } from '../lib/machine.js';
import { median, msSince, round } from '../lib/stats.js';
import { benchAdminPool, PG_URL } from './analytics.js';
import { playFlow } from './engine.js';

export const AUDIT_WRITE_SETUPS = ['plain', 'summary'] as const;
export type AuditWriteSetup = (typeof AUDIT_WRITE_SETUPS)[number];
/**
 * The flow's set-ups: `before` = nothing of issue 16 (no metrics recorder, the analytics-only events not recorded,
 * no summary); `plain` = issue 16 without the summary; `summary` = issue 16 in full.
 */
export const FLOW_SETUPS = ['before', 'plain', 'summary'] as const;
export type FlowSetup = (typeof FLOW_SETUPS)[number];

const TABLE = 'audit_log';
const TTL_MS = 3600_000;
/** The triggers on the audit table that feed the summary (the others fire only from them); SQLite has only the second. */
const SUMMARY_TRIGGERS = [`${TABLE}_summary_add`, `${TABLE}_summary_remove`];

export interface AuditWriteOptions {
  runs: number;
  /** Conversations per set-up and run, timed (flow) or replayed (appends). */
  conversations: number;
  warmup: number;
}

export interface AppendThroughput {
  /** Entries per append call. */
  batch: string;
  entriesPerSecond: Record<AuditWriteSetup, number>;
  costPercent: number;
}

export interface AuditWriteResult {
  date: string;
  commit: string;
  mode: 'full' | 'quick';
  load: { start: number[]; end: number[] };
  runs: number;
  conversations: number;
  /** The flow through the pipeline, SQLite everywhere (npm start's default). */
  flow: {
    turnsPerSecond: Record<FlowSetup, number>;
    /** Per run: each set-up's turns/s, in run order (the spread shows the noise). */
    perRun: Array<Record<FlowSetup, number>>;
    /** The summary's cost (plain → summary), from the medians. */
    costPercent: number;
    /** The median of each run's own summary cost (the set-ups of one run share its load). */
    costPercentMedianOfRuns: number;
    /** Issue 16 in full (before → summary), from the medians and as the median of the runs' own. */
    fullCostPercent: number;
    fullCostPercentMedianOfRuns: number;
    /** Audit entries per conversation: before issue 16, and with it. */
    entriesPerConversation: Record<'before' | 'summary', number>;
    /** Summary facts written in the last run (0 without the summary: no catch-up ran). */
    facts: Record<FlowSetup, number>;
  };
  sqlite: AppendThroughput[];
  postgres: AppendThroughput[] | { skipped: string };
}

const cost = (rates: Record<AuditWriteSetup, number>) =>
  round(((rates.plain - rates.summary) / rates.plain) * 100);
const fullCost = (rates: Record<FlowSetup, number>) =>
  round(((rates.before - rates.summary) / rates.before) * 100);

/** A SQLite audit file at the latest version; in `plain` without any summary (no catch-up, no delete trigger). */
async function sqliteLog(path: string, setup: AuditWriteSetup, errors: unknown[]): Promise<AuditLog> {
  const db = openSqliteFile(path, 'the bench audit log');
  try {
    applySqliteMigrations(db, TABLE);
    if (setup === 'plain') {
      for (const trigger of SUMMARY_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
  } finally {
    db.close();
  }
  return createSqliteAuditLog({
    path,
    table: TABLE,
    schema: 'check',
    ...(setup === 'plain' ? { summaryCatchUp: 'off' as const } : {}),
    onError: (error) => errors.push(error),
  });
}

function countRows(path: string, table: string): number {
  const db = openSqliteFile(path, 'the bench audit log');
  try {
    return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
  } finally {
    db.close();
  }
}

interface FlowBench {
  engine: Engine;
  appended: () => number;
  close(): Promise<void>;
}

/** The pipeline as `createBot` wires it with STORE=sqlite and no DATABASE_URL (the parts the flow reaches). */
async function flowBench(dir: string, setup: FlowSetup, errors: unknown[]): Promise<FlowBench> {
  const conversationsFile = join(dir, `${setup}.sqlite`);
  const store = await createSqliteStore<ConversationState>({ path: conversationsFile, ttlMs: TTL_MS });
  const outboxStore = await createSqliteStore<OutboxRecord>({
    path: conversationsFile,
    namespace: 'audit-outbox',
    ttlMs: DEFAULT_OUTBOX_TTL_MS,
  });
  const inner = await sqliteLog(
    join(dir, `${setup}.audit.sqlite`),
    setup === 'summary' ? 'summary' : 'plain',
    errors,
  );
  let appended = 0;
  const log: AuditLog = {
    ...inner,
    append: async (entries) => {
      await inner.append(entries);
      appended += entries.length;
    },
  };
  const outbox = createAuditOutbox({
    store: outboxStore,
    log,
    onError: (error) => errors.push(error),
  });
  const trail = createAuditTrail(
    { append: (entries) => outbox.enqueue(entries) },
    { userText: userTextFacts(benchCatalogs) },
  );
  // Before issue 16: no metrics recorder, and the analytics-only events are not recorded.
  const metrics =
    setup === 'before' ? undefined : createBotMetrics({ idleMs: TTL_MS, rootDialog: BENCH_DIALOG_ID });
  return {
    engine: createPipelineEngine({
      store,
      recordEvents: (events) =>
        trail.record(metrics ? events : events.filter((event) => !FUNNEL_ONLY_EVENTS.has(event.kind))),
      ...(metrics
        ? { onEvent: (event) => metrics.event(event), turnMetric: (metric) => metrics.turn(metric) }
        : {}),
    }),
    appended: () => appended,
    async close() {
      await outbox.flush();
      await outbox.close();
      await outboxStore.close();
      await store.close();
      await log.close();
    },
  };
}

async function flowRun(options: AuditWriteOptions, run: number) {
  const dir = mkdtempSync(join(tmpdir(), 'wbench-audit-'));
  const errors: unknown[] = [];
  const per = (value: () => number) => ({ before: value(), plain: value(), summary: value() });
  try {
    const benches = new Map<FlowSetup, FlowBench>();
    for (const setup of FLOW_SETUPS) benches.set(setup, await flowBench(dir, setup, errors));
    const elapsed = per(() => 0);
    const turns = per(() => 0);
    for (const [setup, bench] of benches)
      for (let i = 0; i < options.warmup; i++)
        await playFlow(bench.engine, `warm:${setup}:${run}:${i}`, undefined);
    const before = {
      before: bench(benches, 'before').appended(),
      summary: bench(benches, 'summary').appended(),
    };
    for (let i = 0; i < options.conversations; i++) {
      for (let k = 0; k < FLOW_SETUPS.length; k++) {
        const setup = FLOW_SETUPS[(i + k) % FLOW_SETUPS.length] as FlowSetup;
        const samples: number[] = [];
        const started = process.hrtime.bigint();
        await playFlow(bench(benches, setup).engine, `run:${setup}:${run}:${i}`, samples);
        elapsed[setup] += msSince(started);
        turns[setup] += samples.length;
      }
    }
    const entries = {
      before: (bench(benches, 'before').appended() - before.before) / options.conversations,
      summary: (bench(benches, 'summary').appended() - before.summary) / options.conversations,
    };
    // Closing catches the summary up on what is left (summary): timed for every set-up, part of its cost.
    for (const [setup, b] of benches) {
      const started = process.hrtime.bigint();
      await b.close();
      elapsed[setup] += msSince(started);
    }
    if (errors.length > 0) throw new Error(`audit delivery failed: ${String(errors[0])}`);
    const facts = per(() => 0);
    for (const setup of FLOW_SETUPS)
      facts[setup] = countRows(join(dir, `${setup}.audit.sqlite`), `${TABLE}_facts`);
    const rates = per(() => 0);
    for (const setup of FLOW_SETUPS) rates[setup] = (turns[setup] / elapsed[setup]) * 1000;
    return { rates, entries, facts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bench<T>(map: Map<FlowSetup, T>, setup: FlowSetup): T {
  const found = map.get(setup);
  if (!found) throw new Error(`no ${setup} set-up`);
  return found;
}

/** The flow's entries, per turn (what one `record` appends), from one conversation through a memory sink. */
async function flowBatches(): Promise<AuditEntry[][]> {
  const batches: AuditEntry[][] = [];
  const trail = createAuditTrail(
    {
      append: async (entries) => {
        batches.push([...entries]);
      },
    },
    { userText: userTextFacts(benchCatalogs) },
  );
  const engine = createPipelineEngine({
    store: createMemoryStore<ConversationState>({ ttlMs: TTL_MS }),
    recordEvents: (events) => trail.record(events),
  });
  await playFlow(engine, 'entries', undefined);
  return batches;
}

/** The batches of conversation `n`: the flow's entries with a conversation id of their own. */
function conversationBatches(template: AuditEntry[][], tag: string, n: number): AuditEntry[][] {
  const conversation = conversationDigest(`${tag}:${n}`);
  return template.map((batch) => batch.map((entry) => ({ ...entry, conversation })));
}

/**
 * Appends `conversations` conversations' entries to each log, in batches of one turn or of `bulk` entries, the
 * set-ups alternating every `chunk` conversations (the order alternating too); answers the time taken and the
 * entries written per set-up.
 */
async function appendRun(
  logs: Record<AuditWriteSetup, AuditLog>,
  template: AuditEntry[][],
  conversations: number,
  bulk: number | undefined,
  tag: string,
): Promise<{ elapsed: Record<AuditWriteSetup, number>; written: Record<AuditWriteSetup, number> }> {
  const chunk = 10;
  const elapsed = { plain: 0, summary: 0 };
  const written = { plain: 0, summary: 0 };
  for (let start = 0, round = 0; start < conversations; start += chunk, round++) {
    for (let k = 0; k < AUDIT_WRITE_SETUPS.length; k++) {
      const setup = AUDIT_WRITE_SETUPS[(round + k) % AUDIT_WRITE_SETUPS.length] as AuditWriteSetup;
      const batches: AuditEntry[][] = [];
      for (let n = start; n < Math.min(conversations, start + chunk); n++)
        batches.push(...conversationBatches(template, `${tag}:${setup}`, n));
      const calls = bulk === undefined ? batches : [batches.flat()];
      const began = process.hrtime.bigint();
      for (const call of calls) await logs[setup].append(call);
      elapsed[setup] += msSince(began);
      written[setup] += calls.reduce((a, c) => a + c.length, 0);
    }
  }
  return { elapsed, written };
}

async function throughput(
  open: (setup: AuditWriteSetup, run: number) => Promise<{ log: AuditLog; dispose(): Promise<void> }>,
  options: AuditWriteOptions,
  template: AuditEntry[][],
  log: (line: string) => void,
  store: string,
): Promise<AppendThroughput[]> {
  const perTurnEntries = round(template.flat().length / template.length);
  // Bulk: 500 entries per append (an outbox catching up delivers up to 50 batches in one append).
  const perConversation = template.flat().length;
  const bulkConversations = Math.ceil(500 / perConversation);
  const shapes: Array<{ label: string; bulk: number | undefined }> = [
    { label: `one turn (${perTurnEntries} entries on average)`, bulk: undefined },
    { label: `${bulkConversations * perConversation} entries`, bulk: bulkConversations },
  ];
  const results: AppendThroughput[] = [];
  for (const shape of shapes) {
    const rates: Record<AuditWriteSetup, number[]> = { plain: [], summary: [] };
    for (let run = 0; run < options.runs; run++) {
      const opened = {
        plain: await open('plain', run),
        summary: await open('summary', run),
      };
      try {
        const logs = { plain: opened.plain.log, summary: opened.summary.log };
        // Warm-up, not timed: statements prepared, caches filled.
        await appendRun(logs, template, Math.min(20, options.warmup), undefined, `w${run}`);
        const conversations = shape.bulk === undefined ? options.conversations : options.conversations * 2;
        const { elapsed, written } = await appendRun(logs, template, conversations, shape.bulk, `r${run}`);
        // Closing catches the summary up on what is left (SQLite): timed for both, part of the set-up's cost.
        for (const setup of AUDIT_WRITE_SETUPS) {
          const started = process.hrtime.bigint();
          await logs[setup].close();
          elapsed[setup] += msSince(started);
          rates[setup].push((written[setup] / elapsed[setup]) * 1000);
        }
      } finally {
        await opened.plain.dispose();
        await opened.summary.dispose();
      }
    }
    const entriesPerSecond = { plain: round(median(rates.plain)), summary: round(median(rates.summary)) };
    log(
      `  auditWrite ${store} append ${shape.label}: plain ${entriesPerSecond.plain}, summary ${entriesPerSecond.summary} entries/s`,
    );
    results.push({ batch: shape.label, entriesPerSecond, costPercent: cost(entriesPerSecond) });
  }
  return results;
}

async function postgresThroughput(
  options: AuditWriteOptions,
  template: AuditEntry[][],
  log: (line: string) => void,
): Promise<AppendThroughput[] | { skipped: string }> {
  const admin = await benchAdminPool(1);
  if ('skipped' in admin) return admin;
  const prefix = `wbench_audit_${randomBytes(4).toString('hex')}`;
  const schemas: string[] = [];
  try {
    return await throughput(
      async (setup, run) => {
        const schema = `${prefix}_${setup}_${run}`;
        schemas.push(schema);
        const auditLog = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
        if (setup === 'plain') {
          const table = pgNames(schema, TABLE).table;
          for (const trigger of SUMMARY_TRIGGERS) await admin.query(`DROP TRIGGER "${trigger}" ON ${table}`);
        }
        return {
          log: auditLog,
          dispose: async () => {
            await auditLog.close();
            await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          },
        };
      },
      options,
      template,
      log,
      'PostgreSQL',
    );
  } finally {
    for (const schema of schemas)
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end().catch(() => undefined);
  }
}

export async function runAuditWriteSection(
  options: AuditWriteOptions,
  when: { date: string; commit: string; mode: 'full' | 'quick' },
  log: (line: string) => void,
): Promise<AuditWriteResult> {
  const loadStart = currentLoad();
  const perRun: Array<Record<FlowSetup, number>> = [];
  let entriesPerConversation = { before: 0, summary: 0 };
  let facts = { before: 0, plain: 0, summary: 0 };
  for (let run = 0; run < options.runs; run++) {
    const measured = await flowRun(options, run);
    const rates = measured.rates;
    perRun.push({ before: round(rates.before), plain: round(rates.plain), summary: round(rates.summary) });
    entriesPerConversation = measured.entries;
    facts = measured.facts;
    log(
      `  auditWrite flow run ${run + 1}: before ${round(rates.before)}, plain ${round(rates.plain)}, summary ${round(rates.summary)} turns/s (load ${currentLoad().join(' ')})`,
    );
  }
  const turnsPerSecond = {
    before: round(median(perRun.map((r) => r.before))),
    plain: round(median(perRun.map((r) => r.plain))),
    summary: round(median(perRun.map((r) => r.summary))),
  };
  const template = await flowBatches();
  const sqlite = await throughput(
    async (setup, run) => {
      const dir = mkdtempSync(join(tmpdir(), 'wbench-append-'));
      const errors: unknown[] = [];
      const auditLog = await sqliteLog(join(dir, `${setup}-${run}.audit.sqlite`), setup, errors);
      return {
        log: auditLog,
        dispose: async () => {
          await auditLog.close();
          rmSync(dir, { recursive: true, force: true });
          if (errors.length > 0) throw new Error(`summary catch-up failed: ${String(errors[0])}`);
        },
      };
    },
    options,
    template,
    log,
    'SQLite',
  );
  const postgres = await postgresThroughput(options, template, log);
  return {
    ...when,
    load: { start: loadStart, end: currentLoad() },
    runs: options.runs,
    conversations: options.conversations,
    flow: {
      turnsPerSecond,
      perRun,
      costPercent: cost(turnsPerSecond),
      costPercentMedianOfRuns: round(median(perRun.map(cost))),
      fullCostPercent: fullCost(turnsPerSecond),
      fullCostPercentMedianOfRuns: round(median(perRun.map(fullCost))),
      entriesPerConversation: {
        before: round(entriesPerConversation.before),
        summary: round(entriesPerConversation.summary),
      },
      facts,
    },
    sqlite,
    postgres,
  };
}

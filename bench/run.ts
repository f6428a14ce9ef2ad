/**
 * `npm run bench` — runs every benchmark section and writes `bench/results.json` and `bench/RESULTS.md`.
 *
 *   npm run bench                 full run (a few minutes)
 *   npm run bench -- --quick      smaller runs, under a minute
 *   npm run bench -- --only engine,store   some sections only; results go to bench/results/tmp/ instead
 *   npm run bench -- --render     rewrite RESULTS.md from the existing results.json (after a wording change)
 *   npm run bench -- --only analytics   the dashboard's queries on 1,000,000 PostgreSQL audit entries (opt-in:
 *                                 not in a default run; `--analytics` adds it to one; with --quick 50,000 entries)
 *
 * Sections: engine, botbuilder, store, slack, scaleOut, instrumentation (metrics + analytics on vs off), auditWrite
 * (the analytics summary on the audit write path: SQLite flow, SQLite and PostgreSQL appends), and the
 * opt-in analytics (see bench/sections/). Targets are reported against, never
 * asserted: a missed target is a finding, explained in RESULTS.md from the same run's profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { intlCost } from './lib/intl-cost.js';
import { currentLoad, describeMachine } from './lib/machine.js';
import { renderMarkdown } from './lib/report.js';
import { round } from './lib/stats.js';
import { evaluateTargets, type Results } from './lib/targets.js';
import { runAnalyticsSection } from './sections/analytics.js';
import { runAuditWriteSection } from './sections/audit-write.js';
import { runEngineAndBotbuilder } from './sections/compare.js';
import { profileEngine } from './sections/engine.js';
import { runInstrumentationSection } from './sections/instrumentation.js';
import { runScaleOutSection } from './sections/scale-out.js';
import { runSlackSection } from './sections/slack.js';
import { runStoreSection } from './sections/store.js';

const SECTIONS = [
  'engine',
  'botbuilder',
  'store',
  'slack',
  'scaleOut',
  'instrumentation',
  'auditWrite',
  'analytics',
] as const;
/** A run without --only: every section but the opt-in analytics (a million rows take a while to write). */
const DEFAULT_SECTIONS = SECTIONS.filter((name) => name !== 'analytics');
type Section = (typeof SECTIONS)[number] | 'engine+botbuilder';

function parseArgs(argv: string[]): { quick: boolean; only: Set<Section> } {
  const quick = argv.includes('--quick');
  const onlyIndex = argv.indexOf('--only');
  const names =
    onlyIndex >= 0
      ? (argv[onlyIndex + 1] ?? '').split(',')
      : [...DEFAULT_SECTIONS, ...(argv.includes('--analytics') ? ['analytics'] : [])];
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(`Unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}.`);
  return { quick, only: new Set(names as Section[]) };
}

const SIZES = {
  full: {
    engine: { runs: 5, conversations: 2000, warmup: 300, profiled: 2000 },
    botbuilder: { runs: 5, conversations: 1000, warmup: 200 },
    store: { runs: 5, roundTrips: 2000, conversations: 300 },
    slack: { rates: [100, 300, 1000], durationMs: 5000, runs: 3, users: 500, warmupRate: 100 },
    scaleOut: { processes: [1, 2, 4], durationMs: 5000, concurrency: 32, duplicateRate: 0.2, runs: 3 },
    analytics: { entries: 1_000_000, runs: 5 },
    instrumentation: { runs: 9, conversations: 2000, warmup: 300 },
    auditWrite: { runs: 5, conversations: 300, warmup: 30 },
  },
  quick: {
    engine: { runs: 3, conversations: 300, warmup: 100, profiled: 300 },
    botbuilder: { runs: 3, conversations: 150, warmup: 50 },
    store: { runs: 3, roundTrips: 500, conversations: 60 },
    slack: { rates: [100, 300, 1000], durationMs: 1000, runs: 1, users: 200, warmupRate: 100 },
    scaleOut: { processes: [1, 2, 4], durationMs: 1500, concurrency: 16, duplicateRate: 0.2, runs: 1 },
    analytics: { entries: 50_000, runs: 5 },
    instrumentation: { runs: 7, conversations: 500, warmup: 100 },
    auditWrite: { runs: 3, conversations: 100, warmup: 10 },
  },
};

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Lays a results file out as the project's formatter (Biome) wants it, so `npm run lint` stays clean; whitespace only. */
function formatLikeTheRepo(path: string): void {
  try {
    execFileSync('npx', ['--no-install', 'biome', 'format', '--write', path], { stdio: 'ignore' });
  } catch {
    log(`(could not run biome format on ${path}; the JSON is valid but may need formatting)`);
  }
}

/** The Slack figures of the committed results.json, before this run replaces it (undefined when it has none). */
function slackBefore(): Results['slackBefore'] {
  try {
    const previous = JSON.parse(
      readFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), 'utf8'),
    ) as Results;
    // A re-run keeps the figure it was compared with, so "before" stays the code before the change.
    if (previous.slackBefore) return previous.slackBefore;
    if (!previous.slack) return undefined;
    return {
      date: previous.machine.date,
      commit: previous.machine.commit,
      rates: previous.slack.rates.map((x) => ({
        ratePerSecond: x.ratePerSecond,
        ackP99Ms: x.bot.ackP99Ms,
        lateOver3s: x.bot.lateOver3s,
        handledPerSecond: x.bot.handledPerSecond,
      })),
    };
  } catch {
    return undefined;
  }
}

/** The analytics figures of the committed results.json (undefined when it has none). */
function previousAnalytics(): Results['analytics'] {
  try {
    const previous = JSON.parse(
      readFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), 'utf8'),
    ) as Results;
    return previous.analytics;
  } catch {
    return undefined;
  }
}

/** Re-renders RESULTS.md from results.json: the same numbers, current wording. */
function render(): void {
  const dir = fileURLToPath(new URL('./', import.meta.url));
  const results = JSON.parse(readFileSync(`${dir}results.json`, 'utf8')) as Results;
  writeFileSync(`${dir}RESULTS.md`, renderMarkdown(results));
  formatLikeTheRepo(`${dir}RESULTS.md`);
  log(`rewrote ${dir}RESULTS.md from results.json`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    render();
    return;
  }
  const { quick, only } = parseArgs(process.argv.slice(2));
  const sizes = quick ? SIZES.quick : SIZES.full;
  const partial = DEFAULT_SECTIONS.some((name) => !only.has(name));
  const started = Date.now();
  const results: Results = {
    mode: quick ? 'quick' : 'full',
    machine: describeMachine(),
    sections: [...only],
  };
  // A section that fails is recorded as failed; the others still run and the results are still written.
  const timed = async <T>(name: Section, work: () => Promise<T>): Promise<T | undefined> => {
    if (name !== 'engine+botbuilder' && !only.has(name)) return undefined;
    const t0 = Date.now();
    log(`${name}…`);
    try {
      const value = await work();
      log(`${name} done in ${round((Date.now() - t0) / 1000)} s (load ${currentLoad().join(' ')})`);
      return value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${name} FAILED: ${message}`);
      results.failures = [...(results.failures ?? []), { section: name, error: message }];
      return undefined;
    }
  };

  if (only.has('engine') || only.has('botbuilder')) {
    const compared = await timed('engine+botbuilder', () =>
      runEngineAndBotbuilder({
        engine: only.has('engine') ? sizes.engine : undefined,
        botbuilder: only.has('botbuilder') ? sizes.botbuilder : undefined,
        log,
      }),
    );
    results.engine = compared?.engine;
    results.botbuilder = compared?.botbuilder;
  }
  if (results.engine) {
    results.engineProfile = await profileEngine(sizes.engine.profiled);
    results.intlCost = intlCost();
  }
  const bb = results.botbuilder;
  if (bb?.available && results.engine)
    results.botbuilder = { ...bb, ratio: round(results.engine.turnsPerSecond / bb.turnsPerSecond) };
  results.store = await timed('store', () => runStoreSection(sizes.store));
  results.slack = await timed('slack', () => runSlackSection({ ...sizes.slack, log }));
  if (results.slack) results.slackBefore = slackBefore();
  results.scaleOut = await timed('scaleOut', () => runScaleOutSection({ ...sizes.scaleOut, log }));
  // Opt-in: when it did not run, the last committed figures are kept (they carry their own date).
  results.analytics =
    (await timed('analytics', () => runAnalyticsSection({ ...sizes.analytics, log }))) ?? previousAnalytics();
  results.instrumentation = await timed('instrumentation', () =>
    runInstrumentationSection(sizes.instrumentation, {
      date: results.machine.date,
      commit: results.machine.commit,
      mode: results.mode,
      load: currentLoad(),
    }),
  );
  results.auditWrite = await timed('auditWrite', () =>
    runAuditWriteSection(
      sizes.auditWrite,
      { date: results.machine.date, commit: results.machine.commit, mode: results.mode },
      log,
    ),
  );
  results.loadAtEnd = currentLoad();
  results.durationS = round((Date.now() - started) / 1000);
  results.targets = evaluateTargets(results);

  const dir = fileURLToPath(new URL(partial ? './results/tmp/' : './', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}results.json`, `${JSON.stringify(results, null, 2)}\n`);
  formatLikeTheRepo(`${dir}results.json`);
  writeFileSync(`${dir}RESULTS.md`, renderMarkdown(results));
  formatLikeTheRepo(`${dir}RESULTS.md`);
  log(`wrote ${dir}results.json and ${dir}RESULTS.md in ${results.durationS} s`);
  const verdict = (met: boolean | null) => (met === null ? 'n/a   ' : met ? 'met   ' : 'MISSED');
  for (const target of results.targets) log(`  ${verdict(target.met)} ${target.name}: ${target.measured}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

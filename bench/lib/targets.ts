/**
 * The shape of a bench run's results and the targets, evaluated (reported, never asserted). A target whose
 * section did not run, or could not (botbuilder not installable, Redis down), is `met: null` with the reason.
 */
import type { AnalyticsSection } from '../sections/analytics.js';
import type { AuditWriteResult } from '../sections/audit-write.js';
import type { BotbuilderSection } from '../sections/botbuilder.js';
import type { EngineSection } from '../sections/engine.js';
import type { InstrumentationResult } from '../sections/instrumentation.js';
import type { ScaleOutSection } from '../sections/scale-out.js';
import type { SlackSection } from '../sections/slack.js';
import type { runStoreSection } from '../sections/store.js';
import type { intlCost } from './intl-cost.js';
import type { Machine } from './machine.js';
import type { ProfileSummary } from './profile.js';
import { round } from './stats.js';

export interface Target {
  name: string;
  target: string;
  measured: string;
  /** `null` when it could not be measured in this run. */
  met: boolean | null;
}

export interface Results {
  mode: 'full' | 'quick';
  machine: Machine;
  sections: string[];
  durationS?: number;
  loadAtEnd?: number[];
  engine?: EngineSection | undefined;
  engineProfile?: ProfileSummary;
  /** Cost of one formatted value with a new vs a reused Intl formatter (µs). */
  intlCost?: ReturnType<typeof intlCost>;
  /** With `ratio` = engine turns/s ÷ botbuilder turns/s when both ran. */
  botbuilder?: (BotbuilderSection & { ratio?: number }) | undefined;
  store?: Awaited<ReturnType<typeof runStoreSection>>;
  slack?: SlackSection;
  /**
   * The Slack figures of the results file this run replaced (its date and commit), shown beside this run's:
   * how the acknowledgement under load changed with the code.
   */
  slackBefore?: { date: string; commit: string; rates: SlackBeforeRate[] } | undefined;
  scaleOut?: ScaleOutSection;
  /** The dashboard's queries on PostgreSQL (opt-in section; kept from the previous run when it did not run). */
  analytics?: AnalyticsSection | undefined;
  /** Metrics and analytics on vs off through the turn pipeline (issue 16). */
  instrumentation?: InstrumentationResult | undefined;
  /** The analytics summary on the audit write path (SQLite flow; SQLite and PostgreSQL appends). */
  auditWrite?: AuditWriteResult | undefined;
  targets?: Target[];
  /** Sections that threw; their results are missing. */
  failures?: { section: string; error: string }[];
}

export interface SlackBeforeRate {
  ratePerSecond: number;
  ackP99Ms: number;
  lateOver3s: number;
  handledPerSecond: number;
}

const notMeasured = (name: string, target: string, why: string): Target => ({
  name,
  target,
  measured: why,
  met: null,
});

export function evaluateTargets(r: Results): Target[] {
  const targets: Target[] = [];
  const bb = r.botbuilder;
  if (r.engine || bb) {
    const name = 'engine vs botbuilder-dialogs, turns per second';
    const target = '≥ 5×';
    if (!r.engine) targets.push(notMeasured(name, target, 'engine section not run'));
    else if (!bb) targets.push(notMeasured(name, target, 'botbuilder section not run'));
    else if (!bb.available) targets.push(notMeasured(name, target, bb.reason));
    else {
      const ratio = r.engine.turnsPerSecond / bb.turnsPerSecond;
      targets.push({
        name,
        target,
        measured: `${round(ratio)}× (${r.engine.turnsPerSecond} vs ${bb.turnsPerSecond} turns/s)`,
        met: ratio >= 5,
      });
    }
  }
  if (r.engine) {
    targets.push({
      name: 'engine turn latency p99 (memory store)',
      target: '< 0.2 ms',
      measured: `${r.engine.p99Ms} ms (p50 ${r.engine.p50Ms} ms)`,
      met: r.engine.p99Ms < 0.2,
    });
    targets.push({
      name: 'stored state per conversation',
      target: '≤ 1 KB (1024 B)',
      measured: `${r.engine.stateBytesPeak} B at its largest, ${r.engine.stateBytesFinal} B when finished`,
      met: r.engine.stateBytesPeak <= 1024,
    });
  }
  if (r.store) {
    for (const kind of ['memory', 'redis'] as const) {
      const name = `engine turn vs one raw keyv get+set (${kind})`;
      const s = r.store[kind];
      if ('skipped' in s) targets.push(notMeasured(name, '≤ 2×', s.skipped));
      else
        targets.push({
          name,
          target: '≤ 2×',
          measured: `${s.ratio}× (${s.engineTurnP50Ms} vs ${s.rawRoundTripP50Ms} ms, medians)`,
          met: s.ratio <= 2,
        });
    }
  }
  if (r.slack) {
    const at300 = r.slack.rates.find((x) => x.ratePerSecond === 300);
    if (at300) {
      targets.push({
        name: 'Slack ack p99 at 300 events/s (full bot)',
        target: '< 50 ms',
        measured: `${at300.bot.ackP99Ms} ms (${at300.bot.errors} errors)`,
        met: at300.bot.ackP99Ms < 50 && at300.bot.errors === 0,
      });
      targets.push({
        name: 'Slack ack vs bare Bolt at 300 events/s',
        target: '≤ 1.3× (p50 and p99)',
        measured: `p50 ${at300.p50Ratio}×, p99 ${at300.p99Ratio}× (bare Bolt ${at300.bareBolt.ackP50Ms} / ${at300.bareBolt.ackP99Ms} ms)`,
        met: at300.p50Ratio <= 1.3 && at300.p99Ratio <= 1.3,
      });
    }
  }
  const at1000 = r.slack?.rates.find((x) => x.ratePerSecond === 1000);
  if (at1000) {
    targets.push({
      name: 'Slack ack p99 at 1000 events/s (full bot), none over 3 s',
      target: '< 50 ms, 0 over 3 s',
      measured: `${at1000.bot.ackP99Ms} ms, ${at1000.bot.lateOver3s} over 3 s (${at1000.bot.errors} errors, ${at1000.bot.handledPerSecond} handled/s, backlog up to ${at1000.bot.maxBacklog ?? '?'})`,
      met: at1000.bot.ackP99Ms < 50 && at1000.bot.lateOver3s === 0 && at1000.bot.errors === 0,
    });
  }
  if (r.instrumentation) {
    const i = r.instrumentation;
    // Judged on the median of the runs' own costs (paired within a run); older results have only the medians' ratio.
    const added = i.addedOverAuditPercentMedianOfRuns ?? i.addedOverAuditPercent;
    targets.push({
      name: 'metrics + analytics cost per turn over the audit trail (turn pipeline, memory store)',
      target: '≤ 5 %',
      measured: `${added} %, median of the runs' own costs (medians ${i.turnsPerSecond['metrics+analytics']} vs ${i.turnsPerSecond.audit} turns/s: ${i.addedOverAuditPercent} %; A/A control ${i.controlPercentMedianOfRuns ?? '—'} %); vs nothing at all ${i.costPercent['metrics+analytics']} % (off ${i.turnsPerSecond.off}); metrics alone ${i.costPercent.metrics} %`,
      met: added <= 5,
    });
  }
  if (r.auditWrite) {
    const f = r.auditWrite.flow;
    targets.push({
      name: 'analytics summary cost per turn on the audit write path (turn pipeline, SQLite store and audit log)',
      target: '≤ 5 %',
      measured: `${f.costPercentMedianOfRuns} %, median of the runs' own costs (medians ${f.turnsPerSecond.summary} vs ${f.turnsPerSecond.plain} turns/s without the summary: ${f.costPercent} %); everything issue 16 adds on this store (metrics, analytics-only entries, summary), not a target: ${f.fullCostPercentMedianOfRuns ?? '—'} %`,
      met: f.costPercentMedianOfRuns <= 5,
    });
  }
  if (r.scaleOut) {
    const name = 'scale-out: lost updates and duplicate backend mutations';
    if ('skipped' in r.scaleOut) targets.push(notMeasured(name, '0 and 0', r.scaleOut.skipped ?? ''));
    else {
      const list = r.scaleOut.processes;
      const lost = list.reduce((a, p) => a + p.lostUpdates, 0);
      const duplicates = list.reduce((a, p) => a + p.duplicateMutations, 0);
      const missing = list.reduce((a, p) => a + p.missingMutations, 0);
      const control = r.scaleOut.negativeControl;
      targets.push({
        name,
        target: '0 and 0',
        measured: `${lost} lost, ${duplicates} duplicate, ${missing} missing over ${list.map((p) => p.processes).join('/')} processes (control without compare-and-set: ${control.lostUpdates} lost, ${control.duplicateMutations} duplicate)`,
        met: lost === 0 && duplicates === 0 && missing === 0,
      });
    }
  }
  if (r.analytics) {
    const name = 'dashboard queries on 1,000,000 PostgreSQL audit entries, median of 5, each';
    if ('skipped' in r.analytics) targets.push(notMeasured(name, '< 1 s', r.analytics.skipped));
    else {
      const slowest = r.analytics.timings.reduce((a, t) => (t.medianMs > a.medianMs ? t : a));
      targets.push({
        name,
        target: '< 1 s',
        measured: `slowest ${slowest.query} (${slowest.window}) ${slowest.medianMs} ms over ${r.analytics.entries} entries (${r.analytics.date})`,
        met: r.analytics.entries >= 1_000_000 ? r.analytics.timings.every((t) => t.medianMs < 1000) : null,
      });
    }
  }
  return targets;
}

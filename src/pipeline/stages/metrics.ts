/**
 * The metrics stage: the first stage, so it sees every turn, how it ended and how long it took, and reports it to
 * the hook — in the bot, its Prometheus registry (`src/metrics/bot-metrics.ts`: `helpdesk_turns_total`,
 * `helpdesk_turn_duration_seconds`). Without a hook it only passes the turn on. A hook that throws is the hook's
 * problem: it never changes the turn's answer.
 */
import type { NamedStage, TurnOutcome } from '../types.js';

export interface TurnMetric {
  channel: string;
  outcome: TurnOutcome | 'failed';
  /** Wall time of the whole pipeline for this turn, in milliseconds (a monotonic clock). */
  durationMs: number;
  replies: number;
}

export type MetricsHook = (metric: TurnMetric) => void;

export function metricsStage(hook: MetricsHook | undefined): NamedStage {
  if (!hook) return { name: 'metrics', run: (_ctx, next) => next() };
  return {
    name: 'metrics',
    async run(ctx, next) {
      const started = performance.now();
      const report = (outcome: TurnMetric['outcome'], replies: number) => {
        try {
          hook({ channel: ctx.inbound.channel, outcome, durationMs: performance.now() - started, replies });
        } catch {
          // A metrics fault must not change what the user is told.
        }
      };
      try {
        const replies = await next();
        report(ctx.outcome, replies.length);
        return replies;
      } catch (error) {
        report('failed', 0);
        throw error;
      }
    },
  };
}

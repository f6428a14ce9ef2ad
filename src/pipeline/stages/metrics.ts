/**
 * The metrics stage: the first stage, so it sees every turn, how it ended and how long it took, and reports it to
 * the hook — in the bot, its Prometheus registry (`src/metrics/bot-metrics.ts`: `helpdesk_turns_total`,
 * `helpdesk_turn_duration_seconds`). Without a hook it only passes the turn on. A hook that throws is the hook's
 * problem: it never changes the turn's answer.
 */
import type { Reply } from '../../engine/turn.js';
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
  const report = (channel: string, started: number, outcome: TurnMetric['outcome'], replies: number) => {
    try {
      hook({ channel, outcome, durationMs: performance.now() - started, replies });
    } catch {
      // A metrics fault must not change what the user is told.
    }
  };
  return {
    name: 'metrics',
    // Not an async function: one promise (`then`) per turn instead of an async frame and its await.
    run(ctx, next) {
      const started = performance.now();
      const channel = ctx.inbound.channel;
      let replies: Promise<Reply[]>;
      try {
        replies = Promise.resolve(next());
      } catch (error) {
        replies = Promise.reject(error); // a later stage that throws before its first await
      }
      return replies.then(
        (replies) => {
          report(channel, started, ctx.outcome, replies.length);
          return replies;
        },
        (error: unknown) => {
          report(channel, started, 'failed', 0);
          throw error;
        },
      );
    },
  };
}

/**
 * `slack`: signed Events API deliveries (direct messages) sent over loopback at fixed rates to
 * - the full bot: the Slack channel (adapters/slack) on the whole bot (procedure dialogs, in-memory sandbox
 *   backend, memory store), replying through a local fake Web API; and
 * - a bare Bolt app on the same HTTPReceiver settings whose listener does nothing,
 * measured in the same run, alternating which goes first. Reports acknowledgement latency p50/p99 and errors per
 * rate, and for the full bot how long it took after the last delivery until every reply was posted.
 *
 * The sender and the fake Web API run in a separate process (bench/slack/world.ts), so they do not share the app's
 * event loop; on this 2-core machine they still share its CPU, as would any co-located load generator.
 */
import { FAKE_TEAM_ID } from '../../test/support/fake-slack.js';
import { startHelper } from '../lib/child.js';
import type { LoadResult } from '../lib/open-loop.js';
import { type ProfileSummary, profile } from '../lib/profile.js';
import { median, msSince, percentile, round, sleep } from '../lib/stats.js';
import { type AppUnderTest, BOT_CATEGORIES, SECRET, startBareBolt, startFullBot } from '../slack/apps.js';
import type { FromWorld, ToWorld } from '../slack/protocol.js';

export interface SlackOptions {
  rates: number[];
  durationMs: number;
  runs: number;
  users: number;
  /** Rate of the unrecorded warm-up phase (one `durationMs` per app), and of the profiled phase of the bot. */
  warmupRate: number;
  log: (line: string) => void;
}

interface Measured {
  ackP50Ms: number;
  ackP99Ms: number;
  errors: number;
  /** Acknowledged after Slack's 3-second deadline (Slack would have retried them). */
  lateOver3s: number;
  events: number;
  /** The generator's worst lag behind schedule (should be ~0; large values mean the sender was starved). */
  senderLagMs: number;
  /** CPU time (user + system) of the app's process per event, until every event was handled. */
  cpuMsPerEvent: number;
}

interface BotMeasured extends Measured {
  /** From the last delivery's acknowledgement to the last reply posted. */
  drainMs: number;
  /** Events fully handled (replies posted) per second, from the first delivery to the last reply. */
  handledPerSecond: number;
  /** chat.postMessage calls the fake Web API received per event. */
  postsPerEvent: number;
  faults: number;
  /** The largest number of acknowledged events waiting or being handled at once (the queue's backlog). */
  maxBacklog: number;
  /** Deliveries answered 503 because the queue was full (Slack would retry them). */
  refusedBusy: number;
}

function summarise(result: LoadResult, cpu: NodeJS.CpuUsage): Measured {
  return {
    cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / Math.max(1, result.sent),
    ackP50Ms: percentile(result.latenciesMs, 0.5),
    ackP99Ms: percentile(result.latenciesMs, 0.99),
    errors: result.errors,
    lateOver3s: result.latenciesMs.filter((l) => l > 3000).length,
    events: result.sent,
    senderLagMs: result.maxSendLagMs,
  };
}

export async function runSlackSection(options: SlackOptions) {
  const world = startHelper<ToWorld, FromWorld>('bench/slack/world.ts');
  let requestId = 0;
  try {
    const ready = await world.next((m): m is Extract<FromWorld, { type: 'ready' }> => m.type === 'ready');
    const bare = await startBareBolt(ready.apiUrl);
    const full = await startFullBot(ready.apiUrl);
    const apiCalls = async () => {
      const id = ++requestId;
      world.send({ type: 'api-calls', id });
      return world.next(
        (m): m is Extract<FromWorld, { type: 'api-calls' }> => m.type === 'api-calls' && m.id === id,
      );
    };
    const load = async (app: AppUnderTest, rate: number, prefix: string) => {
      const id = ++requestId;
      world.send({
        type: 'load',
        id,
        url: app.url,
        secret: SECRET,
        teamId: FAKE_TEAM_ID,
        ratePerSecond: rate,
        durationMs: options.durationMs,
        users: Math.min(options.users, rate),
        userPrefix: prefix,
      });
      const answer = await world.next(
        (m): m is Extract<FromWorld, { type: 'loaded' | 'failed' }> =>
          (m.type === 'loaded' || m.type === 'failed') && m.id === id,
        options.durationMs + 60_000,
      );
      if (answer.type === 'failed') throw new Error(`load generator failed: ${answer.error}`);
      return answer.result;
    };

    const perRate = new Map<number, { bare: Measured[]; bot: BotMeasured[] }>();
    let botProfile: ProfileSummary | undefined;
    try {
      // Warm-up (not recorded): first deliveries pay for JIT compilation, lazy imports and new connections.
      for (const app of [bare, full]) {
        await load(app, options.warmupRate, `W${app === full ? 'B' : 'A'}X`);
        await app.idle();
      }
      for (let run = 0; run < options.runs; run++) {
        for (const rate of options.rates) {
          const order = run % 2 === 0 ? (['bare', 'bot'] as const) : (['bot', 'bare'] as const);
          const entry = perRate.get(rate) ?? { bare: [], bot: [] };
          perRate.set(rate, entry);
          for (const which of order) {
            const prefix = `${which === 'bot' ? 'B' : 'A'}${run}R${rate}X`;
            if (which === 'bare') {
              const cpu = process.cpuUsage();
              const result = await load(bare, rate, prefix);
              entry.bare.push(summarise(result, process.cpuUsage(cpu)));
              continue;
            }
            await apiCalls(); // resets the fake's counter
            const faultsBefore = full.faults();
            const queueBefore = full.queue?.({ resetHighWater: true }) ?? {
              refused: 0,
              maxBacklog: 0,
              handled: 0,
            };
            const started = process.hrtime.bigint();
            const cpu = process.cpuUsage();
            const result = await load(full, rate, prefix);
            const acked = process.hrtime.bigint();
            await full.idle();
            const drainMs = msSince(acked);
            const totalMs = msSince(started);
            const used = process.cpuUsage(cpu);
            const calls = await apiCalls();
            entry.bot.push({
              ...summarise(result, used),
              drainMs,
              handledPerSecond: (result.sent / totalMs) * 1000,
              postsPerEvent: calls.posted / Math.max(1, result.sent),
              faults: full.faults() - faultsBefore,
              maxBacklog: full.queue?.().maxBacklog ?? 0,
              refusedBusy: (full.queue?.().refused ?? 0) - queueBefore.refused,
            });
            options.log(
              `  slack ${rate}/s run ${run + 1}: bot ack p99 ${round(percentile(result.latenciesMs, 0.99))} ms, drain ${Math.round(drainMs)} ms`,
            );
          }
          await sleep(200);
        }
      }
      // One more phase of the full bot under the CPU profiler (not part of the figures above).
      botProfile = await profile(async () => {
        await load(full, options.warmupRate, 'PX');
        await full.idle();
      }, BOT_CATEGORIES);
    } finally {
      await full.close();
      await bare.close();
    }
    return {
      durationS: options.durationMs / 1000,
      runs: options.runs,
      users: options.users,
      profileRate: options.warmupRate,
      botProfile,
      rates: [...perRate].map(([rate, { bare: b, bot }]) => {
        const med = <T>(list: T[], pick: (x: T) => number) => round(median(list.map(pick)));
        const bareP50 = med(b, (x) => x.ackP50Ms);
        const bareP99 = med(b, (x) => x.ackP99Ms);
        const botP50 = med(bot, (x) => x.ackP50Ms);
        const botP99 = med(bot, (x) => x.ackP99Ms);
        return {
          ratePerSecond: rate,
          bareBolt: {
            ackP50Ms: bareP50,
            ackP99Ms: bareP99,
            errors: med(b, (x) => x.errors),
            lateOver3s: med(b, (x) => x.lateOver3s),
            events: med(b, (x) => x.events),
            senderLagMs: med(b, (x) => x.senderLagMs),
            cpuMsPerEvent: med(b, (x) => x.cpuMsPerEvent),
          },
          bot: {
            ackP50Ms: botP50,
            ackP99Ms: botP99,
            errors: med(bot, (x) => x.errors),
            lateOver3s: med(bot, (x) => x.lateOver3s),
            events: med(bot, (x) => x.events),
            senderLagMs: med(bot, (x) => x.senderLagMs),
            cpuMsPerEvent: med(bot, (x) => x.cpuMsPerEvent),
            drainMs: med(bot, (x) => x.drainMs),
            handledPerSecond: med(bot, (x) => x.handledPerSecond),
            postsPerEvent: med(bot, (x) => x.postsPerEvent),
            faults: med(bot, (x) => x.faults),
            maxBacklog: Math.max(...bot.map((x) => x.maxBacklog)),
            refusedBusy: med(bot, (x) => x.refusedBusy),
          },
          p50Ratio: round(botP50 / bareP50),
          p99Ratio: round(botP99 / bareP99),
          /** Each run's ack p99 (ms), bare and bot, to show the spread behind the medians. */
          p99PerRun: { bareBolt: b.map((x) => round(x.ackP99Ms)), bot: bot.map((x) => round(x.ackP99Ms)) },
        };
      }),
    };
  } finally {
    world.send({ type: 'close' });
    await world.stop();
  }
}

export type SlackSection = Awaited<ReturnType<typeof runSlackSection>>;

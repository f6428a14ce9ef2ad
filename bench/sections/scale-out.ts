/**
 * `scaleOut`: 1, 2 and 4 bot processes (bench/scale/instance.ts) sharing one Redis for conversations and one
 * Redis-backed fake backend, behind a round-robin "load balancer" in this process. Closed loop: `concurrency`
 * simulated customers each play the bench flow again and again; consecutive turns of one conversation land on
 * different processes. To provoke write conflicts, a share of turns is delivered twice at once to two processes (a
 * platform retry racing the original, same turn id), and a share of customers send a second message while their
 * answer to "why?" is still being handled (two different turns of one conversation on two processes at once).
 *
 * Afterwards it counts, from Redis:
 * - lost updates: a turn the driver saw answered whose id is missing from the conversation's stored
 *   `recentTurnIds`, or a conversation the driver saw finish whose stored state is not finished;
 * - duplicate backend mutations: more than one applied cancellation for one conversation (the backend applies a
 *   repeated idempotency key once, so a duplicate means two different keys were sent);
 * - missing mutations: a conversation that said "done" without an applied cancellation.
 * All three must be 0. A negative control runs the same phase on two processes whose store writes blindly (last
 * write wins): there the counters are expected to be above 0, which shows they can detect what they count.
 */
import type { Reply, Turn } from '../../src/engine/turn.js';
import { BENCH_TURNS, DONE_TEXT } from '../flow/cancel-flow.js';
import { type Helper, startHelper } from '../lib/child.js';
import { type JsonClient, jsonClient } from '../lib/json-client.js';
import { deletePrefix, redisUnavailable, uniqueNamespace } from '../lib/redis.js';
import { median, msSince, percentile, round } from '../lib/stats.js';
import type { InstanceMessage } from '../scale/instance.js';
import { botCpuMs, type Conversation, redisCpuMs, verify } from '../scale/verify.js';

export interface ScaleOutOptions {
  processes: number[];
  durationMs: number;
  concurrency: number;
  /**
   * Share of turns also delivered, at the same time, to a second process; and share of conversations where a second
   * message is sent together with the answer to "why?".
   */
  duplicateRate: number;
  runs: number;
  log: (line: string) => void;
}

/** The turn answering "why?" (free text), where a second message may arrive at the same time. */
const REASON_TURN = 2;

interface PhaseResult {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  turns: number;
  conversationsFinished: number;
  duplicateDeliveries: number;
  /** Second messages sent while the previous one was being handled. */
  concurrentMessages: number;
  /** Deliveries answered with nothing because the other copy had been handled (recognised retries). */
  recognisedRetries: number;
  /** Replies with state version -1 (busy after repeated conflicts, or an internal error). */
  engineErrors: number;
  /** CPU time of the bot processes per turn (all processes together), in ms. */
  botCpuMsPerTurn: number;
  /** CPU time of the Redis server per turn (from INFO cpu), in ms. */
  redisCpuMsPerTurn: number;
  lostUpdates: number;
  duplicateMutations: number;
  missingMutations: number;
}

/** The reply list that reflects the newest state (highest state version); `undefined` when both were empty. */
function newest(answers: Reply[][]): Reply[] | undefined {
  let best: Reply[] | undefined;
  for (const replies of answers) {
    const version = replies.at(-1)?.stateVersion;
    if (version === undefined) continue;
    if (!best || version > (best.at(-1)?.stateVersion ?? Number.NEGATIVE_INFINITY)) best = replies;
  }
  return best;
}

async function phase(
  clients: JsonClient[],
  processes: number,
  prefix: string,
  options: ScaleOutOptions,
): Promise<{
  conversations: Conversation[];
  result: Omit<PhaseResult, 'lostUpdates' | 'duplicateMutations' | 'missingMutations'>;
}> {
  const active = clients.slice(0, processes);
  const latencies: number[] = [];
  const conversations: Conversation[] = [];
  let next = 0;
  let duplicateDeliveries = 0;
  let concurrentMessages = 0;
  let recognisedRetries = 0;
  let engineErrors = 0;
  const cpuBefore = await botCpuMs(active);
  const redisBefore = await redisCpuMs();
  const started = process.hrtime.bigint();
  const deadline = performance.now() + options.durationMs;

  const worker = async (w: number) => {
    for (let c = 0; performance.now() < deadline; c++) {
      const conversation: Conversation = {
        key: `${prefix}:w${w}:c${c}`,
        answeredTurnIds: [],
        finished: false,
      };
      conversations.push(conversation);
      let version = 0;
      for (const [index, input] of BENCH_TURNS.entries()) {
        const turn: Turn = {
          conversationKey: conversation.key,
          id: `${conversation.key}:t${index}`,
          channel: 'bench',
          actor: { kind: 'customer', id: `bench-${w}` },
          input: input(version),
        };
        const target = next++ % active.length;
        const start = process.hrtime.bigint();
        const sends = [
          active[target]!.post<Reply[]>('/turn', turn).then((replies) => {
            latencies.push(msSince(start));
            return replies;
          }),
        ];
        if (Math.random() < options.duplicateRate) {
          duplicateDeliveries += 1;
          sends.push(active[(target + 1) % active.length]!.post<Reply[]>('/turn', turn));
        }
        const extra: Turn | undefined =
          index === REASON_TURN && Math.random() < options.duplicateRate
            ? { ...turn, id: `${turn.id}:more`, input: { kind: 'text', text: 'よろしくお願いします' } }
            : undefined;
        if (extra) {
          concurrentMessages += 1;
          sends.push(active[(target + 1) % active.length]!.post<Reply[]>('/turn', extra));
        }
        const answers = await Promise.all(sends);
        recognisedRetries += answers.filter((a) => a.length === 0).length;
        const replies = newest(answers);
        if (!replies || replies.at(-1)?.stateVersion === -1) {
          engineErrors += 1;
          break; // this conversation cannot go on; verification still checks what it stored
        }
        conversation.answeredTurnIds.push(turn.id ?? '');
        if (extra) conversation.answeredTurnIds.push(extra.id ?? '');
        version = replies.at(-1)?.stateVersion ?? version;
        if (index === BENCH_TURNS.length - 1)
          conversation.finished = (replies.at(-1)?.text ?? '').startsWith(DONE_TEXT);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const elapsedMs = msSince(started);
  const botCpu = (await botCpuMs(active)) - cpuBefore;
  const redisCpu = (await redisCpuMs()) - redisBefore;
  return {
    conversations,
    result: {
      turnsPerSecond: (latencies.length / elapsedMs) * 1000,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      turns: latencies.length,
      conversationsFinished: conversations.filter((c) => c.finished).length,
      duplicateDeliveries,
      concurrentMessages,
      recognisedRetries,
      engineErrors,
      botCpuMsPerTurn: botCpu / Math.max(1, latencies.length),
      redisCpuMsPerTurn: redisCpu / Math.max(1, latencies.length),
    },
  };
}

export async function runScaleOutSection(options: ScaleOutOptions) {
  const unavailable = await redisUnavailable();
  if (unavailable) return { skipped: unavailable };
  const namespace = uniqueNamespace('scale');
  const count = Math.max(...options.processes);
  const spawn = (unsafe: boolean) =>
    startHelper<never, InstanceMessage>('bench/scale/instance.ts', {
      BENCH_NAMESPACE: namespace,
      BENCH_UNSAFE_STORE: unsafe ? '1' : '0',
    });
  const helpers = Array.from({ length: count }, () => spawn(false));
  const controlHelpers = [spawn(true), spawn(true)];
  const clients: JsonClient[] = [];
  const controlClients: JsonClient[] = [];
  const connect = async (list: Helper<never, InstanceMessage>[], into: JsonClient[]) => {
    for (const helper of list) {
      const ready = await helper.next((m): m is InstanceMessage => m.type === 'ready', 60_000);
      into.push(jsonClient(ready.url));
    }
  };
  try {
    await connect(helpers, clients);
    await connect(controlHelpers, controlClients);
    // Warm-up (not recorded): JIT and connections in every process.
    await phase(clients, count, 'warm', { ...options, durationMs: Math.min(1000, options.durationMs) });
    const perProcesses = new Map<number, PhaseResult[]>();
    for (let run = 0; run < options.runs; run++) {
      for (const processes of options.processes) {
        const prefix = `n${processes}r${run}`;
        const { conversations, result } = await phase(clients, processes, prefix, options);
        const checked = await verify(namespace, prefix, conversations);
        const list = perProcesses.get(processes) ?? [];
        list.push({ ...result, ...checked });
        perProcesses.set(processes, list);
        options.log(
          `  scaleOut ${processes} process(es) run ${run + 1}: ${Math.round(result.turnsPerSecond)} turns/s, p99 ${round(result.p99Ms)} ms, lost ${checked.lostUpdates}, duplicate ${checked.duplicateMutations}`,
        );
      }
    }
    const control = await phase(controlClients, 2, 'control', options);
    const controlChecked = await verify(namespace, 'control', control.conversations);
    options.log(
      `  scaleOut control (no compare-and-set): lost ${controlChecked.lostUpdates}, duplicate ${controlChecked.duplicateMutations}`,
    );
    return {
      concurrency: options.concurrency,
      durationS: options.durationMs / 1000,
      duplicateRate: options.duplicateRate,
      runs: options.runs,
      processes: [...perProcesses].map(([processes, results]) => {
        const med = (pick: (r: PhaseResult) => number) => round(median(results.map(pick)));
        const sum = (pick: (r: PhaseResult) => number) => results.reduce((a, r) => a + pick(r), 0);
        return {
          processes,
          turnsPerSecond: med((r) => r.turnsPerSecond),
          p50Ms: med((r) => r.p50Ms),
          p99Ms: med((r) => r.p99Ms),
          botCpuMsPerTurn: med((r) => r.botCpuMsPerTurn),
          redisCpuMsPerTurn: med((r) => r.redisCpuMsPerTurn),
          // Correctness counts are totals over all runs, not medians: one lost update anywhere counts.
          turns: sum((r) => r.turns),
          conversationsFinished: sum((r) => r.conversationsFinished),
          duplicateDeliveries: sum((r) => r.duplicateDeliveries),
          concurrentMessages: sum((r) => r.concurrentMessages),
          recognisedRetries: sum((r) => r.recognisedRetries),
          engineErrors: sum((r) => r.engineErrors),
          lostUpdates: sum((r) => r.lostUpdates),
          duplicateMutations: sum((r) => r.duplicateMutations),
          missingMutations: sum((r) => r.missingMutations),
        };
      }),
      negativeControl: {
        processes: 2,
        store: 'compare-and-set disabled (last write wins)',
        turns: control.result.turns,
        duplicateDeliveries: control.result.duplicateDeliveries,
        concurrentMessages: control.result.concurrentMessages,
        ...controlChecked,
      },
    };
  } finally {
    for (const client of [...clients, ...controlClients]) client.close();
    await Promise.all([...helpers, ...controlHelpers].map((h) => h.stop()));
    await deletePrefix(namespace);
  }
}

export type ScaleOutSection = Awaited<ReturnType<typeof runScaleOutSection>>;

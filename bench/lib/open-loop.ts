/**
 * An open-loop HTTP load generator on `node:http`: request i is sent at `start + i / rate` whether or not earlier
 * requests have been answered, so a slow server shows up as latency instead of silently lowering the rate (a
 * closed loop would hide it). Latency is measured from the *scheduled* send time to the end of the response, so
 * any lag of the generator itself counts against the server rather than hiding it; the generator's own worst lag
 * is reported beside it.
 */
import { Agent, request } from 'node:http';

export interface PlannedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface LoadPlan {
  url: string;
  requests: readonly PlannedRequest[];
  ratePerSecond: number;
  /** A request not answered within this time counts as an error. */
  timeoutMs: number;
}

export interface LoadResult {
  /** Latency of every answered 2xx request, in ms, in send order. */
  latenciesMs: number[];
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  /** Answer counts by HTTP status (or `error`). */
  statuses: Record<string, number>;
  sent: number;
  /** From the first scheduled send to the last answer. */
  elapsedMs: number;
  /** The generator's worst delay behind its own schedule. */
  maxSendLagMs: number;
}

export function runOpenLoop(plan: LoadPlan): Promise<LoadResult> {
  const target = new URL(plan.url);
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const intervalMs = 1000 / plan.ratePerSecond;
  const total = plan.requests.length;
  const latencies: (number | undefined)[] = new Array(total);
  const statuses: Record<string, number> = {};
  let errors = 0;
  let answered = 0;
  let sent = 0;
  let maxSendLagMs = 0;
  const count = (status: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };

  return new Promise<LoadResult>((resolve) => {
    const start = performance.now();
    const finishOne = () => {
      answered += 1;
      if (answered === total) {
        agent.destroy();
        resolve({
          latenciesMs: latencies.filter((l): l is number => l !== undefined),
          errors,
          statuses,
          sent,
          elapsedMs: performance.now() - start,
          maxSendLagMs,
        });
      }
    };
    const fire = (index: number) => {
      const planned = plan.requests[index];
      if (!planned) return;
      const scheduled = start + index * intervalMs;
      maxSendLagMs = Math.max(maxSendLagMs, performance.now() - scheduled);
      sent += 1;
      let done = false;
      const settle = (status: string, ok: boolean) => {
        if (done) return;
        done = true;
        count(status);
        if (ok) latencies[index] = performance.now() - scheduled;
        else errors += 1;
        finishOne();
      };
      const req = request(
        {
          agent,
          method: 'POST',
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          headers: { ...planned.headers, 'content-length': Buffer.byteLength(planned.body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            settle(String(status), status >= 200 && status < 300);
          });
          res.on('error', () => settle('error', false));
        },
      );
      req.setTimeout(plan.timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', () => settle('error', false));
      req.end(planned.body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now() - start;
      while (next < total && next * intervalMs <= now) fire(next++);
      if (next < total) setTimeout(tick, Math.max(0, next * intervalMs - (performance.now() - start)));
    };
    if (total === 0)
      resolve({ latenciesMs: [], errors: 0, statuses, sent: 0, elapsedMs: 0, maxSendLagMs: 0 });
    else tick();
  });
}

/**
 * Liveness and readiness, for the orchestrator in front of the bot:
 * - `GET /healthz` (and `/health`): the process is up and serving HTTP — 200, nothing else is checked (restart
 *   the process only when this fails);
 * - `GET /readyz`: every dependency a turn needs answers — the conversation store, the audit log's database and
 *   the backend — each named with `ok` or `down` (and the error's class, never a URL, key or message); 200 when
 *   all are ok, else 503 with `Retry-After`. Each check is bounded by a timeout, so a hanging dependency is `down`
 *   rather than a hanging probe.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from './routes.js';

/** One named dependency check: resolves when the dependency answers, rejects (or times out) when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, { status: 'ok' | 'down'; error?: string }>;
}

const DEFAULT_CHECK_TIMEOUT_MS = 2_000;
const RETRY_AFTER_S = 5;

class CheckTimeout extends Error {
  override readonly name = 'Timeout';
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CheckTimeout()), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Runs every check at once; an error is named by its class (`Error`, `Timeout`, `ECONNREFUSED` …) only. */
export async function checkReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = DEFAULT_CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await within(Promise.resolve().then(check), timeoutMs);
        return [name, { status: 'ok' as const }] as const;
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        const kind =
          typeof code === 'string' && /^[A-Z_]+$/.test(code)
            ? code
            : error instanceof Error
              ? error.name
              : 'Error';
        return [name, { status: 'down' as const, error: kind }] as const;
      }
    }),
  );
  return {
    ready: results.every(([, result]) => result.status === 'ok'),
    checks: Object.fromEntries(results),
  };
}

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function send(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  response.writeHead(status, { ...HEADERS, ...extra });
  response.end(JSON.stringify(body));
}

/**
 * The routes; `readiness` is asked on every `/readyz`. `notices` adds what an operator must act on while the
 * process is fine (e.g. `{ holidays, warnings }` when the holiday table ends): it never turns liveness red.
 */
export function healthRoutes(
  readiness: () => Promise<Readiness>,
  notices: () => Record<string, unknown> = () => ({}),
): Route[] {
  const live = (_request: IncomingMessage, response: ServerResponse) =>
    send(response, 200, { status: 'alive', readiness: '/readyz', ...notices() });
  return [
    { method: 'GET', path: '/healthz', handle: live },
    { method: 'GET', path: '/health', handle: live },
    {
      method: 'GET',
      path: '/readyz',
      async handle(_request, response) {
        const result = await readiness();
        send(
          response,
          result.ready ? 200 : 503,
          { status: result.ready ? 'ready' : 'not ready', checks: result.checks },
          result.ready ? {} : { 'retry-after': String(RETRY_AFTER_S) },
        );
      },
    },
  ];
}

/**
 * Liveness and readiness (item 9 of the outside probe: `/healthz` said ok with Redis down). `/healthz` is the
 * process alone; `/readyz` names each dependency — the conversation store (Redis here, stopped by the test), the
 * audit log and the backend (pointed at a closed port) — and answers 503 with Retry-After while one is down,
 * without a URL or secret in the answer.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { checkReadiness } from '../src/http/health.js';
import { type RunningServer, startServer } from '../src/server.js';
import { type FlakyRedis, redisServerAvailable, startFlakyRedis } from './support/flaky-redis.js';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 9));
    });
  });
}

describe('checkReadiness', () => {
  it('names each check; a hanging one is down by timeout; errors by class only', async () => {
    const result = await checkReadiness(
      [
        { name: 'fine', check: async () => 1 },
        { name: 'hangs', check: () => new Promise(() => {}) },
        {
          name: 'refused',
          check: async () => {
            throw Object.assign(new Error('connect ECONNREFUSED postgres://u:secret@db'), {
              code: 'ECONNREFUSED',
            });
          },
        },
      ],
      50,
    );
    expect(result).toEqual({
      ready: false,
      checks: {
        fine: { status: 'ok' },
        hangs: { status: 'down', error: 'Timeout' },
        refused: { status: 'down', error: 'ECONNREFUSED' },
      },
    });
  });
});

describe.runIf(redisServerAvailable())('a server on Redis whose dependencies go down', () => {
  let redis: FlakyRedis;
  let running: RunningServer;
  beforeAll(async () => {
    redis = await startFlakyRedis();
    running = await startServer(
      loadConfig({
        PORT: '0',
        STORE: 'redis',
        REDIS_URL: redis.url,
        BACKEND_URL: `http://127.0.0.1:${await closedPort()}`,
        LOG_LEVEL: 'silent',
      }),
    );
  });
  afterAll(async () => {
    if (redis.pid === undefined) await redis.start();
    await running.close();
    await redis.close();
  });

  it('readiness names the backend down; with Redis stopped, the store too; liveness stays 200', async () => {
    const first = await fetch(`${running.url}/readyz`);
    expect(first.status).toBe(503);
    const body = (await first.json()) as { checks: Record<string, { status: string }> };
    expect(body.checks.backend?.status).toBe('down');
    expect(body.checks['conversation-store']?.status).toBe('ok');

    await redis.stop();
    const down = await fetch(`${running.url}/readyz`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    const text = await down.text();
    expect(JSON.parse(text).checks['conversation-store'].status).toBe('down');
    expect(text).not.toContain(String(redis.port));
    expect(text).not.toContain('127.0.0.1');

    const live = await fetch(`${running.url}/healthz`);
    expect(live.status).toBe(200);
  });
});

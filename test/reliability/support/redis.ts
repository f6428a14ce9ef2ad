/**
 * Whether the Redis the reliability tests use is reachable. Tests on Redis are skipped with a visible message
 * when it is not — except in CI (CI=true), where a missing Redis is a failure, not a skip.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Sends PING and waits up to `timeoutMs` for +PONG (or an auth error, which also proves a Redis answers). */
export function redisReachable(url = REDIS_URL, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(/^[+-]/.test(data.toString('utf8'))));
  });
}

/**
 * Checks Redis once per test file. When it is down: outside CI, prints why the Redis tests are skipped; in CI,
 * registers a failing test. Returns whether the Redis tests should run.
 */
export async function requireRedis(what: string): Promise<boolean> {
  const up = await redisReachable();
  if (up) return true;
  const inCi = process.env.CI === 'true';
  if (!inCi) console.warn(`SKIPPED ${what}: no Redis answers at ${new URL(REDIS_URL).host} (set REDIS_URL).`);
  describe.runIf(inCi)(`${what} (Redis required in CI)`, () => {
    it(`finds Redis at ${new URL(REDIS_URL).host}`, () => {
      expect(up, 'Redis must be reachable when CI=true').toBe(true);
    });
  });
  return false;
}

/**
 * Two real bot processes (the built server, `node dist/src/server.js`) on one Redis (STORE=redis): what one
 * instance counts or stores, the other sees. A web chat session opened on instance A is used alternately on A and
 * B; the per-session turn limit (20 per 10 s) is one count across both, so the 21st turn is refused wherever it
 * lands. (Per process, each instance would have admitted 20.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '../adapters/web/support.js';
import { type BuiltServer, build, startBuilt } from './built.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dir = mkdtempSync(join(tmpdir(), 'two-instances-'));
const servers: BuiltServer[] = [];

const start = (name: string) =>
  startBuilt({
    PORT: '0',
    STORE: 'redis',
    REDIS_URL,
    SQLITE_PATH: join(dir, name, 'conversations.sqlite'),
    SANDBOX_PATH: join(dir, name, 'sandbox.sqlite'),
    // Both instances must verify each other's web tokens; sessions live in Redis.
    WEB_TOKEN_SECRET: 'two-instances-web-token-secret-0123456789',
  });

beforeAll(async () => {
  build();
  servers.push(await start('a'), await start('b'));
}, 780_000);
afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('two bot processes on one Redis', () => {
  it('share the web chat turn limit: 20 turns across A and B, the 21st refused on either', async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers expected');
    const onA = new WebClient(a.url);
    const first = await onA.turn({ kind: 'start', dialogId: 'menu' });
    expect(first.status).toBe(200);
    // The same browser (cookie) on instance B: the session is found there (it lives in Redis).
    const onB = new WebClient(b.url);
    onB.cookie = onA.cookie;
    const statuses: number[] = [];
    for (let turn = 2; turn <= 20; turn++) {
      const client = turn % 2 === 0 ? onB : onA;
      statuses.push((await client.turn({ kind: 'text', text: 'こんにちは' })).status);
    }
    expect(statuses).toEqual(Array(19).fill(200));
    const refusedOnA = await onA.turn({ kind: 'text', text: 'こんにちは' });
    const refusedOnB = await onB.turn({ kind: 'text', text: 'こんにちは' });
    expect([refusedOnA.status, refusedOnB.status]).toEqual([429, 429]);
    expect(Number(refusedOnB.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { startSandboxTarget } from './sandbox-target.js';
import { CONFORMANCE_CASES, caseContext, runConformance } from './suite.js';
import type { ConformanceTarget } from './target.js';

describe('conformance suite against the sandbox', () => {
  let sandbox: Sandbox;
  let target: ConformanceTarget;
  beforeAll(async () => {
    ({ sandbox, target } = await startSandboxTarget());
  });
  afterAll(() => sandbox.close());

  // One `it` per case, in the suite's order (cases build on each other's effects).
  for (const testCase of CONFORMANCE_CASES) {
    it(testCase.name, () => testCase.run(caseContext(target)));
  }
});

/** A proxy that gives every request a fresh Idempotency-Key: together, a backend that ignores keys. */
async function keyDroppingProxy(upstream: string): Promise<{ server: Server; url: string }> {
  const server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers };
    headers['idempotency-key'] = `proxy-${randomUUID()}`;
    const forwarded = httpRequest(
      new URL(incoming.url ?? '/', upstream),
      { method: incoming.method, headers },
      (reply) => {
        outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('conformance suite against a broken backend', () => {
  it('fails the idempotency cases when the backend ignores keys', async () => {
    const { sandbox, target } = await startSandboxTarget();
    const proxy = await keyDroppingProxy(target.baseUrl);
    try {
      const results = await runConformance({ ...target, baseUrl: proxy.url });
      const failed = results.filter((result) => result.outcome === 'failed').map((result) => result.name);
      expect(failed).toContain('every state-changing operation requires an Idempotency-Key');
      expect(failed).toContain('deleting a device removes it, once, and records the agent and the customer');
    } finally {
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      await sandbox.close();
    }
  });
});

describe('conformance suite judges times by the target clock', () => {
  // A backend whose clock is years away from this machine's: the cases read its Date header, not Date.now().
  it('passes against a sandbox running in 2020, known only through its Date header', async () => {
    const { sandbox, target } = await startSandboxTarget('2020-01-06T10:00:00+09:00');
    try {
      const { now: _known, ...foreign } = target;
      const results = await runConformance(foreign);
      const timeCases = results.filter(
        (result) => result.name.includes('token for that customer') || result.name.includes('site assertion'),
      );
      expect(timeCases.length).toBeGreaterThanOrEqual(3);
      expect(timeCases.filter((result) => result.outcome !== 'passed')).toEqual([]);
      const answer = await fetch(new URL('/miemasu/account', target.baseUrl));
      expect(new Date(answer.headers.get('date') ?? '').toISOString()).toBe('2020-01-06T01:00:00.000Z');
    } finally {
      await sandbox.close();
    }
  });
});

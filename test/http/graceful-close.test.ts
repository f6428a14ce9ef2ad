/**
 * `serve().close(graceMs)`: a request being handled when the server starts closing still gets its answer; new
 * connections are refused; past the grace, what is still running is cut off. `close()` without a grace cuts at
 * once (the old behaviour).
 */
import { Agent, request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../src/http/routes.js';
import { serve } from '../../src/http/serve.js';

/** A route that answers once `release` is called, and a fast one. */
function slowRoute() {
  let release: () => void = () => {};
  let signalArrival: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    signalArrival = resolve;
  });
  const slow: Route = {
    method: 'GET',
    path: '/slow',
    async handle(_request, response) {
      signalArrival();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      response.end('finished');
    },
  };
  const fast: Route = {
    method: 'GET',
    path: '/fast',
    handle: (_q, response) => {
      response.end('fast');
    },
  };
  return { routes: [slow, fast], arrived, release: () => release() };
}

function get(url: string, agent?: Agent): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('graceful close', () => {
  it('lets the request in flight finish and refuses new connections', async () => {
    const { routes, arrived, release } = slowRoute();
    const served = await serve(routes, { host: '127.0.0.1', port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const slow = get(`${served.url}/slow`, agent);
    await arrived;
    expect(served.inFlight()).toBe(1);
    const closing = served.close(10_000);
    expect(served.draining()).toBe(true);
    await expect(get(`${served.url}/fast`)).rejects.toThrow(); // a new connection is refused
    release();
    expect(await slow).toEqual(expect.objectContaining({ status: 200, body: 'finished' }));
    await closing;
    agent.destroy();
  });

  it('cuts off what is still running after the grace period', async () => {
    const { routes, arrived } = slowRoute();
    const served = await serve(routes, { host: '127.0.0.1', port: 0 });
    const slow = get(`${served.url}/slow`);
    await arrived;
    const started = Date.now();
    await served.close(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(slow).rejects.toThrow();
  });

  it('close() without a grace cuts a request in flight at once', async () => {
    const { routes, arrived } = slowRoute();
    const served = await serve(routes, { host: '127.0.0.1', port: 0 });
    const slow = get(`${served.url}/slow`);
    await arrived;
    await served.close();
    await expect(slow).rejects.toThrow();
  });
});

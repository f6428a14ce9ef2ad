import { afterEach, describe, expect, it } from 'vitest';
import {
  createResilientFetch,
  type ResilientFetchOptions,
} from '../../../src/backend/client/resilient-fetch.js';
import { TransportError } from '../../../src/backend/client/transport-error.js';
import { type FakeServer, startFakeServer } from './fake-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A resilient fetch whose sleeps are recorded instead of waited, with jitter draws fixed at 0.5. */
function recordingFetch(options: ResilientFetchOptions = {}) {
  const delays: number[] = [];
  const fetch = createResilientFetch({
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  return { fetch, delays };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('retries', () => {
  it('retries a GET on 503 with exponential full-jitter backoff, then returns the success', async () => {
    server = await startFakeServer({ status: 503 }, { status: 503 }, { status: 200, json: { ok: 1 } });
    const { fetch, delays } = recordingFetch();
    const response = await fetch(new Request(`${server.baseUrl}/csps/contracts`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  it('stops after maxAttempts and returns the last answer', async () => {
    server = await startFakeServer({ status: 504 });
    const { fetch, delays } = recordingFetch({ retry: { maxAttempts: 4 } });
    const response = await fetch(new Request(`${server.baseUrl}/csps/contracts`));
    expect(response.status).toBe(504);
    expect(server.requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    server = await startFakeServer({ status: 503 }, { status: 200 });
    const { fetch, delays } = recordingFetch();
    const response = await fetch(new Request(`${server.baseUrl}/x`, { method: 'POST', body: '{"a":1}' }));
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('never retries a POST without an Idempotency-Key after a network error either', async () => {
    server = await startFakeServer({ drop: true }, { status: 200 });
    const { fetch } = recordingFetch();
    const error = await rejection(fetch(new Request(`${server.baseUrl}/x`, { method: 'POST', body: '{}' })));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).reason).toBe('network');
    expect(server.requests).toHaveLength(1);
  });

  it('retries an idempotency-keyed POST, resending the same key and the same body', async () => {
    server = await startFakeServer({ status: 502 }, { drop: true }, { status: 201, json: { id: 'R-1' } });
    const { fetch } = recordingFetch();
    const request = new Request(`${server.baseUrl}/x`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'conv-1:confirm-2', 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '不要になりました' }),
    });
    const response = await fetch(request);
    expect(response.status).toBe(201);
    expect(server.requests).toHaveLength(3);
    for (const recorded of server.requests) {
      expect(recorded.headers['idempotency-key']).toBe('conv-1:confirm-2');
      expect(JSON.parse(recorded.body)).toEqual({ reason: '不要になりました' });
    }
  });

  it('does not retry statuses that are not transient (500, 404)', async () => {
    server = await startFakeServer({ status: 500 }, { status: 200 });
    const { fetch } = recordingFetch();
    expect((await fetch(new Request(`${server.baseUrl}/a`))).status).toBe(500);
    expect(server.requests).toHaveLength(1);
    server.script({ status: 404 }, { status: 200 });
    expect((await fetch(new Request(`${server.baseUrl}/a`))).status).toBe(404);
    expect(server.requests).toHaveLength(2);
  });
});

describe('Retry-After', () => {
  it('waits the seconds the server asks for instead of the backoff', async () => {
    server = await startFakeServer({ status: 429, headers: { 'Retry-After': '2' } }, { status: 200 });
    const { fetch, delays } = recordingFetch();
    expect((await fetch(new Request(`${server.baseUrl}/a`))).status).toBe(200);
    expect(delays).toEqual([2000]);
  });

  it('reads an HTTP-date against the injected clock', async () => {
    const now = Date.parse('2026-11-23T03:00:00Z');
    server = await startFakeServer(
      { status: 503, headers: { 'Retry-After': 'Mon, 23 Nov 2026 03:00:03 GMT' } },
      { status: 200 },
    );
    const { fetch, delays } = recordingFetch({ now: () => now });
    expect((await fetch(new Request(`${server.baseUrl}/a`))).status).toBe(200);
    expect(delays).toEqual([3000]);
  });

  it('gives up instead of waiting longer than maxRetryAfterMs', async () => {
    server = await startFakeServer({ status: 503, headers: { 'Retry-After': '120' } }, { status: 200 });
    const { fetch, delays } = recordingFetch({ retry: { maxRetryAfterMs: 10_000 } });
    expect((await fetch(new Request(`${server.baseUrl}/a`))).status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt that gets no answer and retries a GET', async () => {
    server = await startFakeServer({ hang: true });
    const { fetch, delays } = recordingFetch({ timeoutMs: 50, retry: { maxAttempts: 2 } });
    const error = await rejection(fetch(new Request(`${server.baseUrl}/slow`)));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).reason).toBe('timeout');
    expect((error as TransportError).attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it('succeeds after a timed-out attempt when the next one answers', async () => {
    server = await startFakeServer({ hang: true }, { status: 200, json: [] });
    const { fetch } = recordingFetch({ timeoutMs: 50 });
    expect((await fetch(new Request(`${server.baseUrl}/slow`))).status).toBe(200);
  });

  it("does not retry the caller's own abort", async () => {
    server = await startFakeServer({ hang: true });
    const { fetch } = recordingFetch({ timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = fetch(new Request(`${server.baseUrl}/slow`, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    const error = await rejection(pending);
    expect((error as TransportError).reason).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });
});

describe('responses', () => {
  it('hands back a 204 with no body', async () => {
    server = await startFakeServer({ status: 204 });
    const { fetch } = recordingFetch();
    const response = await fetch(new Request(`${server.baseUrl}/a`, { method: 'DELETE' }));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../../src/backend/client/create-backend-client.js';
import { settle, toOperationOutcome } from '../../../src/backend/client/result.js';
import { type FakeServer, problem, startFakeServer } from './fake-server.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const customer = { actor: { kind: 'customer', id: 'C1' }, credentials: { customerToken: 't' } } as const;
const KEY = 'conv-1:confirm-1';

async function withdraw(fake: FakeServer) {
  const api = createBackendClient({ baseUrl: fake.baseUrl, sleep: async () => {} }).with(customer);
  return settle('POST', api.POST('/miemasu/withdrawal', { params: { header: { 'Idempotency-Key': KEY } } }));
}

async function listDevices(fake: FakeServer) {
  const api = createBackendClient({ baseUrl: fake.baseUrl, sleep: async () => {} }).with(customer);
  return settle('GET', api.GET('/miemasu/devices'));
}

describe('settle: success', () => {
  it('returns the parsed body', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [{ deviceId: 'd1' }] } });
    const result = await listDevices(server);
    expect(result).toEqual({ ok: true, status: 200, data: { devices: [{ deviceId: 'd1' }] } });
    expect(toOperationOutcome(result)).toEqual({ ok: true, data: { devices: [{ deviceId: 'd1' }] } });
  });

  it('treats a body-less 204 as success with undefined data', async () => {
    server = await startFakeServer({ status: 204 });
    const result = await withdraw(server);
    expect(result).toEqual({ ok: true, status: 204, data: undefined });
  });
});

describe('settle: refused', () => {
  it('turns a problem+json business refusal into `refused` with its code', async () => {
    server = await startFakeServer({
      status: 409,
      problem: problem(409, 'devices-remain', { detail: '2 devices remain', remainingDevices: 2 }),
    });
    const result = await withdraw(server);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'refused',
        status: 409,
        code: 'devices-remain',
        title: 'devices-remain',
        detail: '2 devices remain',
      },
    });
    expect(toOperationOutcome(result)).toEqual({
      ok: false,
      kind: 'refused',
      code: 'devices-remain',
      detail: '2 devices remain',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('treats 404 not-found as a refusal the dialog can branch on', async () => {
    server = await startFakeServer({ status: 404, problem: problem(404, 'not-found') });
    expect(toOperationOutcome(await listDevices(server))).toMatchObject({
      kind: 'refused',
      code: 'not-found',
    });
  });
});

describe('settle: unreachable', () => {
  it('reports 503 after the retries as unreachable; a read has a known outcome', async () => {
    server = await startFakeServer({ status: 503 });
    const result = await listDevices(server);
    expect(server.requests).toHaveLength(3);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', reason: 'server-error', status: 503, outcomeUnknown: false },
    });
  });

  it('reports a 500 on a write as unreachable with an unknown outcome, without retrying', async () => {
    server = await startFakeServer({ status: 500, problem: problem(500, 'internal-error') });
    const result = await withdraw(server);
    expect(server.requests).toHaveLength(1);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', status: 500, outcomeUnknown: true },
    });
    expect(toOperationOutcome(result)).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('reports 429 after the retries as unreachable (rate limited)', async () => {
    server = await startFakeServer({ status: 429, headers: { 'Retry-After': '1' } });
    const result = await listDevices(server);
    expect(server.requests).toHaveLength(3);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable', reason: 'rate-limited' } });
  });

  it('reports a dropped connection on a write as unreachable with an unknown outcome', async () => {
    server = await startFakeServer({ drop: true });
    const result = await withdraw(server);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', reason: 'network', outcomeUnknown: true },
    });
    // The write carried an Idempotency-Key, so it was retried with the same key.
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([KEY]));
  });
});

describe('settle: bug', () => {
  it('reports 400 as our bug, never a refusal', async () => {
    server = await startFakeServer({ status: 400, problem: problem(400, 'validation-failed') });
    const result = await withdraw(server);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'bug', reason: 'invalid-request', status: 400 },
    });
    expect(toOperationOutcome(result)).toMatchObject({ ok: false, kind: 'bug' });
  });

  it('reports contract misuse codes as bugs whatever the status', async () => {
    server = await startFakeServer({ status: 422, problem: problem(422, 'idempotency-key-reuse') });
    expect(await withdraw(server)).toMatchObject({ error: { kind: 'bug', code: 'idempotency-key-reuse' } });
  });

  it('reports an expired or invalid token (401 unauthenticated) as a refusal to re-verify, and 403 as a bug', async () => {
    server = await startFakeServer({ status: 401, problem: problem(401, 'unauthenticated') });
    expect(await listDevices(server)).toMatchObject({ error: { kind: 'refused', code: 'unauthenticated' } });
    server.script({ status: 403, problem: problem(403, 'forbidden') });
    expect(await listDevices(server)).toMatchObject({ error: { kind: 'bug', reason: 'forbidden' } });
  });

  it('reports a 4xx without a problem code as a bug', async () => {
    server = await startFakeServer({ status: 409, text: 'conflict' });
    expect(await withdraw(server)).toMatchObject({ error: { kind: 'bug', reason: 'unexpected-response' } });
  });

  it('reports a success whose body is not JSON as a bug', async () => {
    server = await startFakeServer({ status: 200, text: 'not json' });
    expect(await listDevices(server)).toMatchObject({
      error: { kind: 'bug', reason: 'unexpected-response' },
    });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../../src/backend/client/create-backend-client.js';
import { createOperationRegistry } from '../../../src/backend/client/operation-registry.js';
import { loadOperationCatalog } from '../../../src/backend/operation-metadata.js';
import type { OperationContext } from '../../../src/engine/operations.js';
import { type FakeServer, problem, startFakeServer } from './fake-server.js';

const catalog = loadOperationCatalog();
const destructiveIds = Object.entries(catalog)
  .filter(([, meta]) => meta.destructive)
  .map(([operationId]) => operationId);

/** Arguments that satisfy every binding. */
const ARGS = {
  email: 'taro@example.jp',
  verificationId: 'v-1',
  code: '123456',
  deviceId: 'dev-1',
  contractNumber: 'HMAO061322',
  applicationNumber: 'R-20261123-000001',
  reason: '利用しなくなったため',
};

const customerCtx: OperationContext = {
  conversationKey: 'cli:local',
  actor: { kind: 'customer', id: 'C1' },
  locale: 'ja',
  credentials: { customerToken: 'customer-token-1' },
};

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function registryFor(fake: FakeServer) {
  const backend = createBackendClient({ baseUrl: fake.baseUrl, sleep: async () => {}, random: () => 0 });
  return createOperationRegistry(backend, catalog);
}

describe('createOperationRegistry: metadata', () => {
  it('exposes every spec operation with its x-destructive / x-consequences', () => {
    const registry = createOperationRegistry(createBackendClient({ baseUrl: 'http://127.0.0.1:9' }), catalog);
    expect(Object.keys(registry).sort()).toEqual(Object.keys(catalog).sort());
    expect(registry.deleteMiemasuDevice).toMatchObject({
      destructive: true,
      consequences: ['no-refund', 'license-forfeit', 'data-loss'],
    });
    expect(registry.listMiemasuDevices).toMatchObject({ destructive: false, consequences: [] });
    expect(destructiveIds.length).toBeGreaterThan(0);
  });

  it('refuses to build when the catalog names an operation the client cannot send', () => {
    const backend = createBackendClient({ baseUrl: 'http://127.0.0.1:9' });
    expect(() =>
      createOperationRegistry(backend, { eraseEverything: { destructive: true, consequences: [] } }),
    ).toThrow(/"eraseEverything" has no client binding; bound operations are: .*deleteMiemasuDevice/);
  });

  it('refuses to build when the spec and the binding disagree on the method', () => {
    const backend = createBackendClient({ baseUrl: 'http://127.0.0.1:9' });
    expect(() =>
      createOperationRegistry(backend, {
        deleteMiemasuDevice: { destructive: true, consequences: [], method: 'POST' },
      }),
    ).toThrow(/POST in the spec but bound as DELETE/);
  });
});

describe('createOperationRegistry: the idempotency safety invariant', () => {
  it.each(destructiveIds)('%s without an idempotency key is a bug and sends nothing', async (operationId) => {
    server = await startFakeServer({ status: 200, json: {} });
    const operation = registryFor(server)[operationId];
    const outcome = await operation?.run(ARGS, { ...customerCtx, idempotencyKey: undefined });
    expect(outcome).toMatchObject({ ok: false, kind: 'bug' });
    expect(outcome && !outcome.ok && outcome.detail).toMatch(/idempotency key/);
    expect(server.requests).toHaveLength(0);
  });

  it('a destructive call sends the conversation key, the customer token and the right route', async () => {
    const deletion = {
      deviceId: 'dev-1',
      name: 'CameraOA',
      domainName: 'camera-oa.example.jp',
      deletedAt: '2026-11-23T01:00:00.000Z',
      remainingDevices: 0,
      performedBy: { kind: 'customer', id: 'CUS-1', customerId: 'CUS-1' },
    };
    server = await startFakeServer({ status: 200, json: deletion });
    const outcome = await registryFor(server).deleteMiemasuDevice?.run(ARGS, {
      ...customerCtx,
      idempotencyKey: 'cli:local:confirm-7',
    });
    expect(outcome).toEqual({ ok: true, data: deletion });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'DELETE', url: '/miemasu/devices/dev-1' });
    expect(request?.headers['idempotency-key']).toBe('cli:local:confirm-7');
    expect(request?.headers.authorization).toBe('Bearer customer-token-1');
    expect(request?.headers).not.toHaveProperty('on-behalf-of');
  });

  it('gives a non-destructive write a fresh key of its own when the caller has none', async () => {
    server = await startFakeServer({ status: 202, json: { verificationId: 'v', expiresAt: 'x' } });
    const registry = registryFor(server);
    await registry.startVerification?.run({ email: 'taro@example.jp' }, customerCtx);
    await registry.startVerification?.run({ email: 'taro@example.jp' }, customerCtx);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^.{8,255}$/);
    expect(keys[1]).toMatch(/^.{8,255}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ email: 'taro@example.jp' });
  });
});

describe('createOperationRegistry: Idempotency-Key is set once', () => {
  /** A fetch that records each attempt's headers: the first attempt gets a 503 (retried), the next a 200. */
  function capturingBackend() {
    const attempts: Array<Array<[string, string]>> = [];
    const fetch = async (request: Request): Promise<Response> => {
      attempts.push([...request.headers]);
      return attempts.length === 1
        ? new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } })
        : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const backend = createBackendClient({
      baseUrl: 'http://backend.test',
      fetch,
      sleep: async () => {},
      random: () => 0,
    });
    return { registry: createOperationRegistry(backend, catalog), attempts };
  }

  it.each(destructiveIds)(
    "%s: every attempt carries exactly one Idempotency-Key, the engine's",
    async (operationId) => {
      const { registry, attempts } = capturingBackend();
      const engineKey = `cli:local:confirm-${operationId}`;
      await registry[operationId]?.run(ARGS, { ...customerCtx, idempotencyKey: engineKey });
      expect(attempts).toHaveLength(2); // the 503 was retried: the same key is what makes that safe
      for (const headers of attempts) {
        // Headers joins repeated values ("k, k"), so one entry equal to the key means it was set exactly once.
        expect(headers.filter(([name]) => name.toLowerCase() === 'idempotency-key')).toEqual([
          ['idempotency-key', engineKey],
        ]);
      }
    },
  );
});

describe('createOperationRegistry: run', () => {
  it('acts for a customer with the agent key and On-Behalf-Of', async () => {
    server = await startFakeServer({ status: 200, json: { contracts: [] } });
    const outcome = await registryFor(server).listCspsContracts?.run(
      {},
      {
        ...customerCtx,
        actor: { kind: 'agent', id: 'A1', onBehalfOf: 'C1' },
        credentials: { agentKey: 'agent-key-1' },
      },
    );
    expect(outcome).toEqual({ ok: true, data: { contracts: [] } });
    expect(server.requests[0]?.headers).toMatchObject({
      authorization: 'Bearer agent-key-1',
      'on-behalf-of': 'C1',
    });
  });

  it('passes path and query arguments', async () => {
    server = await startFakeServer({ status: 200, json: {} });
    await registryFor(server).getCancellationQuote?.run(
      { contractNumber: 'HMUH022123', desiredMonth: '2027-02' },
      customerCtx,
    );
    expect(server.requests[0]?.url).toBe(
      '/csps/contracts/HMUH022123/cancellation-quote?desiredMonth=2027-02',
    );
  });

  it('reports arguments that do not fit as a bug without sending, and without echoing values', async () => {
    server = await startFakeServer({ status: 200, json: {} });
    const outcome = await registryFor(server).createCancellationApplication?.run(
      { contractNumber: 'HMAO061322', reason: '', domainDisposition: 'sell-it' },
      { ...customerCtx, idempotencyKey: 'k-12345678' },
    );
    expect(outcome).toMatchObject({ ok: false, kind: 'bug' });
    const detail = outcome && !outcome.ok ? (outcome.detail ?? '') : '';
    expect(detail).toMatch(/reason/);
    expect(detail).toMatch(/domainDisposition/);
    expect(detail).not.toContain('sell-it');
    expect(server.requests).toHaveLength(0);
  });

  it('returns the problem code of a business refusal', async () => {
    server = await startFakeServer({
      status: 409,
      problem: problem(409, 'devices-remain', { remainingDevices: 1 }),
    });
    const outcome = await registryFor(server).withdrawAnnualPack?.run(
      {},
      { ...customerCtx, idempotencyKey: 'k-12345678' },
    );
    expect(outcome).toMatchObject({ ok: false, kind: 'refused', code: 'devices-remain' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  type BackendClientOptions,
  createBackendClient,
} from '../../../src/backend/client/create-backend-client.js';
import type { BackendLogger } from '../../../src/backend/client/logger.js';
import { settle } from '../../../src/backend/client/result.js';
import { type FakeServer, startFakeServer } from './fake-server.js';

const CUSTOMER_TOKEN = 'cust-token-SECRET-0123456789';
const AGENT_KEY = 'agent-key-SECRET-9876543210';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function backendFor(fake: FakeServer, options: Partial<BackendClientOptions> = {}) {
  return createBackendClient({ baseUrl: fake.baseUrl, random: () => 0, sleep: async () => {}, ...options });
}

describe('auth middleware', () => {
  it('sends the customer token as a bearer token', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    const api = backendFor(server).with({
      actor: { kind: 'customer', id: 'C1' },
      credentials: { customerToken: CUSTOMER_TOKEN, agentKey: AGENT_KEY },
    });
    await api.GET('/miemasu/devices');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${CUSTOMER_TOKEN}`);
  });

  it('sends the agent key for an agent', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    const api = backendFor(server).with({
      actor: { kind: 'agent', id: 'A1', onBehalfOf: 'C1' },
      credentials: { customerToken: CUSTOMER_TOKEN, agentKey: AGENT_KEY },
    });
    await api.GET('/miemasu/devices');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${AGENT_KEY}`);
  });

  it('sends no Authorization header without a credential', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    const api = backendFor(server).with({ actor: { kind: 'customer', id: 'C1' } });
    await api.GET('/miemasu/devices');
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('takes the token from a custom provider, per call', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    const backend = backendFor(server, { credentials: (call) => `issued-for-${call.actor?.id}` });
    await backend.with({ actor: { kind: 'customer', id: 'C7' } }).GET('/miemasu/devices');
    await backend.with({ actor: { kind: 'customer', id: 'C8' } }).GET('/miemasu/devices');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer issued-for-C7',
      'Bearer issued-for-C8',
    ]);
  });

  it('never writes a credential into a log line, even while retrying', async () => {
    server = await startFakeServer({ status: 503 }, { hang: true }, { status: 200, json: { devices: [] } });
    const lines: string[] = [];
    const logger: BackendLogger = {
      debug: (fields, message) => lines.push(JSON.stringify({ ...fields, message })),
      warn: (fields, message) => lines.push(JSON.stringify({ ...fields, message })),
    };
    const api = backendFor(server, { logger, timeoutMs: 1_000 }).with({
      actor: { kind: 'agent', id: 'A1', onBehalfOf: 'C1' },
      credentials: { agentKey: AGENT_KEY },
    });
    const result = await settle(
      'GET',
      api.GET('/csps/contracts/{contractNumber}', { params: { path: { contractNumber: 'HMAO061322' } } }),
    );
    expect(result.ok).toBe(true);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('SECRET');
      expect(line).not.toContain('HMAO061322');
      expect(line).toContain('/csps/contracts/*');
    }
  });
});

describe('acting-as middleware', () => {
  it('names the customer an agent acts for in On-Behalf-Of', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    await backendFor(server)
      .with({ actor: { kind: 'agent', id: 'A1', onBehalfOf: 'C42' }, credentials: { agentKey: AGENT_KEY } })
      .GET('/miemasu/devices');
    expect(server.requests[0]?.headers['on-behalf-of']).toBe('C42');
  });

  it('never sends On-Behalf-Of for a customer, even when asked to in params', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    await backendFor(server)
      .with({ actor: { kind: 'customer', id: 'C1' }, credentials: { customerToken: CUSTOMER_TOKEN } })
      .GET('/miemasu/devices', { params: { header: { 'On-Behalf-Of': 'C999' } } });
    expect(server.requests[0]?.headers).not.toHaveProperty('on-behalf-of');
  });
});

describe('Idempotency-Key', () => {
  it('is sent as the caller passed it (the contract requires it on writes); the client adds none of its own', async () => {
    server = await startFakeServer({ status: 200, json: {} });
    await backendFor(server)
      .with({ actor: { kind: 'customer', id: 'C1' } })
      .POST('/miemasu/withdrawal', { params: { header: { 'Idempotency-Key': 'explicit-key-1' } } });
    expect(server.requests[0]?.headers['idempotency-key']).toBe('explicit-key-1');
  });

  it('is not set on a read', async () => {
    server = await startFakeServer({ status: 200, json: { devices: [] } });
    await backendFor(server)
      .with({ actor: { kind: 'customer', id: 'C1' } })
      .GET('/miemasu/devices');
    expect(server.requests[0]?.headers).not.toHaveProperty('idempotency-key');
  });
});

describe('per-call timeout', () => {
  it("uses the call's timeout over the client's default", async () => {
    server = await startFakeServer({ hang: true });
    const backend = backendFor(server, { timeoutMs: 60_000, retry: { maxAttempts: 1 } });
    const result = await settle('GET', backend.with({ timeoutMs: 50 }).GET('/miemasu/devices'));
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', reason: 'timeout', outcomeUnknown: false },
    });
  });
});

/**
 * The client and the registry against the real reference sandbox (src/sandbox), over a socket on port 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../../src/backend/client/create-backend-client.js';
import { createOperationRegistry } from '../../../src/backend/client/operation-registry.js';
import { loadOperationCatalog } from '../../../src/backend/operation-metadata.js';
import { manualClock } from '../../../src/clock.js';
import type { OperationContext, OperationRegistry } from '../../../src/engine/operations.js';
import { DEMO_AGENT_KEYS, DEMO_CUSTOMERS } from '../../../src/sandbox/demo-data.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server.js';

let sandbox: Sandbox;
let registry: OperationRegistry;

beforeAll(async () => {
  sandbox = await createSandbox({ store: 'memory', clock: manualClock('2026-11-23T10:00:00+09:00') });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  registry = createOperationRegistry(createBackendClient({ baseUrl: url }), loadOperationCatalog());
});
afterAll(async () => {
  await sandbox.close();
});

function op(operationId: string) {
  const operation = registry[operationId];
  if (!operation) throw new Error(`no operation ${operationId}`);
  return operation;
}

const base = { conversationKey: 'test:sandbox', locale: 'ja' } as const;

describe('client ↔ sandbox', () => {
  it('verifies a customer by one-time code, then deletes a device exactly once and withdraws', async () => {
    const { cameraTwo } = DEMO_CUSTOMERS;
    const anonymous: OperationContext = { ...base, actor: { kind: 'customer', id: 'anonymous' } };
    const started = await op('startVerification').run({ email: cameraTwo.email }, anonymous);
    expect(started.ok).toBe(true);
    const mail = sandbox.outbox.at(-1);
    expect(mail?.to).toBe(cameraTwo.email);

    const confirmed = await op('confirmVerification').run(
      { verificationId: mail?.verificationId, code: mail?.code },
      anonymous,
    );
    expect(confirmed).toMatchObject({ ok: true, data: { customerId: cameraTwo.customerId } });
    const token = confirmed.ok ? (confirmed.data as { token: string }).token : '';
    const customer: OperationContext = {
      ...base,
      actor: { kind: 'customer', id: cameraTwo.customerId },
      credentials: { customerToken: token },
    };

    const listed = await op('listMiemasuDevices').run({}, customer);
    const devices = listed.ok ? (listed.data as { devices: { deviceId: string }[] }).devices : [];
    expect(devices.length).toBe(2);

    expect(
      await op('withdrawAnnualPack').run({}, { ...customer, idempotencyKey: 'test:withdraw-1' }),
    ).toMatchObject({
      ok: false,
      kind: 'refused',
      code: 'devices-remain',
    });

    for (const [index, device] of devices.entries()) {
      const ctx = { ...customer, idempotencyKey: `test:delete-${device.deviceId}` };
      const first = await op('deleteMiemasuDevice').run({ deviceId: device.deviceId }, ctx);
      const again = await op('deleteMiemasuDevice').run({ deviceId: device.deviceId }, ctx);
      expect(first).toMatchObject({ ok: true, data: { remainingDevices: devices.length - index - 1 } });
      // The same key replays the first outcome: the device is deleted once, not refused the second time.
      expect(again).toEqual(first);
    }

    expect(
      await op('withdrawAnnualPack').run({}, { ...customer, idempotencyKey: 'test:withdraw-2' }),
    ).toMatchObject({
      ok: true,
      data: { customerId: cameraTwo.customerId },
    });
  });

  it('lets an agent act for a customer with its key and On-Behalf-Of', async () => {
    const [agentKey] = Object.keys(DEMO_AGENT_KEYS);
    const agent: OperationContext = {
      ...base,
      actor: { kind: 'agent', id: 'AG-001', onBehalfOf: DEMO_CUSTOMERS.portal.customerId },
      credentials: { agentKey: agentKey ?? '' },
    };
    const outcome = await op('listCspsContracts').run({}, agent);
    expect(outcome.ok).toBe(true);
    const contracts = outcome.ok ? (outcome.data as { contracts: unknown[] }).contracts : [];
    expect(contracts.length).toBeGreaterThan(0);
  });

  it('reports a bad credential as an unauthenticated refusal, and an unknown contract as a not-found refusal', async () => {
    const stranger: OperationContext = {
      ...base,
      actor: { kind: 'customer', id: 'x' },
      credentials: { customerToken: 'not-a-token' },
    };
    expect(await op('listCspsContracts').run({}, stranger)).toMatchObject({
      ok: false,
      kind: 'refused',
      code: 'unauthenticated',
    });
    const [agentKey] = Object.keys(DEMO_AGENT_KEYS);
    const agent: OperationContext = {
      ...base,
      actor: { kind: 'agent', id: 'AG-001', onBehalfOf: DEMO_CUSTOMERS.portal.customerId },
      credentials: { agentKey: agentKey ?? '' },
    };
    expect(await op('getCspsContract').run({ contractNumber: 'HMZZ999999' }, agent)).toMatchObject({
      ok: false,
      kind: 'refused',
      code: 'not-found',
    });
  });
});

/**
 * みえますねっと annual pack: device deletion really removes the device, withdrawal waits for every device,
 * the monthly plan is refused, and destructive calls are exactly-once under one Idempotency-Key.
 */
import assert from 'node:assert/strict';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, listAt, newKey } from '../target.js';

const deviceIds = (body: unknown): string[] =>
  listAt(body, 'devices').map((device) => String((device as { deviceId: unknown }).deviceId));

export const miemasuCases: ConformanceCase[] = [
  {
    name: 'the account shows the plan and device count; devices show name, domain and licence expiry',
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.cameraTwo.customerId };
      const account = assertOk(await call('GET', '/miemasu/account', { as }));
      assert.equal(at(account, 'plan'), 'annual-pack');
      assert.equal(at(account, 'deviceCount'), 2);
      const devices = listAt(assertOk(await call('GET', '/miemasu/devices', { as })), 'devices');
      for (const device of devices) {
        assert.equal(typeof at(device, 'name'), 'string');
        assert.equal(typeof at(device, 'domainName'), 'string');
        assert.match(String(at(device, 'licenseExpiresOn')), /^\d{4}-\d{2}-\d{2}$/);
      }
      const monthly = assertOk(
        await call('GET', '/miemasu/account', {
          as: { agentFor: fixtures.customers.cameraMonthly.customerId },
        }),
      );
      assert.equal(at(monthly, 'plan'), 'monthly');
    },
  },
  {
    name: 'withdrawal is refused while devices remain, saying how many',
    async run({ call, fixtures }) {
      const result = await call('POST', '/miemasu/withdrawal', {
        as: { agentFor: fixtures.customers.cameraTwo.customerId },
      });
      assertProblem(result, 409, 'devices-remain');
      assert.equal(at(result.body, 'remainingDevices'), 2);
    },
  },
  {
    name: 'the monthly plan is refused for deletion and withdrawal, and nothing changes',
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.cameraMonthly.customerId };
      assertProblem(
        await call('DELETE', `/miemasu/devices/${fixtures.devices.cameraMonthly}`, { as }),
        409,
        'monthly-plan-not-covered',
      );
      assertProblem(await call('POST', '/miemasu/withdrawal', { as }), 409, 'monthly-plan-not-covered');
      assert.ok(
        deviceIds(assertOk(await call('GET', '/miemasu/devices', { as }))).includes(
          fixtures.devices.cameraMonthly,
        ),
      );
    },
  },
  {
    name: 'deleting a device removes it, once, and records the agent and the customer',
    async run({ call, fixtures }) {
      const customerId = fixtures.customers.cameraTwo.customerId;
      const as = { agentFor: customerId };
      const [first, second] = fixtures.devices.cameraTwo;
      const key = newKey();
      const deleted = assertOk(await call('DELETE', `/miemasu/devices/${first}`, { as, key }));
      assert.equal(at(deleted, 'deviceId'), first);
      assert.equal(at(deleted, 'remainingDevices'), 1);
      assert.equal(at(deleted, 'performedBy.kind'), 'agent');
      assert.equal(at(deleted, 'performedBy.customerId'), customerId);
      assert.deepEqual(deviceIds(assertOk(await call('GET', '/miemasu/devices', { as }))), [second]);

      const replay = await call('DELETE', `/miemasu/devices/${first}`, { as, key });
      assert.equal(replay.status, 200);
      assert.deepEqual(replay.body, deleted, 'the replay is the stored response');
      assertProblem(
        await call('DELETE', `/miemasu/devices/${second}`, { as, key }),
        422,
        'idempotency-key-reuse',
      );
      assert.deepEqual(deviceIds(assertOk(await call('GET', '/miemasu/devices', { as }))), [second]);
      assertProblem(await call('DELETE', `/miemasu/devices/${first}`, { as }), 404, 'not-found');
    },
  },
  {
    name: 'once every device is deleted the customer can withdraw, and the account is gone',
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.cameraTwo.customerId };
      for (const deviceId of deviceIds(assertOk(await call('GET', '/miemasu/devices', { as })))) {
        assertOk(await call('DELETE', `/miemasu/devices/${deviceId}`, { as }));
      }
      const key = newKey();
      const withdrawn = assertOk(await call('POST', '/miemasu/withdrawal', { as, key }));
      assert.equal(at(withdrawn, 'customerId'), fixtures.customers.cameraTwo.customerId);
      const replay = await call('POST', '/miemasu/withdrawal', { as, key });
      assert.deepEqual(replay.body, withdrawn);
      assertProblem(await call('GET', '/miemasu/account', { as }), 404, 'not-found');
    },
  },
  {
    name: 'a customer with no devices withdraws directly',
    async run({ call, fixtures }) {
      const as = { agentFor: fixtures.customers.cameraEmpty.customerId };
      assertOk(await call('POST', '/miemasu/withdrawal', { as, body: {} }));
      assertProblem(await call('GET', '/miemasu/devices', { as }), 404, 'not-found');
    },
  },
];

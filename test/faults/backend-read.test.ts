/**
 * Backend faults on a read: the device list (`GET /miemasu/devices`) the camera deletion reads right after
 * identification. The fault server answers it with each fault the issue names; the bot must answer politely,
 * change nothing, log the fault once with a correlation id, and work again on the next turn once the fault
 * clears — the same bot, never restarted. Retries follow `retry-policy.ts`: GET is retried on 429/502/503/504,
 * timeouts and resets (3 attempts), never on 500 or a malformed body; `Retry-After` is waited for when it is at
 * most 10 s, and a longer one is not retried at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFault } from '../support/fault-server.js';
import {
  CAMERA_CUSTOMER,
  CAMERA_CUSTOMER_ID,
  CLIENT_ATTEMPTS,
  DEVICE_LIST,
  ENGINE,
  type FaultRig,
  faultLines,
  MIEMASU,
  politeProblems,
  startDeletion,
  startFaultRig,
} from './support.js';

const TIMEOUT_MS = 400;

let rig: FaultRig;

beforeEach(async () => {
  rig = await startFaultRig({ timeoutMs: TIMEOUT_MS });
});

afterEach(async () => {
  await rig.close();
});

interface ReadCase {
  name: string;
  fault: ServerFault;
  /** How many attempts the client makes before giving up. */
  attempts: number;
  /** What the customer is told: "cannot connect" (the default), or "cannot show this now" for an unusable answer. */
  says?: string;
}

const persistentFaults: ReadCase[] = [
  { name: 'latency beyond the timeout', fault: { kind: 'delay', ms: 1_500, forward: true }, attempts: 3 },
  { name: 'HTTP 500', fault: { kind: 'status', status: 500 }, attempts: 1 },
  { name: 'HTTP 503', fault: { kind: 'status', status: 503 }, attempts: CLIENT_ATTEMPTS },
  {
    name: 'HTTP 429 with Retry-After: 1, every time',
    fault: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
    attempts: CLIENT_ATTEMPTS,
  },
  { name: 'connection reset', fault: { kind: 'reset' }, attempts: CLIENT_ATTEMPTS },
  // The backend answered, but not with JSON: not "cannot connect" — the engine cannot show this now.
  {
    name: 'malformed body',
    fault: { kind: 'malformed', forward: true },
    attempts: 1,
    says: ENGINE.cannotShow,
  },
];

describe('a fault on the device list read', () => {
  for (const { name, fault, attempts, says } of persistentFaults) {
    it(`${name}: answers politely, changes nothing, logs once, and works on the next turn`, async () => {
      const user = rig.user();
      await startDeletion(user);
      rig.faults.inject(DEVICE_LIST, fault, attempts);

      const replies = await user.say(rig.codeFor(CAMERA_CUSTOMER));

      expect(politeProblems(replies)).toEqual([]);
      expect(user.lastText()).toContain(says ?? MIEMASU.down);
      if (says) expect(user.lastText()).not.toContain(MIEMASU.down);
      expect(user.lastText()).toContain(MIEMASU.nothingChanged);
      expect(rig.faults.matching(DEVICE_LIST).map((e) => e.fault)).toEqual(
        Array.from({ length: attempts }, () => fault.kind),
      );
      expect(rig.devicesOf(CAMERA_CUSTOMER_ID)).toEqual(['DEV-0001', 'DEV-0002']);
      const lines = faultLines(rig.log);
      expect(lines).toHaveLength(1);
      // A malformed body is a response our side cannot use (`bug`); everything else is "no usable answer".
      const kind = fault.kind === 'malformed' ? 'bug' : 'unreachable';
      expect(lines[0]).toMatchObject({
        operation: 'listMiemasuDevices',
        kind,
        msg: kind === 'bug' ? 'backend call failed' : 'backend unavailable',
      });
      expect(lines[0]?.correlationId).toMatch(/^[0-9a-f]{32}$/);

      // The fault has cleared (every armed answer was used): the same bot, asked again, lists the devices.
      await user.say('こんにちは');
      await user.click('miemasu-delete');
      expect(user.last.at(-1)?.choices?.map((c) => c.id)).toEqual(
        expect.arrayContaining(['DEV-0001', 'DEV-0002']),
      );
      expect(faultLines(rig.log)).toHaveLength(1);
    });
  }
});

describe('a transient fault on the device list read', () => {
  it('one 503 is retried out of sight: the customer gets the list and no fault is logged', async () => {
    const user = rig.user();
    await startDeletion(user);
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 503 });
    await user.say(rig.codeFor(CAMERA_CUSTOMER));
    expect(user.last.at(-1)?.choices?.map((c) => c.id)).toEqual(
      expect.arrayContaining(['DEV-0001', 'DEV-0002']),
    );
    expect(rig.faults.matching(DEVICE_LIST).map((e) => e.fault)).toEqual(['status', undefined]);
    expect(faultLines(rig.log)).toEqual([]);
  });

  it('429 with Retry-After: 1 is honoured: the next attempt comes no sooner than 1 s later', async () => {
    const user = rig.user();
    await startDeletion(user);
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    await user.say(rig.codeFor(CAMERA_CUSTOMER));
    const [limited, retried] = rig.faults.matching(DEVICE_LIST);
    if (!limited || !retried) throw new Error('expected two attempts at the device list');
    const waitedMs = retried.at - limited.at;
    expect(waitedMs).toBeGreaterThanOrEqual(1_000);
    expect(waitedMs).toBeLessThan(2_500);
    expect(user.last.at(-1)?.choices?.map((c) => c.id)).toEqual(
      expect.arrayContaining(['DEV-0001', 'DEV-0002']),
    );
  });

  it('429 asking for longer than 10 s is not waited for: one attempt, a polite answer at once', async () => {
    const user = rig.user();
    await startDeletion(user);
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 429, headers: { 'Retry-After': '60' } });
    const started = performance.now();
    const replies = await user.say(rig.codeFor(CAMERA_CUSTOMER));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(rig.faults.matching(DEVICE_LIST)).toHaveLength(1);
    expect(politeProblems(replies)).toEqual([]);
    expect(user.lastText()).toContain(MIEMASU.down);
    expect(faultLines(rig.log)).toHaveLength(1);
  });
});

/**
 * The fault log (src/bot.ts `logFaults`): one line per fault, each with the correlation id of the turn it
 * happened in, shared by the backend client's own lines for that turn, and no personal data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../src/backend/client/create-backend-client.js';
import {
  correlatedLogger,
  currentCorrelationId,
  newCorrelationId,
  withCorrelationId,
} from '../../src/backend/client/logger.js';
import { settle } from '../../src/backend/client/result.js';
import { RECHECK_CHOICE } from '../../src/engine/core/pending.js';
import { createLogger } from '../../src/redaction/redact.js';
import {
  ALL_DEVICE_ACKS,
  CAMERA_CUSTOMER,
  CAMERA_CUSTOMER_ID,
  CLIENT_ATTEMPTS,
  DELETE_CAMERA_OA,
  DEVICE_LIST,
  type FaultRig,
  faultLines,
  type LogLine,
  MIEMASU,
  startDeletion,
  startFaultRig,
  toFinalConfirmation,
} from './support.js';

let rig: FaultRig;

beforeEach(async () => {
  rig = await startFaultRig({ timeoutMs: 400 });
});

afterEach(async () => {
  await rig.close();
});

describe('correlation ids', () => {
  it('are fresh per context, and absent outside one', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const a = newCorrelationId();
    const b = newCorrelationId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    const seen = await withCorrelationId(a, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return currentCorrelationId();
    });
    expect(seen).toBe(a);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('the client’s retry line carries the same id as the bot’s fault line for that turn', async () => {
    const lines: LogLine[] = [];
    const logger = createLogger({
      destination: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
    });
    const client = createBackendClient({ baseUrl: rig.faults.url, logger: correlatedLogger(logger) });
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 503 }, CLIENT_ATTEMPTS);
    const id = newCorrelationId();

    await withCorrelationId(id, async () => {
      const result = await settle('GET', client.with({}).GET('/miemasu/devices'));
      expect(result.ok).toBe(false);
      rig.bot.onError(new Error('injected'), { conversationKey: 'faults:client', phase: 'probe' });
    });

    const retries = lines.filter((l) => l.msg === 'backend call will be retried');
    expect(retries).toHaveLength(CLIENT_ATTEMPTS - 1);
    for (const line of retries) expect(line.correlationId).toBe(id);
    expect(faultLines(rig.log).map((l) => l.correlationId)).toEqual([id]);
  });
});

describe('one line per fault', () => {
  it('a read fault, a deletion with an unknown outcome and its re-check: two lines, one id per turn, no personal data', async () => {
    const user = rig.user('faults:log-user');
    await startDeletion(user);
    const code = rig.codeFor(CAMERA_CUSTOMER);
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 503 }, CLIENT_ATTEMPTS);
    await user.say(code);
    expect(user.lastText()).toContain(MIEMASU.down);

    await user.say('こんにちは');
    await user.click('miemasu-delete');
    rig.faults.inject(DELETE_CAMERA_OA, { kind: 'reset' }, CLIENT_ATTEMPTS);
    // Still verified in this conversation: straight to the device list, then to the final confirmation.
    await user.click('DEV-0001');
    await user.click('delete');
    await user.tick(ALL_DEVICE_ACKS);
    await user.click('confirm');
    await user.click(RECHECK_CHOICE);
    expect(user.lastText()).toContain(MIEMASU.deleted);

    const lines = faultLines(rig.log);
    expect(lines.map((l) => [l.operation, l.kind])).toEqual([
      ['listMiemasuDevices', 'unreachable'],
      ['deleteMiemasuDevice', 'unreachable'],
    ]);
    const [read, write] = lines;
    expect(read?.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(write?.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(read?.correlationId).not.toBe(write?.correlationId);
    // The conversation is named by a hash, the same in both lines.
    expect(read?.conversation).toMatch(/^[0-9a-f]{12}$/);
    expect(read?.conversation).toBe(write?.conversation);

    const all = rig.rawLog.join('');
    for (const personal of [CAMERA_CUSTOMER, CAMERA_CUSTOMER_ID, 'faults:log-user', 'fault-user-']) {
      expect(all).not.toContain(personal);
    }
    expect(all).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
    expect(all).not.toMatch(/Bearer|Idempotency-Key|customerToken/i);
  });

  it('two faults in one turn share that turn’s id', async () => {
    await rig.close();
    rig = await startFaultRig({
      timeoutMs: 400,
      onEvent: (event) => {
        if (event.kind === 'call-completed' && !event.outcome.ok) throw new Error('event sink down');
      },
    });
    const user = rig.user();
    await startDeletion(user);
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 500 });
    await user.say(rig.codeFor(CAMERA_CUSTOMER));
    await user.say(CAMERA_CUSTOMER); // another turn, no fault
    const lines = faultLines(rig.log);
    expect(lines.map((l) => l.operation ?? l.phase)).toEqual(['listMiemasuDevices', 'event']);
    expect(lines[0]?.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]?.correlationId).toBe(lines[0]?.correlationId);
  });

  it('the re-check of a deletion that fails again is a second fault with its own id', async () => {
    const user = rig.user();
    await toFinalConfirmation(rig, user);
    rig.faults.inject(DELETE_CAMERA_OA, { kind: 'status', status: 503 }, CLIENT_ATTEMPTS * 2);
    await user.click('confirm');
    await user.click(RECHECK_CHOICE);
    const lines = faultLines(rig.log);
    expect(lines.map((l) => l.operation)).toEqual(['deleteMiemasuDevice', 'deleteMiemasuDevice']);
    expect(new Set(lines.map((l) => l.correlationId)).size).toBe(2);
    expect(rig.effects('deleteMiemasuDevice', 'DEV-0001')).toBe(0);
  });
});

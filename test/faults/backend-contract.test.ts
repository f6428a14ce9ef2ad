/**
 * Invariant 8, nothing the backend did not say: answers that are well-formed JSON but not what the contract
 * allows for that operation and status. The two cases an outside probe found (a device list `{"unexpected":""}`
 * believed as "no devices" and followed by withdrawal attempts; a 200 without a token believed as "verified"),
 * and an off-contract refusal and success of a destructive write. Each: a polite answer that states nothing the
 * backend did not say, no write on the strength of it, one fault line naming the operation with a correlation id.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CAMERA_CUSTOMER,
  CAMERA_CUSTOMER_ID,
  DELETE_CAMERA_OA,
  DEVICE_LIST,
  ENGINE,
  type FaultRig,
  faultLines,
  MIEMASU,
  politeProblems,
  startFaultRig,
  toFinalConfirmation,
} from './support.js';

const WITHDRAWAL = { method: 'POST', path: /^\/miemasu\/withdrawal$/ };
const CONFIRM_CODE = { method: 'POST', path: /^\/identity\/verifications\/[^/]+\/confirm$/ };
const VERIFIED = 'ご本人確認ができました';

let rig: FaultRig;

beforeEach(async () => {
  rig = await startFaultRig({ timeoutMs: 400 });
});

afterEach(async () => {
  await rig.close();
});

describe('off-contract answers are never believed', () => {
  it('a device list {"unexpected":""}: no "no devices", no withdrawal offered or sent, one fault line', async () => {
    const user = rig.user();
    await user.say('こんにちは');
    await user.click('miemasu-withdraw');
    await user.say(CAMERA_CUSTOMER);
    rig.faults.inject(DEVICE_LIST, { kind: 'body', status: 200, json: { unexpected: '' }, forward: true });

    const replies = await user.say(rig.codeFor(CAMERA_CUSTOMER));

    expect(politeProblems(replies)).toEqual([]);
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain(ENGINE.cannotShow);
    expect(text).not.toContain(MIEMASU.down);
    expect(text).toContain(MIEMASU.nothingChanged);
    expect(text).not.toMatch(/なし|すべて削除/);
    expect(replies.flatMap((r) => r.choices ?? []).map((c) => c.style)).not.toContain('danger');
    expect(rig.faults.matching(WITHDRAWAL)).toEqual([]);
    expect(rig.devicesOf(CAMERA_CUSTOMER_ID)).toEqual(['DEV-0001', 'DEV-0002']);
    const lines = faultLines(rig.log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ operation: 'listMiemasuDevices', kind: 'unreachable' });
    expect(String(lines[0]?.detail)).toMatch(/contract-mismatch.*listMiemasuDevices HTTP 200.*devices/);
    expect(lines[0]?.correlationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('confirmVerification 200 without a token: never "verified", one fault line', async () => {
    const user = rig.user();
    await user.say('こんにちは');
    await user.click('miemasu-delete');
    await user.say(CAMERA_CUSTOMER);
    rig.faults.inject(CONFIRM_CODE, {
      kind: 'body',
      status: 200,
      json: { customerId: CAMERA_CUSTOMER_ID, expiresAt: '2026-11-23T02:00:00.000Z' },
    });

    const replies = await user.say(rig.codeFor(CAMERA_CUSTOMER));

    expect(politeProblems(replies)).toEqual([]);
    const text = replies.map((r) => r.text).join('\n');
    expect(text).not.toContain(VERIFIED);
    expect(text).toContain(ENGINE.cannotShow);
    expect(text).not.toContain(MIEMASU.down);
    expect(text).toContain(MIEMASU.nothingChanged);
    expect(rig.faults.matching(DEVICE_LIST)).toEqual([]);
    const lines = faultLines(rig.log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ operation: 'confirmVerification', kind: 'unreachable' });
    expect(String(lines[0]?.detail)).toMatch(/token/);
  });

  it('a deletion answered 200 with an off-contract body is "not confirmed", re-checked with the same key', async () => {
    const user = rig.user();
    await toFinalConfirmation(rig, user);
    rig.faults.inject(DELETE_CAMERA_OA, {
      kind: 'body',
      status: 200,
      json: { ok: true },
      forward: true,
    });

    const replies = await user.click('confirm');

    expect(politeProblems(replies)).toEqual([]);
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain(ENGINE.unknown);
    expect(text).not.toContain(MIEMASU.deleted);
    expect(faultLines(rig.log)).toHaveLength(1);

    // The next turn re-checks with the same idempotency key; the backend's true answer (it did delete) is told.
    await user.say('はい');
    const keys = rig.faults.matching(DELETE_CAMERA_OA).map((e) => e.idempotencyKey);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(rig.effects('deleteMiemasuDevice', 'DEV-0001')).toBe(1);
    expect(user.lastText()).toContain(MIEMASU.deleted);
  });

  it('a refusal whose problem code is not in the contract is not a business answer', async () => {
    const user = rig.user();
    await toFinalConfirmation(rig, user);
    rig.faults.inject(DELETE_CAMERA_OA, {
      kind: 'body',
      status: 409,
      json: { type: 'about:blank', title: 'Nope', status: 409, code: 'made-up-code' },
      contentType: 'application/problem+json',
    });

    const replies = await user.click('confirm');

    expect(politeProblems(replies)).toEqual([]);
    expect(replies.map((r) => r.text).join('\n')).toContain(ENGINE.unknown);
    expect(faultLines(rig.log)).toHaveLength(1);
    expect(rig.devicesOf(CAMERA_CUSTOMER_ID)).toEqual(['DEV-0001', 'DEV-0002']);
  });
});

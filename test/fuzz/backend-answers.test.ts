/**
 * Fuzzing the backend side (invariant 8): the backend answers the operations the dialogs use — the device list,
 * the one-time-code confirmation and the device deletion — with generated wrong-shape, truncated, hostile and slow
 * answers. Properties, per answer: the bot never crashes (a polite answer, no raw error text); never states a fact
 * that a valid answer did not contain ("no devices", "verified", "deleted"); never sends a write on the strength of
 * an invalid answer; and logs the fault once. Bounded in count and time; CI replays a fixed seed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { responseContract } from '../../src/backend/client/contract.js';
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
} from '../faults/support.js';
import type { ServerFault } from '../support/fault-server.js';
import { runProperty, scaled } from './support/run-property.js';

const WITHDRAWAL = { method: 'POST', path: /^\/miemasu\/withdrawal$/ };
const CONFIRM_CODE = { method: 'POST', path: /^\/identity\/verifications\/[^/]+\/confirm$/ };
const TIMEOUT_MS = 300;

/** A generated answer: a JSON body (any shape), raw bytes (truncated), or no answer in time. */
type Answer = { json: unknown } | { raw: string } | { slow: true };

const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '\u0000\u202e',
    '<script>alert(1)</script>',
    'なし（すべて削除済み）',
    'x'.repeat(5000),
  ),
);
const device = fc.record(
  {
    deviceId: fc.oneof(hostileString, fc.integer(), fc.constant(null)),
    name: fc.oneof(hostileString, fc.integer()),
    domainName: hostileString,
    licenseExpiresOn: fc.oneof(fc.constantFrom('2027-03-31', '2027-13-45', ''), fc.integer()),
  },
  { requiredKeys: [] },
);
const answers: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
  {
    weight: 3,
    arbitrary: fc
      .record(
        { devices: fc.oneof(fc.array(device, { maxLength: 3 }), hostileString, fc.constant(null)) },
        { requiredKeys: [] },
      )
      .map((json) => ({ json })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          token: fc.oneof(hostileString, fc.integer(), fc.constant(null)),
          expiresAt: fc.oneof(hostileString, fc.constant('2026-11-23T02:00:00.000Z')),
          customerId: fc.oneof(fc.constant(CAMERA_CUSTOMER_ID), hostileString),
        },
        { requiredKeys: [] },
      )
      .map((json) => ({ json })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      json: JSON.parse('{"__proto__":{"devices":[]},"constructor":{"prototype":{"ok":true}}}'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('{"devices":[{"deviceId":"DEV-0001","name":"CameraOA"', '{"token":"t","expiresAt":'),
        fc.nat(40),
      )
      .map(([text, cut]) => ({ raw: text.slice(0, Math.max(1, text.length - cut)) })),
  },
  { weight: 1, arbitrary: fc.constant({ slow: true } as const) },
);

function faultOf(answer: Answer, forward: boolean): ServerFault {
  if ('slow' in answer) return { kind: 'delay', ms: TIMEOUT_MS * 3, forward };
  if ('raw' in answer) return { kind: 'raw', status: 200, text: answer.raw, forward };
  return { kind: 'body', status: 200, json: answer.json, forward };
}

const isValid = (operation: string, answer: Answer): boolean =>
  'json' in answer && responseContract().check(operation, 200, answer.json).ok;

let rig: FaultRig;
let users = 0;
const counters = { invalid: 0, valid: 0 };

beforeAll(async () => {
  rig = await startFaultRig({ timeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await rig.close();
});

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

describe('generated backend answers', () => {
  it('the device list: no fact and no write from an invalid answer; one log line', async () => {
    await runProperty(
      'backend answers: device list',
      fc.asyncProperty(answers, async (answer) => {
        const user = rig.user(`fuzz:devices-${++users}`);
        await user.say('こんにちは');
        await user.click('miemasu-withdraw');
        await user.say(CAMERA_CUSTOMER);
        const faultsBefore = faultLines(rig.log).length;
        const writesBefore = rig.faults.matching(WITHDRAWAL).length;
        rig.faults.clear();
        rig.faults.inject(DEVICE_LIST, faultOf(answer, true), 'slow' in answer ? 3 : 1);
        const replies = await user.say(rig.codeFor(CAMERA_CUSTOMER));
        rig.faults.clear();
        const text = replies.map((r) => r.text).join('\n');
        expectThat(politeProblems(replies).length === 0, `not a polite answer: ${politeProblems(replies)}`);
        if (isValid('listMiemasuDevices', answer)) {
          counters.valid += 1;
          return;
        }
        counters.invalid += 1;
        // No answer in time is "cannot connect"; an answer the contract does not allow is "cannot show this now".
        const told = 'slow' in answer ? MIEMASU.down : ENGINE.cannotShow;
        expectThat(text.includes(told), `not "${told}": ${text}`);
        if (!('slow' in answer))
          expectThat(!text.includes(MIEMASU.down), `"cannot connect" for an answer: ${text}`);
        expectThat(!/なし（すべて削除済み）/.test(text), `stated "no devices": ${text}`);
        expectThat(
          !replies.some((r) => (r.choices ?? []).some((c) => c.style === 'danger')),
          'offered an action',
        );
        expectThat(rig.faults.matching(WITHDRAWAL).length === writesBefore, 'sent a withdrawal');
        expectThat(faultLines(rig.log).length === faultsBefore + 1, 'not logged exactly once');
      }),
      scaled({ numRuns: 12, timeLimitMs: 45_000 }),
      () => counters,
    );
  }, 120_000);

  it('the code confirmation and the deletion: never "verified" or "deleted" from an invalid answer', async () => {
    await runProperty(
      'backend answers: confirmation and deletion',
      fc.asyncProperty(answers, fc.boolean(), async (answer, atDeletion) => {
        const user = rig.user(`fuzz:writes-${++users}`);
        const faultsBefore = () => faultLines(rig.log).length;
        if (atDeletion) {
          await toFinalConfirmation(rig, user);
          const before = faultsBefore();
          const effects = rig.effects('deleteMiemasuDevice', 'DEV-0001');
          rig.faults.clear();
          // Not forwarded: the backend never sees the request, so any "deleted" would be a lie.
          rig.faults.inject(DELETE_CAMERA_OA, faultOf(answer, false), 'slow' in answer ? 3 : 1);
          const replies = await user.click('confirm');
          rig.faults.clear();
          const text = replies.map((r) => r.text).join('\n');
          expectThat(politeProblems(replies).length === 0, `not polite: ${politeProblems(replies)}`);
          if (isValid('deleteMiemasuDevice', answer)) return;
          expectThat(!text.includes(MIEMASU.deleted), `stated "deleted": ${text}`);
          expectThat(rig.effects('deleteMiemasuDevice', 'DEV-0001') === effects, 'a deletion happened');
          expectThat(faultsBefore() === before + 1, 'not logged exactly once');
          await user.say('やめる');
          return;
        }
        await user.say('こんにちは');
        await user.click('miemasu-delete');
        await user.say(CAMERA_CUSTOMER);
        const before = faultsBefore();
        rig.faults.clear();
        rig.faults.inject(CONFIRM_CODE, faultOf(answer, true), 'slow' in answer ? 3 : 1);
        const replies = await user.say(rig.codeFor(CAMERA_CUSTOMER));
        rig.faults.clear();
        const text = replies.map((r) => r.text).join('\n');
        expectThat(politeProblems(replies).length === 0, `not polite: ${politeProblems(replies)}`);
        if (isValid('confirmVerification', answer)) return;
        expectThat(!text.includes('ご本人確認ができました'), `stated "verified": ${text}`);
        expectThat(
          rig.faults.matching(DEVICE_LIST).length === 0 || !text.includes('CameraOA'),
          'read on after it',
        );
        expectThat(faultsBefore() === before + 1, 'not logged exactly once');
      }),
      scaled({ numRuns: 12, timeLimitMs: 60_000 }),
    );
  }, 150_000);
});

/**
 * What the Slack property sends: deliveries from four users (a camera customer, a portal customer, a third
 * customer, a configured agent), each plausible ("auto": what a cooperative user would do next) or forged
 * (a pressed element with its value, action id, type, ticks or user id tampered with).
 */
import fc from 'fast-check';
import { ACTION_IDS } from '../../../adapters/slack/actions.js';
import { ENTRY_POINTS } from '../../../dialogs/index.js';
import { hostileText } from './hostile-text.js';

export const USERS = ['UALICE', 'UBOB', 'UMALLORY', 'UAGENT'] as const;
/** Each user's demo identity (the agent acts for the portal customer). */
export const EMAIL: Record<(typeof USERS)[number], string> = {
  UALICE: 'camera-two@example.com',
  UBOB: 'portal@example.com',
  UMALLORY: 'camera-monthly@example.com',
  UAGENT: 'portal@example.com',
};
export const REQUESTS = [
  'カメラを削除したい',
  'ポータルの契約を解約したい',
  'みえますねっとを退会したい',
  'こんにちは',
];

export type Version = 'rendered' | number;
export type ValueSpec =
  | { v: 'rendered' }
  | { v: 'choice'; c: string; version: Version }
  | { v: 'ack' | 'typed'; version: Version }
  | { v: 'start'; d: string }
  | { v: 'raw'; raw: string }
  | { v: 'missing' };

export type Delivery =
  | { t: 'auto'; user: number; pick: number }
  | { t: 'dm' | 'mention' | 'command'; user: number; text: string }
  | {
      t: 'press';
      user: number;
      /** Whose message carries the pressed element. */
      source: 'own' | 'other' | 'forged' | 'home';
      pick: number;
      actionId: string;
      elementType: string;
      value: ValueSpec;
      ticks: 'all' | 'none' | string[] | { garbage: unknown };
      typed: string | undefined;
      /** Replaces the presser's user id in the payload (a user the bot never saw, or a garbage id). */
      userId: string | undefined;
    };

const user = fc.nat(USERS.length - 1);
const version: fc.Arbitrary<Version> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('rendered' as const) },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 1, Number.MAX_SAFE_INTEGER, 1e21, 1.5) },
  { weight: 1, arbitrary: fc.integer() },
);
const text = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(...REQUESTS, 'はい', 'やめる', 'act portal@example.com', 'end', ''),
  },
  { weight: 3, arbitrary: hostileText },
);
const valueSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ v: 'rendered' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      v: fc.constant('choice' as const),
      c: fc.oneof(
        fc.constantFrom('confirm', 'DEV-0003', 'DEV-0001', 'HMCX040001', '__stop', 'delete', ''),
        fc.string({ maxLength: 300 }),
      ),
      version,
    }),
  },
  { weight: 2, arbitrary: fc.record({ v: fc.constantFrom('ack' as const, 'typed' as const), version }) },
  {
    weight: 2,
    arbitrary: fc.record({
      v: fc.constant('start' as const),
      d: fc.oneof(
        fc.constantFrom(...ENTRY_POINTS, 'identify', '__proto__', ''),
        fc.string({ maxLength: 50 }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      v: fc.constant('raw' as const),
      raw: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.jsonValue().map((j) => JSON.stringify(j)),
        fc.constant('{"k":"c","c":1,"v":"x"}'),
        fc.constant(`{"k":"c","c":"${'x'.repeat(100_000)}","v":1}`),
        fc.constant('x'.repeat(100_000)),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ v: 'missing' as const }) },
);

export const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  // Mostly the first two users, so someone gets deep into a procedure between the forgeries.
  {
    weight: 12,
    arbitrary: fc.record({
      t: fc.constant('auto' as const),
      user: fc.constantFrom(0, 0, 0, 1, 1, 2, 3),
      pick: fc.nat(30),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constantFrom('dm' as const, 'mention' as const, 'command' as const),
      user,
      text,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('press' as const),
      user,
      source: fc.constantFrom(
        'own' as const,
        'own' as const,
        'other' as const,
        'forged' as const,
        'home' as const,
      ),
      pick: fc.nat(30),
      actionId: fc.oneof(
        { weight: 4, arbitrary: fc.constant('rendered') },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            ACTION_IDS.choice(0),
            ACTION_IDS.acknowledgeSubmit,
            ACTION_IDS.typedSubmit,
            ACTION_IDS.start('agent-session'),
            ACTION_IDS.acknowledgeInput,
            'helpdesk.',
            `helpdesk.${'x'.repeat(300)}`,
          ),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `helpdesk.${s}`) },
      ),
      elementType: fc.constantFrom(
        'button',
        'button',
        'button',
        'static_select',
        'checkboxes',
        'overflow',
        '',
      ),
      value: valueSpec,
      ticks: fc.oneof(
        fc.constant('all' as const),
        fc.constant('none' as const),
        fc.array(fc.oneof(fc.constantFrom('no-refund', 'data-loss', 'account-deletion'), fc.string()), {
          maxLength: 4,
        }),
        fc.record({ garbage: fc.jsonValue() }),
      ),
      typed: fc.option(fc.oneof(fc.constantFrom('退会します'), text), { nil: undefined }),
      // (A user id over 200 characters loses its audit-log entries: pinned in slack-malformed.test.ts.)
      userId: fc.option(
        fc.oneof(fc.constantFrom('', 'W0GUEST', 'U'.repeat(200)), fc.string({ maxLength: 20 })),
        {
          nil: undefined,
          freq: 6,
        },
      ),
    }),
  },
);

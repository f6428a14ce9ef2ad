/**
 * What the Teams property sends: activities from four users (a camera customer, a portal customer, a third
 * customer, a configured agent) — plausible ("auto"), typed text, card submits with forged data, well-formed
 * activities with one field removed or of the wrong type (`mutate`), and raw bodies that are not activities.
 */
import fc from 'fast-check';
import { ENTRY_POINTS } from '../../../dialogs/index.js';
import type { TeamsActivity } from '../../support/teams-activities.js';
import { hostileText } from './hostile-text.js';

export const USERS = ['aad-alice', 'aad-bob', 'aad-mallory', 'aad-agent'] as const;
export type User = (typeof USERS)[number];
export const EMAIL: Record<User, string> = {
  'aad-alice': 'camera-two@example.com',
  'aad-bob': 'portal@example.com',
  'aad-mallory': 'camera-monthly@example.com',
  'aad-agent': 'portal@example.com',
};
export const REQUESTS = [
  'カメラを削除したい',
  'ポータルの契約を解約したい',
  'みえますねっとを退会したい',
  'こんにちは',
];

export type Version = 'rendered' | number | string;
export type SubmitSpec =
  | { s: 'rendered' }
  | { s: 'choice'; choiceId: string; version: Version }
  | { s: 'acknowledge'; version: Version; toggles: Record<string, string> }
  | { s: 'typed'; version: Version; typed: unknown }
  | { s: 'start'; dialogId: string }
  | { s: 'garbage'; value: unknown };

/** Changes to an otherwise well-formed activity: a field removed or given a value of the wrong type. */
export type Mutation =
  | { path: readonly string[]; value: unknown }
  | { path: readonly string[]; remove: true };

export type Input =
  | { t: 'auto'; user: number; pick: number }
  | { t: 'text'; user: number; text: string }
  | {
      t: 'submit';
      user: number;
      card: 'own' | 'other' | 'none';
      pick: number;
      value: SubmitSpec;
      ticks: 'all' | 'none' | string[];
      typed: string | undefined;
    }
  | { t: 'mutated'; user: number; submit: boolean; mutation: Mutation }
  | { t: 'raw'; body: string };

const user = fc.nat(USERS.length - 1);
const text = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(...REQUESTS, 'はい', 'やめる', 'act portal@example.com', 'act', 'end', ''),
  },
  { weight: 3, arbitrary: hostileText },
);
const version: fc.Arbitrary<Version> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('rendered' as const) },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER, 1e21, '1795395600') },
  { weight: 1, arbitrary: fc.integer() },
);
const submitSpec: fc.Arbitrary<SubmitSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ s: 'rendered' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      s: fc.constant('choice' as const),
      choiceId: fc.oneof(
        fc.constantFrom('confirm', 'DEV-0003', 'DEV-0001', 'HMCX040001', '__stop', 'delete', ''),
        fc.string({ maxLength: 300 }),
      ),
      version,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      s: fc.constant('acknowledge' as const),
      version,
      toggles: fc.dictionary(
        fc.oneof(
          fc.constantFrom('ack.no-refund', 'ack.data-loss', 'ack.account-deletion'),
          fc.string({ maxLength: 12 }),
        ),
        fc.constantFrom('true', 'false', 'TRUE', ''),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      s: fc.constant('typed' as const),
      version,
      typed: fc.oneof(text, fc.jsonValue()),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      s: fc.constant('start' as const),
      dialogId: fc.oneof(
        fc.constantFrom(...ENTRY_POINTS, 'identify', '__proto__', ''),
        fc.string({ maxLength: 120 }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ s: fc.constant('garbage' as const), value: fc.jsonValue() }) },
);
const wrongType = fc.oneof(
  fc.constantFrom(null, 0, 42, true, '', [], {}, ['x'], { id: 1 }),
  fc.jsonValue(),
  fc.string({ maxLength: 20 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    path: fc.constantFrom(
      ['from'],
      ['from', 'aadObjectId'],
      ['from', 'id'],
      ['conversation'],
      ['conversation', 'id'],
      ['conversation', 'conversationType'],
      ['conversation', 'tenantId'],
      ['recipient'],
      ['id'],
      ['text'],
      ['value'],
      ['replyToId'],
      ['locale'],
      ['channelData'],
      ['entities'],
    ),
    remove: fc.constant(true as const),
  }),
  fc.record({
    path: fc.constantFrom(
      ['type'],
      ['text'],
      ['value'],
      ['locale'],
      ['id'],
      ['replyToId'],
      ['entities'],
      ['membersAdded'],
      ['channelData'],
      ['from', 'aadObjectId'],
      ['conversation', 'id'],
      ['conversation', 'conversationType'],
      ['conversation', 'tenantId'],
      ['channelId'],
    ),
    value: fc.oneof(
      fc.constantFrom(
        'invoke',
        'event',
        'messageReaction',
        'typing',
        'conversationUpdate',
        'installationUpdate',
      ),
      wrongType,
    ),
  }),
);
export const input: fc.Arbitrary<Input> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      t: fc.constant('auto' as const),
      user: fc.constantFrom(0, 0, 0, 1, 1, 2, 3),
      pick: fc.nat(30),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('text' as const), user, text }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('submit' as const),
      user,
      card: fc.constantFrom('own' as const, 'own' as const, 'other' as const, 'none' as const),
      pick: fc.nat(30),
      value: submitSpec,
      ticks: fc.oneof(
        fc.constant('all' as const),
        fc.constant('none' as const),
        fc.array(fc.oneof(fc.constantFrom('no-refund', 'data-loss'), fc.string()), { maxLength: 3 }),
      ),
      typed: fc.option(fc.oneof(fc.constant('退会します'), text), { nil: undefined }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('mutated' as const), user, submit: fc.boolean(), mutation }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('raw' as const),
      // Not JSON objects (objects without a string `type` are in teams-malformed.test.ts; any object without a
      // serviceUrl would make botbuilder reply to the public Bot Framework service).
      body: fc.oneof(
        fc.string({ maxLength: 50 }).filter((s) => !s.trimStart().startsWith('{')),
        fc
          .jsonValue()
          .filter((j) => typeof j !== 'object' || j === null || Array.isArray(j))
          .map((j) => JSON.stringify(j)),
        fc.constantFrom('null', '[]', '"x"', '{', `{"type":"message","text":"${'x'.repeat(300_000)}"}`),
      ),
    }),
  },
);

export function mutate(activity: TeamsActivity, m: Mutation): TeamsActivity {
  const copy = structuredClone(activity) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of m.path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) return copy as TeamsActivity;
    target = next as Record<string, unknown>;
  }
  const last = m.path.at(-1) ?? 'type';
  if ('remove' in m) delete target[last];
  else target[last] = m.value;
  return copy as TeamsActivity;
}

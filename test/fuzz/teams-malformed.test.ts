/**
 * Teams activities that are malformed (an authenticated channel only carries what the Bot Framework sends, so
 * this is defence in depth): fields missing are ignored quietly; the adapter defects found by the activity
 * property are pinned with `it.fails` (they pass once fixed — then turn them into `it`).
 *
 * - A JSON object that is not an activity (`{}`, a non-string `type`) is answered 500 by botbuilder.
 *   Fix (adapters/teams/http.ts `toBotbuilderRequest`): answer 400 unless `typeof body.type === 'string'`.
 * - Fields of the wrong type make our code or botbuilder throw after the engine may already have run the turn
 *   (`text.replace is not a function` in inbound.ts; `membersAdded.some is not a function`; botbuilder's
 *   "activityId / conversationId / locale / aadObjectId / tenantId / channelId must be of type string" when
 *   replying). Fix (adapters/teams/inbound.ts `parseInbound`): check the fields it reads — `type`, `id`, `text`,
 *   `replyToId`, `locale`, `channelId`, `from.id`, `from.aadObjectId`, `recipient.id`, `conversation.id`,
 *   `conversation.conversationType`, `conversation.tenantId`, `channelData.tenant.id`, `membersAdded[].id` — with a
 *   zod schema (strings where present, an array of objects for `membersAdded`) and return
 *   `{ kind: 'ignore', reason: 'malformed activity' }` when it fails, so the engine never runs for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, type TeamsActivity } from '../support/teams-activities.js';
import { startTeamsFuzz, type TeamsFuzz } from './support/teams-fuzz.js';

type Json = Record<string, unknown>;
type Change = (activity: Json) => void;

/** The object at `path` (all but the last key) inside an activity, when there is one. */
function parentOf(activity: Json, path: readonly string[]): Json | undefined {
  let target: unknown = activity;
  for (const key of path.slice(0, -1)) target = (target as Json | undefined)?.[key];
  return typeof target === 'object' && target !== null ? (target as Json) : undefined;
}

/** Sets the field at `path` (e.g. `['conversation', 'id']`) to a value, or removes it. */
const set =
  (path: readonly string[], value: unknown): Change =>
  (activity) => {
    const parent = parentOf(activity, path);
    const key = path.at(-1);
    if (parent && key !== undefined) parent[key] = value;
  };
const remove =
  (path: readonly string[]): Change =>
  (activity) => {
    const parent = parentOf(activity, path);
    const key = path.at(-1);
    if (parent && key !== undefined) delete parent[key];
  };
const both =
  (...changes: Change[]): Change =>
  (activity) => {
    for (const change of changes) change(activity);
  };

describe('malformed Teams activities', () => {
  let teams: TeamsFuzz;

  beforeAll(async () => {
    teams = await startTeamsFuzz();
  });
  afterAll(() => teams.close());

  const activity = (change: Change): TeamsActivity => {
    const base = messageActivity({
      serviceUrl: teams.connector.url,
      aadObjectId: 'aad-malformed',
      text: 'こんにちは',
    });
    change(base);
    return base;
  };

  /** Posts each example; returns per example the status, the faults reported and whether a turn ran. */
  async function tryAll(examples: [string, Change][]) {
    const results: Record<string, { status: number; faults: string[]; turns: number }> = {};
    for (const [name, change] of examples) {
      const errors = teams.bot.errors.length;
      const turns = teams.bot.turns.length;
      const status = await teams.post(activity(change));
      results[name] = {
        status,
        faults: teams.bot.errors.slice(errors).map((e) => String(e).slice(0, 120)),
        turns: teams.bot.turns.length - turns,
      };
    }
    return results;
  }

  it('ignores activities with fields missing: 200, no fault, no turn', async () => {
    const results = await tryAll([
      ['no from', remove(['from'])],
      ['no conversation', remove(['conversation'])],
      ['no conversation id', remove(['conversation', 'id'])],
      ['a typing activity', set(['type'], 'typing')],
      ['a channel message without a mention', set(['conversation', 'conversationType'], 'channel')],
    ]);
    for (const [name, result] of Object.entries(results))
      expect(result, name).toEqual({ status: 200, faults: [], turns: 0 });
  });

  it('answers an invoke it does not implement with the Bot Framework 501, running nothing', async () => {
    const results = await tryAll([['invoke', set(['type'], 'invoke')]]);
    expect(results.invoke).toEqual({ status: 501, faults: [], turns: 0 });
  });

  it('answers 400, not 500, to JSON objects that are not activities', async () => {
    const statuses = [await teams.post('{}', { raw: true }), await teams.post('{"type":5}', { raw: true })];
    expect(statuses).toEqual([400, 400]);
  });

  it('ignores activities whose fields have the wrong type: no fault, no turn', async () => {
    const results = await tryAll([
      ['text is a number', set(['text'], 42)],
      ['text is an object', set(['text'], { text: 'はい' })],
      ['id is a number', set(['id'], 5)],
      ['conversation id is a number', set(['conversation', 'id'], 5)],
      ['aadObjectId is an object', set(['from', 'aadObjectId'], {})],
      ['locale is a number', set(['locale'], 5)],
      ['tenant id is a number', set(['conversation', 'tenantId'], 5)],
      ['membersAdded is a string', both(set(['type'], 'conversationUpdate'), set(['membersAdded'], 'x'))],
      ['membersAdded holds null', both(set(['type'], 'conversationUpdate'), set(['membersAdded'], [null]))],
      ['replyToId is a number', set(['replyToId'], 7)],
      ['channelId is a number', set(['channelId'], 7)],
      ['recipient id is a number', set(['recipient', 'id'], 7)],
      ['channelData tenant id is a number', set(['channelData'], { tenant: { id: 7 } })],
      [
        'entities is a string in a channel',
        both(set(['conversation', 'conversationType'], 'channel'), set(['entities'], 'x')),
      ],
    ]);
    const bad = Object.entries(results).filter(
      ([, r]) => r.faults.length > 0 || r.turns > 0 || r.status >= 500,
    );
    expect(Object.fromEntries(bad)).toEqual({});
  });
});

/**
 * Correctly signed Slack requests whose body is not a Slack payload (hostile input from whoever holds the signing
 * secret, or a platform bug): answered with a 4xx, never a 5xx, never a crash, nothing reaches the engine.
 *
 * Defects once pinned here with `it.fails`, now fixed:
 * - a body (or `payload=`) that is JSON `null` made Bolt's HTTPReceiver throw outside any handler (it reads
 *   `body.ssl_check`): an unhandled rejection, and the request never got an answer. The route's gate
 *   (adapters/slack/http-gate.ts) now answers 400 to a signed body that does not parse to a JSON object, before
 *   Bolt reads it;
 * - a signed envelope with missing fields (block_actions without `user` or `actions`, event_callback without
 *   `event`, a view_submission of nothing) made Bolt's `processEvent` throw, answered 500. The receiver's
 *   `processEventErrorHandler` now reports it and answers 400;
 * - a user id over 200 characters (Slack's are about 11) made every audit-log entry of that user's turns fail the
 *   entry schema (`NonEmpty` max 200 in src/audit-log/entry.ts): the entry was dropped and a fault logged.
 *   src/audit-log/derive.ts now replaces over-long ids by `sha256:` + a hash prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonValue } from '../../adapters/slack/actions.js';
import { blockActions, type SlackRequest } from '../support/slack-requests.js';
import { type SlackFuzz, startSlackFuzz, TEAM } from './support/slack-fuzz.js';

const form = (payload: unknown): SlackRequest => ({
  contentType: 'application/x-www-form-urlencoded',
  body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
});
const json = (body: string): SlackRequest => ({ contentType: 'application/json', body });

describe('signed Slack requests outside what Slack sends', () => {
  let slack: SlackFuzz;

  beforeAll(async () => {
    slack = await startSlackFuzz();
  });
  afterAll(() => slack.close());

  it('refuses unparseable bodies and payloads for no listener with a 4xx; nothing reaches the engine', async () => {
    const examples: [string, SlackRequest, number][] = [
      ['invalid JSON', json('{nope'), 400],
      [
        'invalid JSON in payload=',
        { contentType: 'application/x-www-form-urlencoded', body: 'payload=%7Bnope' },
        400,
      ],
      // Bolt answers requests no listener acknowledges with 404 after its 3-second timeout.
      [
        'an action id that is not ours',
        blockActions({
          teamId: TEAM,
          user: 'UALICE',
          action: { type: 'button', action_id: 'other.app', value: '1' },
        }),
        404,
      ],
      // Not an object: refused by the gate at once (before, Bolt waited 3 seconds and answered 404).
      ['a JSON array', json('[1,2,3]'), 400],
      ['a JSON string', json('"event_callback"'), 400],
      ['a JSON array in payload=', form([{ type: 'block_actions' }]), 400],
    ];
    for (const [name, request, expected] of examples) {
      const { status } = await slack.send(request);
      expect(status, name).toBe(expected);
    }
    expect(slack.bot.turns).toEqual([]);
    expect(slack.bot.errors).toEqual([]);
  }, 20_000);

  it('answers 4xx, not 500, to signed envelopes with missing fields (Bolt processEvent throws)', async () => {
    const examples: [string, SlackRequest][] = [
      [
        'block_actions without user',
        form({ type: 'block_actions', actions: [{ action_id: 'helpdesk.choice.0' }] }),
      ],
      [
        'block_actions with actions null',
        form({ type: 'block_actions', user: { id: 'UALICE' }, actions: null }),
      ],
      ['view_submission of nothing', form({ type: 'view_submission' })],
      [
        'event_callback without event',
        json(JSON.stringify({ type: 'event_callback', team_id: TEAM, event: null })),
      ],
    ];
    const turns = slack.bot.turns.length;
    const errors = slack.bot.errors.length;
    const statuses: Record<string, number> = {};
    for (const [name, request] of examples) statuses[name] = (await slack.send(request)).status;
    expect(statuses).toEqual(Object.fromEntries(examples.map(([name]) => [name, 400])));
    expect(slack.bot.turns.length).toBe(turns);
    // Each is reported as a fault (a platform bug or a forged envelope is worth a look), once.
    expect(slack.bot.errors.length - errors).toBe(examples.length);
  });

  it('checks the signature before the body: an unsigned or forged non-object body is 401, not 400', async () => {
    const forged = { signWith: 'not-the-secret' };
    expect((await slack.send(json('null'), forged)).status).toBe(401);
    expect((await slack.send(form(null), forged)).status).toBe(401);
    expect((await slack.send(json('{nope'), forged)).status).toBe(401);
  });

  it('answers a signed JSON null body with a 4xx and no unhandled rejection', async () => {
    // Bolt's request listener used to reject outside any handler here. The test takes any rejection itself
    // (vitest's own listeners are set aside for these few seconds), so a regression shows as this test's failure,
    // not as a crash.
    const others = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    const rejections: unknown[] = [];
    const capture = (reason: unknown) => {
      rejections.push(reason);
    };
    process.on('unhandledRejection', capture);
    try {
      const results: (number | string)[] = [];
      for (const request of [json('null'), { ...form(null) }]) {
        const answered = await Promise.race([
          // The request may never be answered; its late failure (when the server closes) is expected, not unhandled.
          slack.send(request).then(
            (r) => r.status,
            (error: unknown) => `failed: ${String(error)}`,
          ),
          new Promise<string>((resolve) => setTimeout(() => resolve('no answer within 2 s'), 2_000)),
        ]);
        results.push(answered);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect({ results, rejections: rejections.map(String) }).toEqual({
        results: [400, 400],
        rejections: [],
      });
    } finally {
      process.off('unhandledRejection', capture);
      for (const listener of others) process.on('unhandledRejection', listener);
    }
  }, 15_000);

  it('keeps the audit trail of a user whose id is over 200 characters (no fault)', async () => {
    const user = `U${'X'.repeat(300)}`;
    const errors = slack.bot.errors.length;
    // A Home button for agent mode: refused (not an agent), which ends a dialog — an audit-log entry.
    const action = {
      type: 'button',
      action_id: ACTION_IDS.start('agent-session'),
      text: { type: 'plain_text', text: '代理対応' },
      value: encodeButtonValue({ k: 's', d: 'agent-session' }),
    };
    expect((await slack.send(blockActions({ teamId: TEAM, user, action }))).status).toBe(200);
    expect(slack.bot.turns.at(-1)?.turn.actor.id).toBe(`slack:${user}`);
    expect(slack.bot.errors.slice(errors).map(String)).toEqual([]);
  });
});

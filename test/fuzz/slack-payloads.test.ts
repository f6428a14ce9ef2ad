/**
 * Property 2 (Slack): random deliveries, all correctly signed, through the real Slack adapter (Bolt HTTP
 * receiver, fake Web API) to the full bot — a mix of plausible use (pressing the buttons shown, ticking every
 * box, typing the phrase, giving a demo e-mail and the mailed code) and forgery: block_actions with garbage or
 * huge values, wrong element types, unknown action ids, other users' ids and other users' messages, forged state
 * versions and ticks, Home-tab starts of any dialog id, hostile text in messages / mentions / slash commands.
 * Invariants: every delivery answered 200, no fault of ours, every message posted within Slack's Block Kit limits
 * (`slackLimitProblems`), and the destructive-call audit over every Turn the adapter made. Signed bodies that are
 * not Slack payloads at all are in slack-malformed.test.ts.
 *
 * (Forged signatures and stale timestamps are refused with 401 before anything runs: test/adapters/slack/
 * platform.test.ts covers them, so they are not repeated here.)
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonValue } from '../../adapters/slack/actions.js';
import { slackLimitProblems } from '../../adapters/slack/limits.js';
import { botOperationCatalog, procedureBundle } from '../../dialogs/index.js';
import { buttonsOf, type FoundButton, seenOf, stateValues } from '../adapters/slack/seen.js';
import { directChannelOf } from '../support/fake-slack.js';
import {
  blockActions,
  directMessage,
  mention,
  type SlackRequest,
  slashCommand,
} from '../support/slack-requests.js';
import { auditDestructiveCalls } from './support/destructive-audit.js';
import { runProperty, scaled } from './support/run-property.js';
import { type Delivery, delivery, EMAIL, REQUESTS, USERS, type Version } from './support/slack-deliveries.js';
import { type SlackFuzz, type SlackMessage, startSlackFuzz, TEAM } from './support/slack-fuzz.js';

const CATALOG = botOperationCatalog();
const DIALOGS = procedureBundle().dialogs;
describe('Slack adapter under random signed deliveries', () => {
  let slack: SlackFuzz;
  const statuses = new Map<number, number>();
  const stats = { deliveries: 0, presses: 0, turns: 0, destructive: 0 };

  beforeAll(async () => {
    // A per-user limit the property reaches now and then, so the "too many messages" reply is exercised too.
    slack = await startSlackFuzz({ SLACK_AGENT_USERS: 'UAGENT' }, { max: 12, windowMs: 1_000 });
  });
  afterAll(() => slack.close());

  const messagesOf = (userId: string): SlackMessage[] => slack.shown(directChannelOf(userId));

  function pressRequest(d: Extract<Delivery, { t: 'press' }>): SlackRequest {
    const presser: string = USERS[d.user] ?? 'UALICE';
    const owner = d.source === 'other' ? (USERS[(d.user + 1) % USERS.length] ?? 'UBOB') : presser;
    const withButtons = messagesOf(owner).filter((m) => buttonsOf(m.blocks).length > 0);
    const message: SlackMessage | undefined =
      d.source === 'forged'
        ? { channel: 'C0GENERAL', ts: '1700000000.999999', text: 'forged', blocks: [{ type: 'divider' }] }
        : d.source === 'home'
          ? undefined
          : withButtons[withButtons.length - 1 - (d.pick % Math.max(withButtons.length, 1))];
    const buttons = message ? buttonsOf(message.blocks) : [];
    const found: FoundButton | undefined = buttons[d.pick % Math.max(buttons.length, 1)];
    const rendered = found?.button ?? {
      type: 'button',
      action_id: ACTION_IDS.start('menu'),
      value: encodeButtonValue({ k: 's', d: 'menu' }),
      text: { type: 'plain_text', text: 'メニュー' },
    };
    const renderedVersion = (() => {
      try {
        const parsed = JSON.parse(String(rendered.value)) as { v?: unknown };
        return typeof parsed.v === 'number' ? parsed.v : 0;
      } catch {
        return 0;
      }
    })();
    const v = (spec: Version) => (spec === 'rendered' ? renderedVersion : spec);
    const value = ((): string | undefined => {
      switch (d.value.v) {
        case 'rendered':
          return typeof rendered.value === 'string' ? rendered.value : undefined;
        case 'choice':
          return JSON.stringify({ k: 'c', c: d.value.c, v: v(d.value.version) });
        case 'ack':
          return JSON.stringify({ k: 'a', v: v(d.value.version) });
        case 'typed':
          return JSON.stringify({ k: 't', v: v(d.value.version) });
        case 'start':
          return JSON.stringify({ k: 's', d: d.value.d });
        case 'raw':
          return d.value.raw;
        case 'missing':
          return undefined;
      }
    })();
    const action: Record<string, unknown> = {
      ...rendered,
      type: d.elementType,
      action_id: d.actionId === 'rendered' ? rendered.action_id : d.actionId,
      ...(value === undefined ? { value: undefined } : { value }),
    };
    const acks = message
      ? seenOf({ ...message, original: message.blocks, updates: 0 }).acks.map((a) => a.id)
      : [];
    const ticks = d.ticks === 'all' ? acks : d.ticks === 'none' ? [] : Array.isArray(d.ticks) ? d.ticks : [];
    const values =
      typeof d.ticks === 'object' && !Array.isArray(d.ticks)
        ? (d.ticks.garbage as Record<string, Record<string, unknown>>)
        : message
          ? stateValues(message.blocks, ticks, d.typed)
          : {};
    return blockActions({
      teamId: TEAM,
      user: d.userId ?? presser,
      action,
      blockId: found?.blockId ?? 'actions',
      ...(message ? { message } : {}),
      values,
    });
  }

  /** What a cooperative user does next on their newest message with something to press. */
  function autoRequest(d: Extract<Delivery, { t: 'auto' }>): SlackRequest {
    const userId: (typeof USERS)[number] = USERS[d.user] ?? 'UALICE';
    const email = EMAIL[userId];
    const channel = directChannelOf(userId);
    const shown = messagesOf(userId);
    const last = shown.at(-1);
    const message = last && buttonsOf(last.blocks).length > 0 ? last : undefined;
    const lastText = last ? seenOf({ ...last, original: last.blocks, updates: 0 }).text : '';
    if (message) {
      const seen = seenOf({ ...message, original: message.blocks, updates: 0 });
      const buttons = buttonsOf(message.blocks);
      const submit = (actionId: string) => buttons.find((b) => b.button.action_id === actionId);
      const press = (found: FoundButton, ticks: string[], typed?: string) =>
        blockActions({
          teamId: TEAM,
          user: userId,
          action: found.button,
          blockId: found.blockId,
          message,
          values: stateValues(message.blocks, ticks, typed),
        });
      const ack = submit(ACTION_IDS.acknowledgeSubmit);
      if (seen.acks.length > 0 && ack)
        return press(
          ack,
          seen.acks.map((a) => a.id),
        );
      const typed = submit(ACTION_IDS.typedSubmit);
      if (seen.typedConfirmation && typed) return press(typed, [], seen.typedConfirmation);
      const choices = buttons.filter((b) => String(b.button.action_id).startsWith('helpdesk.choice.'));
      const choice = choices[d.pick % Math.max(choices.length, 1)];
      if (choice) return press(choice, []);
    }
    if (userId === 'UAGENT' && d.pick % 3 === 0)
      return slashCommand({ teamId: TEAM, user: userId, command: '/helpdesk', text: `act ${email}` });
    if (/6桁|コードを入力/.test(lastText)) {
      const code = slack.bot.outbox.filter((m) => m.to === email).at(-1)?.code ?? '000000';
      return directMessage(TEAM, channel, userId, code);
    }
    if (/メールアドレス/.test(lastText)) return directMessage(TEAM, channel, userId, email);
    return directMessage(TEAM, channel, userId, REQUESTS[d.pick % REQUESTS.length] ?? 'こんにちは');
  }

  function requestFor(d: Delivery): SlackRequest {
    switch (d.t) {
      case 'auto':
        return autoRequest(d);
      case 'press':
        stats.presses += 1;
        return pressRequest(d);
      case 'dm': {
        const userId = USERS[d.user] ?? 'UALICE';
        return directMessage(TEAM, directChannelOf(userId), userId, d.text);
      }
      case 'mention':
        return mention(TEAM, 'C0GENERAL', USERS[d.user] ?? 'UALICE', d.text, { botUserId: 'UBOTFAKE' });
      case 'command':
        return slashCommand({
          teamId: TEAM,
          user: USERS[d.user] ?? 'UALICE',
          command: '/helpdesk',
          text: d.text,
        });
    }
  }

  async function run(deliveries: Delivery[]): Promise<void> {
    const callsBefore = slack.fake.calls.length;
    for (const d of deliveries) {
      const request = requestFor(d);
      const { status } = await slack.send(request);
      stats.deliveries += 1;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `${d.t} answered ${status}`).toBe(200);
    }
    const faults = slack.bot.errors.map((e) =>
      e instanceof Error ? `${e.message} ${e.stack?.split('\n')[1] ?? ''}` : String(e),
    );
    expect(faults, `faults of our code: ${faults.join('; ')}`).toEqual([]);
    for (const call of slack.fake.calls.slice(callsBefore)) {
      if (
        call.method === 'chat.postMessage' ||
        call.method === 'chat.update' ||
        call.method === 'chat.postEphemeral'
      )
        expect(
          slackLimitProblems(call.body),
          `${call.method} over Slack limits: ${JSON.stringify(call.body).slice(0, 500)}`,
        ).toEqual([]);
      if (call.method === 'views.publish') {
        const view = call.body.view as { blocks?: unknown } | undefined;
        expect(slackLimitProblems({ blocks: view?.blocks }), 'Home view over Slack limits').toEqual([]);
      }
    }
    const audit = auditDestructiveCalls(slack.bot, CATALOG, DIALOGS);
    expect(audit, `destructive-call audit: ${audit.join('; ')}`).toEqual([]);
  }

  it('never answers 5xx, never faults, posts only what Slack accepts, and deletes nothing unconfirmed', async () => {
    await runProperty(
      'slack signed deliveries',
      fc.asyncProperty(fc.array(delivery, { minLength: 1, maxLength: 10 }), run),
      scaled({ numRuns: 250, timeLimitMs: 20_000 }),
      () => ({
        ...stats,
        turns: slack.bot.turns.length,
        verified: slack.bot.calls.filter((c) => c.operation === 'confirmVerification' && c.outcome === 'ok')
          .length,
        confirmations: slack.bot.events.filter((e) => e.event.kind === 'confirmed').length,
        destructive: slack.bot.calls.filter((c) => c.destructive).length,
        ...Object.fromEntries([...statuses].map(([status, count]) => [`http${status}`, count])),
      }),
    );
    // The plausible part of the generator must reach procedures, or the forged part tests only the surface.
    expect(slack.bot.calls.some((c) => c.operation === 'confirmVerification' && c.outcome === 'ok')).toBe(
      true,
    );
  }, 90_000);
});

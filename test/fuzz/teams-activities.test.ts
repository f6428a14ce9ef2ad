/**
 * Property 2 (Teams): random activities through the real Teams channel (botbuilder CloudAdapter, fake Bot
 * Connector) to the full bot — plausible use (pressing the card buttons shown, ticking every toggle, typing the
 * phrase, giving a demo e-mail and the mailed code, `act <e-mail>` for the agent) mixed with forgery: card submits
 * with forged data (other choice ids, other customers' ids, stale / negative / fractional / string versions,
 * unknown acknowledgement inputs, entry points of any dialog id, values that are not objects), submits naming
 * another user's card, hostile text, and activities with fields missing or of the wrong type. Invariants: never a
 * 5xx, well-formed activities answered 200, no fault of ours, every card posted or updated valid for the Adaptive
 * Cards SDK at schema 1.5 (as test/adapters/teams/render.test.ts), no request to the connector it does not know,
 * and the destructive-call audit over every Turn the adapter made.
 *
 * (Requests without a valid Bot Framework token are refused with 401 before anything runs:
 * test/adapters/teams/auth.test.ts covers them, so this suite runs with authentication disabled.)
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botOperationCatalog, procedureBundle } from '../../dialogs/index.js';
import type { CardAction, ParsedCard } from '../adapters/teams/seen.js';
import { cardOf, submitValue } from '../adapters/teams/seen.js';
import { cardProblems } from '../adapters/teams/validate-card.js';
import { messageActivity, submitActivity, type TeamsActivity } from '../support/teams-activities.js';
import { auditDestructiveCalls } from './support/destructive-audit.js';
import { runProperty, scaled } from './support/run-property.js';
import { startTeamsFuzz, type TeamsFuzz } from './support/teams-fuzz.js';
import {
  EMAIL,
  type Input,
  input,
  mutate,
  REQUESTS,
  USERS,
  type User,
  type Version,
} from './support/teams-inputs.js';

const CATALOG = botOperationCatalog();
const DIALOGS = procedureBundle().dialogs;
describe('Teams adapter under random activities', () => {
  let teams: TeamsFuzz;
  const statuses = new Map<number, number>();
  const stats = { activities: 0, submits: 0, mutated: 0, faultsOnMalformed: 0, nonStringType: 0 };

  beforeAll(async () => {
    // A per-user limit the property reaches now and then, so the "too many messages" reply is exercised too.
    teams = await startTeamsFuzz({ TEAMS_AGENT_USERS: 'aad-agent' }, { max: 12, windowMs: 1_000 });
  });
  afterAll(() => teams.close());

  const serviceUrl = () => teams.connector.url;
  const userOf = (index: number): User => USERS[index % USERS.length] ?? 'aad-alice';

  function press(
    userId: User,
    card: ParsedCard,
    action: CardAction,
    ticks: string[],
    typed?: string,
  ): TeamsActivity {
    const value = submitValue(card, action, {
      ticks: card.inputs.filter((i) => i.isRequired).length ? ticks : ticks,
      typed,
    });
    return submitActivity({ serviceUrl: serviceUrl(), aadObjectId: userId, value, replyToId: card.seen.id });
  }

  function autoActivity(d: Extract<Input, { t: 'auto' }>): TeamsActivity {
    const userId = userOf(d.user);
    const email = EMAIL[userId];
    const last = teams.cards(userId).at(-1);
    if (last && last.actions.length > 0) {
      const ack = last.actions.find((a) => a.data.hb === 'acknowledge');
      if (last.seen.acks.length > 0 && ack) {
        try {
          return press(
            userId,
            last,
            ack,
            last.seen.acks.map((a) => a.id),
          );
        } catch {
          // a required input the cooperative user cannot fill: fall through to a choice
        }
      }
      const typed = last.actions.find((a) => a.data.hb === 'typed');
      if (last.seen.typedConfirmation && typed)
        return press(userId, last, typed, [], last.seen.typedConfirmation);
      const choices = last.actions.filter((a) => a.data.hb === 'choice' && a.associatedInputs !== 'auto');
      const choice = choices[d.pick % Math.max(choices.length, 1)];
      if (choice) return press(userId, last, choice, []);
    }
    const say = (t: string) => messageActivity({ serviceUrl: serviceUrl(), aadObjectId: userId, text: t });
    if (userId === 'aad-agent' && d.pick % 3 === 0) return say(`act ${email}`);
    const shown = last?.seen.text ?? '';
    if (/6桁|コードを入力/.test(shown))
      return say(teams.bot.outbox.filter((m) => m.to === email).at(-1)?.code ?? '000000');
    if (/メールアドレス/.test(shown)) return say(email);
    return say(REQUESTS[d.pick % REQUESTS.length] ?? 'こんにちは');
  }

  function submitFor(d: Extract<Input, { t: 'submit' }>): TeamsActivity {
    stats.submits += 1;
    const userId = userOf(d.user);
    const owner = d.card === 'other' ? userOf(d.user + 1) : userId;
    const withActions = teams.cards(owner).filter((c) => c.actions.length > 0);
    const card =
      d.card === 'none'
        ? undefined
        : withActions[withActions.length - 1 - (d.pick % Math.max(withActions.length, 1))];
    const action = card?.actions[d.pick % Math.max(card.actions.length, 1)];
    const rendered = typeof action?.data.stateVersion === 'number' ? action.data.stateVersion : 0;
    const v = (spec: Version) => (spec === 'rendered' ? rendered : spec);
    let value: unknown;
    switch (d.value.s) {
      case 'rendered': {
        if (!card || !action)
          return messageActivity({ serviceUrl: serviceUrl(), aadObjectId: userId, text: 'こんにちは' });
        const ticks = d.ticks === 'all' ? card.seen.acks.map((a) => a.id) : d.ticks === 'none' ? [] : d.ticks;
        try {
          value = submitValue(card, action, { ticks, typed: d.typed });
        } catch {
          // The Teams client refuses to send with a required input empty; a forged client sends it anyway.
          value = { ...action.data };
        }
        break;
      }
      case 'choice':
        value = { hb: 'choice', choiceId: d.value.choiceId, stateVersion: v(d.value.version) };
        break;
      case 'acknowledge':
        value = { hb: 'acknowledge', stateVersion: v(d.value.version), ...d.value.toggles };
        break;
      case 'typed':
        value = { hb: 'typed', stateVersion: v(d.value.version), typed: d.value.typed };
        break;
      case 'start':
        value = { hb: 'start', dialogId: d.value.dialogId };
        break;
      case 'garbage':
        value = d.value.value;
        break;
    }
    return {
      ...submitActivity({
        serviceUrl: serviceUrl(),
        aadObjectId: userId,
        value: {},
        replyToId: card?.seen.id ?? 'unknown-card',
      }),
      value,
    };
  }

  async function deliver(d: Input): Promise<number> {
    stats.activities += 1;
    switch (d.t) {
      case 'auto':
        return teams.post(autoActivity(d));
      case 'text':
        return teams.post(
          messageActivity({ serviceUrl: serviceUrl(), aadObjectId: userOf(d.user), text: d.text }),
        );
      case 'submit':
        return teams.post(submitFor(d));
      case 'mutated': {
        stats.mutated += 1;
        const base = d.submit
          ? submitActivity({
              serviceUrl: serviceUrl(),
              aadObjectId: userOf(d.user),
              value: { hb: 'start', dialogId: 'menu' },
              replyToId: 'x',
            })
          : messageActivity({ serviceUrl: serviceUrl(), aadObjectId: userOf(d.user), text: 'こんにちは' });
        return teams.post(mutate(base, d.mutation));
      }
      case 'raw':
        return teams.post(d.body, { raw: true });
    }
  }

  async function run(inputs: Input[]): Promise<void> {
    const postedBefore = teams.connector.activities.length;
    const updatedBefore = teams.connector.updates.length;
    for (const d of inputs) {
      const errorsBefore = teams.bot.errors.length;
      const status = await deliver(d);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const what = `${d.t} answered ${status}: ${JSON.stringify(d).slice(0, 300)}`;
      const faults = teams.bot.errors.slice(errorsBefore).map(String);
      if (d.t === 'mutated') {
        // Fields of the wrong type still make faults, and a non-string `type` a 500 (both pinned in
        // teams-malformed.test.ts); otherwise never a 5xx, except the Bot Framework's own 501 for an invoke the bot
        // does not implement.
        stats.faultsOnMalformed += faults.length;
        const typeSetTo =
          'value' in d.mutation && d.mutation.path[0] === 'type' ? d.mutation.value : undefined;
        if (typeSetTo === 'invoke') expect(status, what).toBe(501);
        else if (typeSetTo !== undefined && typeof typeSetTo !== 'string')
          stats.nonStringType += 1; // pinned: 500
        else expect(status, what).toBeLessThan(500);
        continue;
      }
      expect(faults, what).toEqual([]);
      expect(status, what).toBe(d.t === 'raw' ? (d.body.length > 256 * 1024 ? 413 : 400) : 200);
    }
    expect(teams.connector.unknown).toEqual([]);
    const sent = [
      ...teams.connector.activities.slice(postedBefore).map((a) => a.activity),
      ...teams.connector.updates.slice(updatedBefore).map((u) => u.activity),
    ];
    for (const activity of sent) {
      const card = cardOf(activity);
      expect(card, 'every message is an Adaptive Card').toBeDefined();
      expect(cardProblems(card)).toEqual([]);
    }
    const audit = auditDestructiveCalls(teams.bot, CATALOG, DIALOGS);
    expect(audit, `destructive-call audit: ${audit.join('; ')}`).toEqual([]);
  }

  it('never answers 5xx, never faults, posts only valid cards, and deletes nothing unconfirmed', async () => {
    await runProperty(
      'teams activities',
      fc.asyncProperty(fc.array(input, { minLength: 1, maxLength: 10 }), run),
      scaled({ numRuns: 300, timeLimitMs: 20_000 }),
      () => ({
        ...stats,
        turns: teams.bot.turns.length,
        verified: teams.bot.calls.filter((c) => c.operation === 'confirmVerification' && c.outcome === 'ok')
          .length,
        confirmations: teams.bot.events.filter((e) => e.event.kind === 'confirmed').length,
        destructive: teams.bot.calls.filter((c) => c.destructive).length,
        ...Object.fromEntries([...statuses].map(([status, count]) => [`http${status}`, count])),
      }),
    );
    expect(teams.bot.calls.some((c) => c.operation === 'confirmVerification' && c.outcome === 'ok')).toBe(
      true,
    );
  }, 90_000);
});

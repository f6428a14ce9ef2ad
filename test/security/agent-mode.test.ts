/**
 * Agent mode needs a configured agent identity on the platform (SLACK_AGENT_USERS / TEAMS_AGENT_USERS): anyone
 * else who asks for it — the slash command or `act …` text, the Home-tab / welcome-card button rewritten to start
 * `agent-session`, the 代理対応 request typed, a web `start` — gets the polite refusal, and no customer is looked
 * up (`findCustomer` is never called). A configured agent doing the same does reach `findCustomer` (the control
 * that shows these tests can fail). The slash-command `act` by a non-agent on Slack is also in
 * test/adapters/slack/platform.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_IDS, encodeButtonValue } from '../../adapters/slack/actions.js';
import { procedureBundle } from '../../dialogs/index.js';
import { type SlackHarness, startSlackHarness, TEAM } from '../adapters/slack/harness.js';
import { seenOf } from '../adapters/slack/seen.js';
import { startTeamsDriver, type TeamsDriver } from '../adapters/teams/driver.js';
import { botText, startWeb, type WebHarness } from '../adapters/web/support.js';
import { createTestBot, type TestBot } from '../support/bot-harness.js';
import type { ChannelTestBot } from '../support/channel-bot.js';
import { directChannelOf } from '../support/fake-slack.js';
import { blockActions, directMessage, slashCommand } from '../support/slack-requests.js';
import { personalConversationId, submitActivity } from '../support/teams-activities.js';

const REFUSAL = 'この機能は登録された担当者のみご利用いただけます';
const lookedUp = (bot: Pick<ChannelTestBot, 'calls'> | TestBot) =>
  bot.calls.filter((c) => c.operation === 'findCustomer');

let slack: SlackHarness | undefined;
let teams: TeamsDriver | undefined;
let web: WebHarness | undefined;
let engineBot: TestBot | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.close();
  await web?.close();
  await engineBot?.close();
  slack = teams = web = engineBot = undefined;
});

describe('Slack', () => {
  const shownTo = (h: SlackHarness, user: string) =>
    h
      .shown(directChannelOf(user))
      .map((m) => seenOf(m).text)
      .join('\n');

  it('a non-agent forging a Home button for agent-session, or typing 代理対応, is refused; nobody is looked up', async () => {
    slack = await startSlackHarness({ SLACK_AGENT_USERS: 'UAGENT' });
    const forgedHome = {
      type: 'button',
      action_id: ACTION_IDS.start('agent-session'),
      text: { type: 'plain_text', text: '代理対応' },
      value: encodeButtonValue({ k: 's', d: 'agent-session' }),
    };
    await slack.send(blockActions({ teamId: TEAM, user: 'UMALLORY', action: forgedHome }));
    expect(shownTo(slack, 'UMALLORY')).toContain(REFUSAL);
    await slack.send(directMessage(TEAM, directChannelOf('UMALLORY'), 'UMALLORY', '代理対応'));
    await slack.send(directMessage(TEAM, directChannelOf('UMALLORY'), 'UMALLORY', 'portal@example.com'));
    await slack.send(
      slashCommand({ teamId: TEAM, user: 'UMALLORY', command: '/helpdesk', text: 'act HMMH061530' }),
    );
    expect(shownTo(slack, 'UMALLORY').split(REFUSAL).length - 1).toBeGreaterThanOrEqual(3);
    expect(lookedUp(slack.testBot)).toEqual([]);

    // Control: the configured agent's own request does look the customer up.
    await slack.send(
      slashCommand({ teamId: TEAM, user: 'UAGENT', command: '/helpdesk', text: 'act portal@example.com' }),
    );
    expect(lookedUp(slack.testBot)).toHaveLength(1);
  });

  it('with no agent configured at all, nobody is an agent', async () => {
    slack = await startSlackHarness();
    await slack.send(
      slashCommand({ teamId: TEAM, user: 'UAGENT', command: '/helpdesk', text: 'act portal@example.com' }),
    );
    expect(shownTo(slack, 'UAGENT')).toContain(REFUSAL);
    expect(lookedUp(slack.testBot)).toEqual([]);
  });
});

describe('Teams', () => {
  it('a non-agent typing act …, or submitting a forged start of agent-session, is refused; nobody is looked up', async () => {
    teams = await startTeamsDriver({ agents: ['aad-agent'] });
    const user = 'aad-mallory';
    await teams.say(user, 'act portal@example.com');
    const forged = submitActivity({
      serviceUrl: teams.connector.url,
      aadObjectId: user,
      value: { hb: 'start', dialogId: 'agent-session' },
      replyToId: 'welcome-card',
    });
    expect(await teams.post(forged)).toBe(200);
    await teams.say(user, '代理対応');
    const shown = teams
      .cards(personalConversationId(user))
      .map((c) => c.seen.text)
      .join('\n');
    expect(shown.split(REFUSAL).length - 1).toBeGreaterThanOrEqual(3);
    expect(lookedUp(teams.testBot)).toEqual([]);

    await teams.say('aad-agent', 'act portal@example.com');
    expect(lookedUp(teams.testBot)).toHaveLength(1);
  });
});

describe('web chat and the engine', () => {
  it('a web visitor starting agent-session is refused; nobody is looked up', async () => {
    web = await startWeb();
    const client = web.client();
    const started = await client.turn({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'portal@example.com',
    });
    expect(started.status).toBe(200);
    expect(botText(started.json.entries)).toContain(REFUSAL);
    const typed = await client.turn({ kind: 'text', text: '代理対応' });
    expect(botText(typed.json.entries)).toContain(REFUSAL);
    expect(lookedUp(web.testBot)).toEqual([]);
  });

  it('a customer actor starting agent-session (even with an agent key as credential) is refused', async () => {
    engineBot = await createTestBot(procedureBundle());
    const forged = engineBot.as({
      conversationKey: 'security:customer',
      actor: { kind: 'customer', id: 'web:someone' },
      credentials: { agentKey: 'sandbox-agent-key-sato' },
    });
    await forged.send({ kind: 'start', dialogId: 'agent-session', text: 'portal@example.com' });
    expect(forged.lastText()).toContain(REFUSAL);
    await forged.send({ kind: 'start', dialogId: 'agent-end' });
    expect(forged.lastText()).toContain(REFUSAL);
    expect(lookedUp(engineBot)).toEqual([]);
    expect(engineBot.calls.map((c) => c.operation)).not.toContain('beginAgentSession');
  });
});

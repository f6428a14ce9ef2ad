/**
 * The Teams `ChannelDriver`: the full bot behind the real Teams channel (botbuilder CloudAdapter on
 * /api/messages, authentication disabled as in local development), activities posted over HTTP, replies
 * received by a fake Bot Connector and parsed back from their Adaptive Cards. Users are AAD object ids; each
 * has a personal conversation with the bot.
 *
 * Buttons are pressed as the Teams client would: the action's data, plus the card's inputs only for actions that
 * validate them (and never with a required input left empty: that throws, as Teams refuses to send). The adapter's
 * own submit buttons (acknowledgements, typed phrase) are not engine choices, so they are not in
 * `SeenMessage.choices`; `click` with `ticks` on a name no message offers presses the acknowledgement submit.
 */
import { createTeamsChannel } from '../../../adapters/teams/channel.js';
import type { Channel } from '../../../src/channels/channel.js';
import { type Served, serve } from '../../../src/http/serve.js';
import type { ChannelDriver, DriverFactory, DriverOptions, SeenMessage } from '../../channels/driver.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';
import { type FakeConnector, startFakeConnector } from '../../support/fake-connector.js';
import {
  messageActivity,
  newActivityId,
  personalConversationId,
  submitActivity,
  type TeamsActivity,
} from '../../support/teams-activities.js';
import { type CardAction, type ParsedCard, parseCard, submitValue } from './seen.js';

export interface TeamsDriver extends ChannelDriver {
  readonly name: 'teams';
  readonly connector: FakeConnector;
  readonly channel: Channel;
  /** The bot's base URL (POST `${url}/api/messages`). */
  readonly url: string;
  /** Posts an activity to /api/messages; resolves with the HTTP status once the bot has answered. */
  post(activity: TeamsActivity, headers?: Record<string, string>): Promise<number>;
  /** The messages of a conversation (any conversation id), parsed, as currently displayed. */
  cards(conversationId: string): ParsedCard[];
  /** Presses an action of a card: a submit activity with the value Teams would send. */
  press(
    userId: string,
    card: ParsedCard,
    action: CardAction,
    filled?: { ticks?: readonly string[]; typed?: string },
  ): Promise<void>;
}

export interface TeamsDriverOptions extends DriverOptions {
  /** Extra configuration for the bot. */
  env?: Record<string, string>;
}

export async function startTeamsDriver(options: TeamsDriverOptions = {}): Promise<TeamsDriver> {
  const connector = await startFakeConnector();
  const testBot: ChannelTestBot = await createChannelTestBot({
    TEAMS_AUTH_DISABLED: 'true',
    ...(options.agents?.length ? { TEAMS_AGENT_USERS: options.agents.join(',') } : {}),
    ...options.env,
  });
  const channel = await createTeamsChannel(testBot.context);
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  let last: { activity: TeamsActivity; headers: Record<string, string> } | undefined;

  const post = async (activity: TeamsActivity, headers: Record<string, string> = {}): Promise<number> => {
    last = { activity, headers };
    const response = await fetch(`${served.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const postOk = async (activity: TeamsActivity) => {
    const status = await post(activity);
    if (status !== 200) throw new Error(`/api/messages answered ${status}`);
  };

  /** The activity as displayed now: its latest update, or as posted. */
  const cards = (conversationId: string): ParsedCard[] =>
    connector.activities
      .filter((a) => a.conversationId === conversationId)
      .map((posted) => {
        const update = connector.updates.filter((u) => u.activityId === posted.id).at(-1);
        return parseCard(posted.id, update?.activity ?? posted.activity);
      });
  /** As first posted (a client that has not refreshed yet still shows these buttons). */
  const original = (messageId: string): ParsedCard | undefined => {
    const posted = connector.activities.find((a) => a.id === messageId);
    return posted ? parseCard(posted.id, posted.activity) : undefined;
  };
  const personal = (userId: string) => cards(personalConversationId(userId));

  const press = async (
    userId: string,
    card: ParsedCard,
    action: CardAction,
    filled: { ticks?: readonly string[]; typed?: string } = {},
  ) => {
    const value = submitValue(card, action, filled);
    await postOk(
      submitActivity({ serviceUrl: connector.url, aadObjectId: userId, value, replyToId: card.seen.id }),
    );
  };

  const findChoice = (userId: string, choiceId: string, messageId?: string) => {
    const isChoice = (a: CardAction) => a.data.hb === 'choice' && a.data.choiceId === choiceId;
    if (messageId) {
      const shown = personal(userId).find((c) => c.seen.id === messageId);
      const card = shown?.actions.some(isChoice) ? shown : original(messageId);
      const action = card?.actions.find(isChoice);
      if (card && action) return { card, action };
      throw new Error(`Message ${messageId} has no button "${choiceId}"`);
    }
    const card = personal(userId).findLast((c) => c.actions.some(isChoice));
    const action = card?.actions.find(isChoice);
    if (card && action) return { card, action };
    return undefined;
  };
  const newestWith = (userId: string, kind: 'acknowledge' | 'typed') => {
    const card = personal(userId).findLast((c) => c.actions.some((a) => a.data.hb === kind));
    const action = card?.actions.find((a) => a.data.hb === kind);
    if (!card || !action) throw new Error(`No message of ${userId} has a "${kind}" submit button`);
    return { card, action };
  };

  const driver: TeamsDriver = {
    name: 'teams',
    editsMessages: true,
    testBot,
    connector,
    channel,
    url: served.url,
    post,
    cards,
    press,
    async say(userId, text) {
      await postOk(messageActivity({ serviceUrl: connector.url, aadObjectId: userId, text }));
    },
    messages: (userId): SeenMessage[] => personal(userId).map((c) => c.seen),
    async click(userId, choiceId, clickOptions = {}) {
      const found = findChoice(userId, choiceId, clickOptions.messageId);
      if (found) {
        await press(userId, found.card, found.action, { ticks: clickOptions.ticks ?? [] });
        return;
      }
      if (clickOptions.ticks) {
        await driver.acknowledge(userId, clickOptions.ticks);
        return;
      }
      throw new Error(`No message shown to ${userId} has a button "${choiceId}"`);
    },
    async acknowledge(userId, ackIds) {
      const { card, action } = newestWith(userId, 'acknowledge');
      await press(userId, card, action, { ticks: ackIds });
    },
    async typeConfirmation(userId, text) {
      const { card, action } = newestWith(userId, 'typed');
      await press(userId, card, action, { typed: text });
    },
    async redeliverLast() {
      if (!last) throw new Error('Nothing was delivered yet');
      await post(last.activity, last.headers);
    },
    async doubleClick(userId, choiceId, clickOptions = {}) {
      const found = findChoice(userId, choiceId);
      if (!found) throw new Error(`No message shown to ${userId} has a button "${choiceId}"`);
      const value = submitValue(found.card, found.action, { ticks: clickOptions.ticks ?? [] });
      // Two clicks are two activities (two ids) from the same card, both in flight at once.
      const copy = () =>
        postOk(
          submitActivity({
            serviceUrl: connector.url,
            aadObjectId: userId,
            value,
            replyToId: found.card.seen.id,
            id: newActivityId(),
          }),
        );
      await Promise.all([copy(), copy()]);
    },
    async actFor(agentUserId, query) {
      await driver.say(agentUserId, `act ${query}`);
    },
    async close() {
      await served.close();
      await channel.close();
      await connector.close();
      await testBot.close();
    },
  };
  return driver;
}

export const createTeamsDriver: DriverFactory = (options) => startTeamsDriver(options);

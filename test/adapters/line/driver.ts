/**
 * The LINE `ChannelDriver`: the full bot behind the real LINE channel (signed webhooks over HTTP to
 * `POST /line/webhook`), replies received by a fake Messaging API and parsed back from the LINE messages. Users are
 * LINE user ids; each has a one-to-one chat with the bot. Every webhook event carries a fresh reply token issued by
 * the fake, as LINE's do.
 *
 * Buttons are pressed as the LINE app does: a postback event with the button's data. LINE has no checkboxes:
 * `acknowledge` presses each item's button in turn, on the newest message that shows it. LINE cannot edit a
 * sent message, so a message keeps its buttons (`editsMessages: false`).
 */
import {
  createLineChannel,
  type LineChannel,
  type LineChannelOptions,
} from '../../../adapters/line/channel.js';
import { LINE_WEBHOOK_PATH } from '../../../adapters/line/http.js';
import { type Served, serve } from '../../../src/http/serve.js';
import type { ChannelDriver, DriverFactory, DriverOptions } from '../../channels/driver.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';
import { type FakeLine, startFakeLine } from '../../support/fake-line.js';
import {
  newWebhookEventId,
  postbackEvent,
  signLine,
  TEST_LINE_SECRET,
  TEST_LINE_TOKEN,
  textEvent,
  webhookBody,
} from '../../support/line-events.js';
import { type LineSeen, parseMessage, type SeenButton } from './seen.js';

export interface LineDriver extends ChannelDriver {
  readonly name: 'line';
  readonly fake: FakeLine;
  readonly channel: LineChannel;
  readonly url: string;
  /** Posts a raw webhook body (signed unless `signature` is given); resolves with the status once handled. */
  post(body: string, signature?: string | null): Promise<number>;
  /** A webhook with these events, signed; waits until the bot has handled them. */
  send(events: Record<string, unknown>[]): Promise<void>;
  /** The messages shown to this user, parsed, oldest first. */
  seen(userId: string): LineSeen[];
  /** Presses a button of a shown message (a postback event with its data). */
  press(userId: string, button: SeenButton): Promise<void>;
}

export interface LineDriverOptions extends DriverOptions {
  env?: Record<string, string>;
  channel?: LineChannelOptions;
}

export async function startLineDriver(options: LineDriverOptions = {}): Promise<LineDriver> {
  const fake = await startFakeLine({ accessToken: TEST_LINE_TOKEN });
  const agents = options.agents?.join(',');
  const testBot: ChannelTestBot = await createChannelTestBot({
    LINE_CHANNEL_SECRET: TEST_LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_LINE_TOKEN,
    LINE_API_URL: fake.url,
    // The same ids are agents on Slack and Teams: on LINE they must still be customers.
    ...(agents ? { SLACK_AGENT_USERS: agents, TEAMS_AGENT_USERS: agents, TEAMS_AUTH_DISABLED: 'true' } : {}),
    ...options.env,
  });
  const channel = await createLineChannel(testBot.context, options.channel);
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  let last: Record<string, unknown>[] | undefined;

  const post = async (body: string, signature?: string | null): Promise<number> => {
    const sig = signature === undefined ? signLine(body) : signature;
    const response = await fetch(`${served.url}${LINE_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(sig === null ? {} : { 'x-line-signature': sig }) },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    await channel.idle();
    return response.status;
  };
  const send = async (events: Record<string, unknown>[]) => {
    last = events;
    const status = await post(webhookBody(events));
    if (status !== 200) throw new Error(`${LINE_WEBHOOK_PATH} answered ${status}`);
  };
  const event = (userId: string) => ({ userId, replyToken: fake.issueReplyToken(userId) });

  const seen = (userId: string): LineSeen[] =>
    fake.messagesOf(userId).map((m) => parseMessage(m.id, m.message));
  const press = (userId: string, button: SeenButton) =>
    send([postbackEvent({ ...event(userId), data: button.data })]);

  const findChoice = (userId: string, choiceId: string, messageId?: string): SeenButton | undefined => {
    const isChoice = (b: SeenButton) => b.postback.kind === 'choice' && b.postback.choiceId === choiceId;
    const messages = seen(userId).filter((m) => messageId === undefined || m.id === messageId);
    return messages.findLast((m) => m.buttons.some(isChoice))?.buttons.find(isChoice);
  };
  const findAck = (userId: string, ackId: string): SeenButton | undefined => {
    const isAck = (b: SeenButton) => b.postback.kind === 'ack' && b.postback.ackId === ackId;
    return seen(userId)
      .findLast((m) => m.buttons.some(isAck))
      ?.buttons.find(isAck);
  };

  const driver: LineDriver = {
    name: 'line',
    editsMessages: false,
    testBot,
    fake,
    channel,
    url: served.url,
    post,
    send,
    seen,
    press,
    async say(userId, text) {
      await send([textEvent({ ...event(userId), text })]);
    },
    messages: (userId) => seen(userId),
    async click(userId, choiceId, clickOptions = {}) {
      if (clickOptions.ticks?.length) await driver.acknowledge(userId, clickOptions.ticks);
      const button = findChoice(userId, choiceId, clickOptions.messageId);
      if (button) {
        await press(userId, button);
        return;
      }
      if (clickOptions.ticks) return;
      throw new Error(`No message shown to ${userId} has a button "${choiceId}"`);
    },
    async acknowledge(userId, ackIds) {
      for (const ackId of ackIds) {
        const button = findAck(userId, ackId);
        if (!button)
          throw new Error(`No message shown to ${userId} has an acknowledgement button "${ackId}"`);
        await press(userId, button);
      }
    },
    async typeConfirmation(userId, text) {
      await driver.say(userId, text);
    },
    async redeliverLast() {
      if (!last) throw new Error('Nothing was delivered yet');
      // LINE redelivers the same event (same webhookEventId) marked as a redelivery.
      const again = last.map((e) => ({ ...e, deliveryContext: { isRedelivery: true } }));
      const status = await post(webhookBody(again));
      if (status !== 200) throw new Error(`${LINE_WEBHOOK_PATH} answered ${status}`);
    },
    async doubleClick(userId, choiceId) {
      const button = findChoice(userId, choiceId);
      if (!button) throw new Error(`No message shown to ${userId} has a button "${choiceId}"`);
      // Two taps are two events (two ids, two reply tokens), in two webhooks in flight together.
      const copy = () => {
        const body = webhookBody([
          postbackEvent({ ...event(userId), data: button.data, webhookEventId: newWebhookEventId() }),
        ]);
        return post(body);
      };
      const statuses = await Promise.all([copy(), copy()]);
      if (statuses.some((s) => s !== 200)) throw new Error(`webhook answered ${statuses.join(', ')}`);
    },
    async actFor(agentUserId, query) {
      await driver.say(agentUserId, `act ${query}`);
    },
    async close() {
      await served.close();
      await channel.close();
      await fake.close();
      await testBot.close();
    },
  };
  return driver;
}

export const createLineDriver: DriverFactory = (options) => startLineDriver(options);

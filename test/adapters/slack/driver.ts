/**
 * The Slack `ChannelDriver` for the channel-parity suite: the full bot behind the real Bolt app, driven by signed
 * HTTP requests (Events API, interactivity, slash command) and read back from the fake Web API's recorded
 * `chat.postMessage` / `chat.update` calls.
 */
import { ACTION_IDS } from '../../../adapters/slack/actions.js';
import type { ChannelDriver, DriverFactory, SeenMessage } from '../../channels/driver.js';
import { directChannelOf } from '../../support/fake-slack.js';
import {
  blockActions,
  directMessage,
  type SlackRequest,
  slashCommand,
} from '../../support/slack-requests.js';
import { type ShownMessage, type SlackHarness, startSlackHarness, TEAM } from './harness.js';
import { buttonWithActionId, choiceButton, type FoundButton, seenOf, stateValues } from './seen.js';

export const createSlackDriver: DriverFactory = async (options = {}) =>
  slackDriverOn(await startSlackHarness({ SLACK_AGENT_USERS: (options.agents ?? []).join(',') }));

/** A driver over a running harness (tests that also read the raw Web API calls); `close()` closes the harness. */
export function slackDriverOn(harness: SlackHarness): ChannelDriver {
  let last: SlackRequest | undefined;

  const send = async (request: SlackRequest) => {
    last = request;
    const response = await harness.send(request);
    if (response.status !== 200) throw new Error(`Slack adapter answered HTTP ${response.status}`);
  };
  const shown = (userId: string) => harness.shown(directChannelOf(userId));

  /** The newest message (or the one with `messageId`) with a matching element; old copies' buttons included. */
  const find = (
    userId: string,
    pick: (blocks: unknown[]) => FoundButton | undefined,
    messageId?: string,
  ): { message: ShownMessage; found: FoundButton } => {
    const candidates = shown(userId)
      .filter((m) => messageId === undefined || m.ts === messageId)
      .reverse();
    for (const message of candidates) {
      // A client that has not yet received the update still shows the buttons it was posted with.
      const found = pick(message.blocks) ?? (messageId !== undefined ? pick(message.original) : undefined);
      if (found) return { message, found };
    }
    throw new Error(`slack: no such button for ${userId}${messageId ? ` on message ${messageId}` : ''}`);
  };

  const press = (
    userId: string,
    message: ShownMessage,
    found: FoundButton,
    ticks: readonly string[] = [],
    typed?: string,
  ) =>
    blockActions({
      teamId: TEAM,
      user: userId,
      action: found.button,
      blockId: found.blockId,
      message: { channel: message.channel, ts: message.ts, text: message.text, blocks: message.blocks },
      // The inputs as they were rendered (a client showing an old copy still has them).
      values: stateValues(message.original, ticks, typed),
    });

  const driver: ChannelDriver = {
    name: 'slack',
    editsMessages: true,
    testBot: harness.testBot,
    say: (userId, text) => send(directMessage(TEAM, directChannelOf(userId), userId, text)),
    messages: (userId): SeenMessage[] => shown(userId).map(seenOf),
    async click(userId, choiceId, clickOptions = {}) {
      const { message, found } = find(
        userId,
        (blocks) => choiceButton(blocks, choiceId),
        clickOptions.messageId,
      );
      await send(press(userId, message, found, clickOptions.ticks));
    },
    async acknowledge(userId, ackIds) {
      const { message, found } = find(userId, (blocks) =>
        buttonWithActionId(blocks, ACTION_IDS.acknowledgeSubmit),
      );
      await send(press(userId, message, found, ackIds));
    },
    async typeConfirmation(userId, text) {
      const { message, found } = find(userId, (blocks) => buttonWithActionId(blocks, ACTION_IDS.typedSubmit));
      await send(press(userId, message, found, [], text));
    },
    async redeliverLast() {
      if (!last) throw new Error('slack: nothing was delivered yet');
      const response = await harness.send(last, { retryNum: 1 });
      if (response.status !== 200) throw new Error(`Slack adapter answered HTTP ${response.status}`);
    },
    async doubleClick(userId, choiceId, clickOptions = {}) {
      const { message, found } = find(userId, (blocks) => choiceButton(blocks, choiceId));
      const first = press(userId, message, found, clickOptions.ticks);
      const second = press(userId, message, found, clickOptions.ticks);
      last = second;
      const responses = await Promise.all([harness.send(first), harness.send(second)]);
      if (responses.some((r) => r.status !== 200)) throw new Error('Slack adapter refused a click');
    },
    actFor: (agentUserId, query) =>
      send(slashCommand({ teamId: TEAM, user: agentUserId, command: '/helpdesk', text: `act ${query}` })),
    close: () => harness.close(),
  };
  return driver;
}

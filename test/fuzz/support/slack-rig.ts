/**
 * Slack as a {@link ScreenRig}: the real Slack channel (Bolt HTTP receiver, support/slack-fuzz.ts) over a
 * {@link FuzzBot}, one user in their direct messages with the bot. What the user sees is the messages the adapter
 * posted there (`chat.postMessage` to the fake Web API), read back from their Block Kit as first posted (a client
 * that has not yet received the `chat.update` closing a message still shows its buttons); what they do is what
 * Slack sends, signed: `message` events (Events API) and `block_actions` payloads carrying the pressed button as
 * rendered (its value: choice and version), the message as Slack stores it now and the message's `state.values`
 * (checkboxes ticked, text typed); entry points are the Home tab's buttons. A double press is two payloads (two
 * `action_ts`) in flight at once; a redelivery is the same request again with `x-slack-retry-num: 1` (same
 * `event_id` / `action_ts`).
 */
import { expect } from 'vitest';
import { ACTION_IDS, decodeButtonValue, encodeButtonValue } from '../../../adapters/slack/actions.js';
import type { ShownMessage } from '../../adapters/slack/harness.js';
import { buttonsOf, type FoundButton, seenOf, stateValues } from '../../adapters/slack/seen.js';
import { directChannelOf } from '../../support/fake-slack.js';
import { blockActions, directMessage, type SlackRequest } from '../../support/slack-requests.js';
import type { Abilities, Act, Button, ScreenRig, Shown } from './channel-screen.js';
import { startSlackFuzz, TEAM } from './slack-fuzz.js';

const KIND = { c: 'choice', a: 'ack', t: 'typed', s: 'start' } as const;

function shownOf(message: ShownMessage): Shown {
  const seen = seenOf(message);
  const buttons: Button[] = buttonsOf(message.original).flatMap((found) => {
    const value = decodeButtonValue(found.button.value);
    if (!value) return [];
    const id = value.k === 'c' ? value.c : value.k === 's' ? value.d : '';
    return [{ kind: KIND[value.k], id, version: 'v' in value ? value.v : undefined, ref: found }];
  });
  return {
    id: message.ts,
    text: seen.text,
    buttons,
    acks: seen.acks.map((a) => a.id),
    typedConfirmation: seen.typedConfirmation,
  };
}

/** Slack: buttons, Home-tab entry points, double presses and redeliveries; the language is typed. */
export const SLACK_ABILITIES: Abilities = { languageSwitch: false, entryPoints: true, deliveries: true };

export async function startSlackRig(userId: string): Promise<ScreenRig> {
  const rig = await startSlackFuzz();
  const { bot, fake } = rig;
  const channelId = directChannelOf(userId);
  let last: SlackRequest | undefined;

  /** The user's direct messages as posted (`original`) and as Slack stores them now (`blocks`). */
  const messages = (): ShownMessage[] => {
    const byTs = new Map<string, ShownMessage>();
    for (const call of fake.calls) {
      if (call.body.channel !== channelId) continue;
      const blocks = Array.isArray(call.body.blocks) ? call.body.blocks : [];
      if (call.method === 'chat.postMessage') {
        const ts = String(call.response.ts);
        const text = String(call.body.text ?? '');
        byTs.set(ts, { channel: channelId, ts, text, blocks, original: blocks, updates: 0 });
      } else if (call.method === 'chat.update') {
        const message = byTs.get(String(call.body.ts));
        if (message) Object.assign(message, { blocks, updates: message.updates + 1 });
      }
    }
    return [...byTs.values()];
  };

  const requestOf = (act: Act): SlackRequest => {
    if (act.kind === 'text' || act.kind === 'locale')
      return directMessage(TEAM, channelId, userId, act.kind === 'text' ? act.text : act.locale);
    if (act.kind === 'start')
      return blockActions({
        teamId: TEAM,
        user: userId,
        action: {
          type: 'button',
          action_id: ACTION_IDS.start(act.dialogId),
          text: { type: 'plain_text', text: act.dialogId },
          value: encodeButtonValue({ k: 's', d: act.dialogId }),
        },
        blockId: 'home',
      });
    const found = act.button.ref as FoundButton;
    const now = messages().find((m) => m.ts === act.on.id);
    if (!now) throw new Error(`slack: no message ${act.on.id}`);
    return blockActions({
      teamId: TEAM,
      user: userId,
      action: found.button,
      blockId: found.blockId,
      message: { channel: channelId, ts: now.ts, text: now.text, blocks: now.blocks },
      // The inputs as they were rendered (a client showing an old copy still has them).
      values: stateValues(now.original, act.ticks, act.typed),
    });
  };

  const send = async (request: SlackRequest, retry = false): Promise<Shown[]> => {
    const before = messages().length;
    const response = await rig.send(request, retry ? { retryNum: 1 } : {});
    expect(response.status, `Slack adapter answered ${response.status}`).toBe(200);
    return messages().slice(before).map(shownOf);
  };

  return {
    channel: 'slack',
    bot,
    get conversationKey() {
      return bot.turns.at(-1)?.turn.conversationKey ?? '';
    },
    abilities: SLACK_ABILITIES,
    async deliver(act, copies) {
      const requests = Array.from({ length: copies }, () => requestOf(act));
      last = requests.at(-1);
      if (copies === 1 && requests[0]) return send(requests[0]);
      const before = messages().length;
      const responses = await Promise.all(requests.map((r) => rig.send(r)));
      expect(responses.map((r) => r.status)).toEqual(requests.map(() => 200));
      return messages().slice(before).map(shownOf);
    },
    async redeliver() {
      return last ? send(last, true) : undefined;
    },
    assertClean() {
      expect(fake.calls.filter((c) => c.response.ok === false)).toEqual([]);
      expect(bot.errors).toEqual([]);
    },
    close: () => rig.close(),
  };
}

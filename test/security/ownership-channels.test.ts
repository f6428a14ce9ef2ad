/**
 * Ownership through every channel: a verified customer whose payload carries another customer's ids — a Slack
 * button value rewritten, a Teams card submit's data rewritten, a web API choice — gets a polite re-prompt, and
 * no backend call ever names the other customer's device (DEV-0003, CUS-1003) or contract (HMCX040001,
 * CUS-2002). The customer's own deletion still works, and acts on their own device only.
 *
 * Forged Slack signatures and unauthenticated Teams requests never reach this far: see
 * test/adapters/slack/platform.test.ts ("a bad signature gets 401 and nothing runs", "a request signed more
 * than five minutes ago gets 401") and test/adapters/teams/auth.test.ts ("with an app id, an activity without a
 * valid Authorization header is 401 and the engine is not called").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue } from '../../adapters/slack/actions.js';
import { slackDriverOn } from '../adapters/slack/driver.js';
import { type SlackHarness, startSlackHarness, TEAM } from '../adapters/slack/harness.js';
import { buttonsOf } from '../adapters/slack/seen.js';
import { startTeamsDriver, type TeamsDriver } from '../adapters/teams/driver.js';
import { botText, lastReply, startWeb, type WebHarness } from '../adapters/web/support.js';
import type { ChannelDriver } from '../channels/driver.js';
import type { RecordedCall } from '../support/bot-harness.js';
import { directChannelOf } from '../support/fake-slack.js';
import { blockActions } from '../support/slack-requests.js';
import { personalConversationId } from '../support/teams-activities.js';

const CAMERA = 'camera-two@example.com';
const PORTAL = 'portal@example.com';
const DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];
const FOREIGN = ['DEV-0003', 'CameraMO', 'CUS-1003', 'HMCX040001', 'CUS-2002'];

const foreign = (calls: readonly RecordedCall[]) =>
  calls.filter((call) => FOREIGN.some((id) => JSON.stringify(call.args).includes(id)));

/** A channel under test: its driver and how to press a real choice button with its engine choice id rewritten. */
interface Forging {
  driver: ChannelDriver;
  forgeChoice(userId: string, choiceId: string): Promise<void>;
  close(): Promise<void>;
}

async function slack(): Promise<Forging> {
  const harness: SlackHarness = await startSlackHarness();
  const driver = slackDriverOn(harness);
  return {
    driver,
    async forgeChoice(userId, choiceId) {
      const message = harness
        .shown(directChannelOf(userId))
        .findLast((m) => buttonsOf(m.blocks).some((b) => decodeButtonValue(b.button.value)?.k === 'c'));
      const found =
        message && buttonsOf(message.blocks).find((b) => decodeButtonValue(b.button.value)?.k === 'c');
      const value = found && decodeButtonValue(found.button.value);
      if (!message || !found || value?.k !== 'c') throw new Error('slack: no choice button to forge');
      const response = await harness.send(
        blockActions({
          teamId: TEAM,
          user: userId,
          action: { ...found.button, value: encodeButtonValue({ k: 'c', c: choiceId, v: value.v }) },
          blockId: found.blockId,
          message: { channel: message.channel, ts: message.ts, text: message.text, blocks: message.blocks },
        }),
      );
      expect(response.status).toBe(200);
    },
    close: () => driver.close(),
  };
}

async function teams(): Promise<Forging> {
  const driver: TeamsDriver = await startTeamsDriver();
  return {
    driver,
    async forgeChoice(userId, choiceId) {
      const card = driver
        .cards(personalConversationId(userId))
        .findLast((c) => c.actions.some((a) => a.data.hb === 'choice'));
      const action = card?.actions.find((a) => a.data.hb === 'choice');
      if (!card || !action) throw new Error('teams: no choice button to forge');
      await driver.press(userId, card, { ...action, data: { ...action.data, choiceId } });
    },
    close: () => driver.close(),
  };
}

const latestText = (d: ChannelDriver, user: string) => d.messages(user).at(-1)?.text ?? '';

let open: Forging | undefined;
let web: WebHarness | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
  await web?.close();
  web = undefined;
});

describe.each([
  ['slack', slack],
  ['teams', teams],
])('%s: a payload carrying another customer’s ids', (_name, start) => {
  it('a forged device id is re-prompted, and only the own device is ever deleted', async () => {
    open = await start();
    const { driver } = open;
    const user = 'UCAMERATWO';
    await driver.say(user, 'カメラを削除したい');
    await driver.say(user, CAMERA);
    await driver.say(user, driver.testBot.codeFor(CAMERA));
    expect(
      driver
        .messages(user)
        .at(-1)
        ?.choices.map((c) => c.id),
    ).toEqual(['DEV-0001', 'DEV-0002', 'quit']);

    await open.forgeChoice(user, 'DEV-0003');
    expect(latestText(driver, user)).toContain('一覧の機器名でお選びください');
    await driver.say(user, 'DEV-0003');
    expect(latestText(driver, user)).toContain('一覧の機器名でお選びください');

    await driver.click(user, 'DEV-0001');
    await driver.click(user, 'delete');
    await driver.acknowledge(user, DEVICE_ACKS);
    // At the final question, a forged id is not an answer either.
    await open.forgeChoice(user, 'DEV-0003');
    await driver.click(user, 'confirm');

    const deletions = driver.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');
    expect(deletions.map((c) => [c.args.deviceId, c.outcome])).toEqual([['DEV-0001', 'ok']]);
    expect(foreign(driver.testBot.calls)).toEqual([]);
  });

  it('a forged contract number is re-prompted; nothing is quoted or drafted', async () => {
    open = await start();
    const { driver } = open;
    const user = 'UPORTAL';
    await driver.say(user, 'ポータルの契約を解約したい');
    await driver.say(user, PORTAL);
    await driver.say(user, driver.testBot.codeFor(PORTAL));
    await open.forgeChoice(user, 'HMCX040001');
    expect(latestText(driver, user)).toContain('一覧の番号か、契約番号');
    await driver.say(user, 'HMCX040001');
    expect(latestText(driver, user)).toContain('一覧の番号か、契約番号');
    expect(foreign(driver.testBot.calls)).toEqual([]);
    expect(driver.testBot.calls.map((c) => c.operation)).not.toContain('getCancellationQuote');
  });
});

describe('web chat: a turn carrying another customer’s ids', () => {
  it('forged device and contract ids are re-prompted; no call names them', async () => {
    web = await startWeb();
    const client = web.client();
    await client.turn({ kind: 'text', text: 'カメラを削除したい' });
    await client.turn({ kind: 'text', text: CAMERA });
    const listed = await client.turn({ kind: 'text', text: web.testBot.codeFor(CAMERA) });
    const version = lastReply(listed.json.entries).stateVersion;
    const forged = await client.turn({ kind: 'choice', choiceId: 'DEV-0003', stateVersion: version });
    expect(forged.status).toBe(200);
    expect(botText(forged.json.entries)).toContain('一覧の機器名でお選びください');
    const typed = await client.turn({ kind: 'text', text: 'DEV-0003' });
    expect(botText(typed.json.entries)).toContain('一覧の機器名でお選びください');

    const portal = web.client();
    await portal.turn({ kind: 'text', text: 'ポータルの契約を解約したい' });
    await portal.turn({ kind: 'text', text: PORTAL });
    const contracts = await portal.turn({ kind: 'text', text: web.testBot.codeFor(PORTAL) });
    const contractVersion = lastReply(contracts.json.entries).stateVersion;
    const forgedContract = await portal.turn({
      kind: 'choice',
      choiceId: 'HMCX040001',
      stateVersion: contractVersion,
    });
    expect(botText(forgedContract.json.entries)).toContain('一覧の番号か、契約番号');
    expect(foreign(web.testBot.calls)).toEqual([]);
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('deleteMiemasuDevice');
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('getCancellationQuote');
  });
});

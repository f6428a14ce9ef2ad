/**
 * Regressions of issue 13 seen in Slack (items 4, 5, 6), through the Slack adapter end to end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../../dialogs/index.js';
import type { ChannelDriver } from '../../channels/driver.js';
import { createSlackDriver } from './driver.js';

const CAMERA = 'camera-two@example.com';
const DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function driver(agents: string[] = []): Promise<ChannelDriver> {
  const d = await createSlackDriver({ agents });
  open.push(d);
  return d;
}

async function toAcknowledgements(d: ChannelDriver, user = 'U1'): Promise<void> {
  await d.say(user, 'カメラを削除したい');
  await d.say(user, CAMERA);
  await d.say(user, d.testBot.codeFor(CAMERA));
  await d.click(user, 'DEV-0001');
  await d.click(user, 'delete');
}

/** The question `act <…>` answers: it must not be shown when the address or number came with the command. */
const ASK_FOR_CUSTOMER = procedureBundle().catalogs.ja['agent.session.query'] ?? 'missing catalog entry';

const findCustomerArgs = (d: ChannelDriver) =>
  d.testBot.calls.filter((c) => c.operation === 'findCustomer').map((c) => c.args);

/** UAGENT acts for portal@example.com (CUS-2001): found, identity ticked, confirmed. */
async function actingForPortal(d: ChannelDriver): Promise<void> {
  await d.actFor('UAGENT', 'portal@example.com');
  await d.acknowledge('UAGENT', ['identity-verified']);
  await d.click('UAGENT', 'confirm');
  expect(d.testBot.calls.map((c) => c.operation)).toContain('beginAgentSession');
}

const allText = (d: ChannelDriver, user = 'U1') =>
  d
    .messages(user)
    .map((m) => m.text)
    .join('\n');

describe('Slack: reported items', () => {
  it('item 4: submitting with no box ticked says what is missing, every time, and is not a failed answer', async () => {
    const d = await driver();
    await toAcknowledgements(d);
    for (let i = 0; i < 4; i++) await d.acknowledge('U1', []);
    const text = allText(d);
    expect(text).toContain('どの項目にもチェックが入っていませんでした');
    expect(text).toContain('払い戻しはありません');
    expect(text).not.toContain('うまく受け取れませんでした');
    // The acknowledgement card is on screen and works.
    expect(
      d
        .messages('U1')
        .at(-1)
        ?.acks.map((a) => a.id),
    ).toEqual(DEVICE_ACKS);
    await d.acknowledge('U1', DEVICE_ACKS);
    expect(
      d
        .messages('U1')
        .at(-1)
        ?.choices.map((c) => c.id),
    ).toContain('confirm');
  });

  it('item 5: a second press while the first is in flight is told to wait, never to press again', async () => {
    const d = await driver();
    await toAcknowledgements(d);
    await d.acknowledge('U1', DEVICE_ACKS);
    await d.doubleClick('U1', 'confirm');
    const text = allText(d);
    expect(d.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice')).toHaveLength(1);
    expect(text).toContain('削除（解約）しました');
    expect(text).not.toContain('もう一度お送りください');
    expect(text).not.toContain('少し待ってから');
  });

  it('item 6: `/helpdesk act portal@example.com` uses the address it was given', async () => {
    const d = await driver(['UAGENT']);
    await d.actFor('UAGENT', 'portal@example.com');
    expect(findCustomerArgs(d)).toEqual([{ email: 'portal@example.com' }]);
    expect(allText(d, 'UAGENT')).not.toContain(ASK_FOR_CUSTOMER);
    expect(
      d
        .messages('UAGENT')
        .at(-1)
        ?.acks.map((a) => a.id),
    ).toEqual(['identity-verified']);
  });

  it('item 6a: an agent already acting for one customer gives `act <address>` of another: that address is used', async () => {
    const d = await driver(['UAGENT']);
    await actingForPortal(d);
    await d.actFor('UAGENT', CAMERA);
    expect(findCustomerArgs(d)).toEqual([{ email: 'portal@example.com' }, { email: CAMERA }]);
    const last = d.messages('UAGENT').at(-1);
    expect(last?.text).toContain('CUS-1001');
    expect(last?.acks.map((a) => a.id)).toEqual(['identity-verified']);
    // The question the address answers is never shown: not before, not with the result.
    expect(allText(d, 'UAGENT')).not.toContain(ASK_FOR_CUSTOMER);
  });

  it('item 6a: `act <contract no.>` while the identity check of another customer is on screen uses the number', async () => {
    const d = await driver(['UAGENT']);
    await d.actFor('UAGENT', CAMERA);
    await d.actFor('UAGENT', 'hmao061322');
    expect(findCustomerArgs(d)).toEqual([{ email: CAMERA }, { contractNumber: 'HMAO061322' }]);
    const last = d.messages('UAGENT').at(-1);
    expect(last?.text).toContain('CUS-2001');
    expect(last?.acks.map((a) => a.id)).toEqual(['identity-verified']);
    expect(allText(d, 'UAGENT')).not.toContain(ASK_FOR_CUSTOMER);
  });

  it('item 6a: an agent in a procedure for a customer types `act <address>` in the DM: that address is used', async () => {
    const d = await driver(['UAGENT']);
    await actingForPortal(d);
    await d.say('UAGENT', 'ポータルの契約を解約したい');
    await d.say('UAGENT', `act ${CAMERA}`);
    expect(findCustomerArgs(d).at(-1)).toEqual({ email: CAMERA });
    expect(d.messages('UAGENT').at(-1)?.text).toContain('CUS-1001');
    expect(allText(d, 'UAGENT')).not.toContain(ASK_FOR_CUSTOMER);
  });

  it('item 6a: `act` with something that is neither an address nor a number asks again, with the reason', async () => {
    const d = await driver(['UAGENT']);
    await d.actFor('UAGENT', 'portal-at-example');
    expect(findCustomerArgs(d)).toEqual([]);
    expect(d.messages('UAGENT').at(-1)?.text).toBe(
      procedureBundle().catalogs.ja['agent.session.query.reprompt'],
    );
  });

  it('item 6: a customer typing `act …` or `end` is refused and their procedure goes on where it was', async () => {
    const d = await driver();
    await toAcknowledgements(d);
    await d.say('U1', 'act portal@example.com');
    expect(
      d
        .messages('U1')
        .at(-1)
        ?.acks.map((a) => a.id),
    ).toEqual(DEVICE_ACKS);
    await d.say('U1', 'end');
    expect(allText(d)).toContain('登録された担当者のみ');
    expect(allText(d)).not.toContain('中止しました');
    await d.acknowledge('U1', DEVICE_ACKS);
    await d.click('U1', 'confirm');
    expect(d.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice')).toHaveLength(1);
  });
});

/**
 * The Slack adapter end to end: signed HTTP requests into a real Bolt app (HTTPReceiver behind the bot's route),
 * the full bot with the in-memory sandbox, a fake Slack Web API recording what the user would see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { slackLimitProblems } from '../../../adapters/slack/limits.js';
import type { ChannelDriver } from '../../channels/driver.js';
import { createSlackDriver, slackDriverOn } from './driver.js';
import { type SlackHarness, startSlackHarness } from './harness.js';

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

async function harness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const h = await startSlackHarness(env);
  open.push(h);
  return h;
}

function operations(d: ChannelDriver): string[] {
  return d.testBot.calls.map((c) => c.operation);
}

/** Camera-two signs in by DM and goes up to the final danger button for CameraOA. */
async function toFinalDeletion(d: ChannelDriver, user = 'U1'): Promise<void> {
  await d.say(user, 'カメラを削除したい');
  await d.say(user, CAMERA);
  await d.say(user, d.testBot.codeFor(CAMERA));
  await d.click(user, 'DEV-0001');
  await d.click(user, 'delete');
  await d.acknowledge(user, DEVICE_ACKS);
}

describe('direct messages', () => {
  it('deletes a camera device end to end: one-time code, device, acknowledgements, final danger button, one call', async () => {
    const d = await driver();
    await d.say('U1', 'カメラを削除したい');
    expect(d.messages('U1').at(-1)?.text).toContain('メールアドレス');
    await d.say('U1', CAMERA);
    await d.say('U1', d.testBot.codeFor(CAMERA));
    expect(
      d
        .messages('U1')
        .at(-1)
        ?.choices.map((c) => c.id),
    ).toEqual(['DEV-0001', 'DEV-0002', 'quit']);
    await d.click('U1', 'DEV-0001');
    await d.click('U1', 'delete');
    const acks = d.messages('U1').at(-1);
    expect(acks?.acks.map((a) => a.id)).toEqual(DEVICE_ACKS);
    // The full acknowledgement text is shown (checkbox captions are short).
    expect(acks?.acks[0]?.label).toContain('払い戻しはありません');
    expect(acks?.facts).toContainEqual({ label: '機器名', value: 'CameraOA' });
    await d.acknowledge('U1', DEVICE_ACKS);
    const final = d.messages('U1').at(-1);
    expect(final?.choices).toContainEqual({ id: 'confirm', label: '削除する', style: 'danger' });
    expect(operations(d)).not.toContain('deleteMiemasuDevice');
    await d.click('U1', 'confirm');
    expect(d.messages('U1').at(-1)?.text).toContain('控え番号');
    expect(operations(d).filter((op) => op === 'deleteMiemasuDevice')).toHaveLength(1);
    expect(d.testBot.errors).toEqual([]);
  });

  it('an acknowledgement left unticked is asked again and nothing is called', async () => {
    const d = await driver();
    await d.say('U1', 'カメラを削除したい');
    await d.say('U1', CAMERA);
    await d.say('U1', d.testBot.codeFor(CAMERA));
    await d.click('U1', 'DEV-0001');
    await d.click('U1', 'delete');
    const before = d.testBot.calls.length;
    await d.acknowledge('U1', ['no-refund', 'data-loss']);
    const again = d.messages('U1').at(-1);
    expect(again?.text).toContain('まだ確認されていない項目があります');
    expect(again?.acks.map((a) => a.id)).toEqual(DEVICE_ACKS);
    expect(d.testBot.calls).toHaveLength(before);
  });

  it('a typed confirmation is submitted from the input: withdrawal runs once with the exact phrase', async () => {
    const d = await driver();
    await d.say('U1', 'カメラを削除したい');
    await d.say('U1', 'camera-empty@example.com');
    await d.say('U1', d.testBot.codeFor('camera-empty@example.com'));
    await d.click('U1', 'withdraw');
    await d.acknowledge('U1', ['account-deletion']);
    await d.click('U1', 'confirm');
    const typed = d.messages('U1').at(-1);
    expect(typed?.typedConfirmation).toBe('退会します');
    await d.typeConfirmation('U1', '退会');
    expect(d.messages('U1').at(-1)?.text).toContain('入力が一致しませんでした');
    expect(operations(d)).not.toContain('withdrawAnnualPack');
    await d.typeConfirmation('U1', '退会します');
    expect(
      d
        .messages('U1')
        .map((m) => m.text)
        .join('\n'),
    ).toContain('退会処理完了');
    expect(operations(d).filter((op) => op === 'withdrawAnnualPack')).toHaveLength(1);
  });

  it('the answered message is updated: no buttons, checkboxes or inputs, and says what was answered', async () => {
    const d = await driver();
    await toFinalDeletion(d);
    const shown = d.messages('U1');
    const devices = shown.find((m) => m.text.includes('削除（解約）する機器をお選びください'));
    expect(devices?.choices).toEqual([]);
    expect(devices?.text).toContain('回答: CameraOA');
    const acks = shown.find(
      (m) => m.text.includes('払い戻しはありません') && m.text.includes('確認して進む'),
    );
    expect(acks?.acks).toEqual([]);
    // Only the newest question still has buttons.
    expect(shown.filter((m) => m.choices.length > 0 || m.acks.length > 0).map((m) => m.id)).toEqual([
      shown.at(-1)?.id,
    ]);
  });

  it('a double click on the final button (both copies in flight together) deletes once', async () => {
    const d = await driver();
    await toFinalDeletion(d);
    await d.doubleClick('U1', 'confirm');
    expect(operations(d).filter((op) => op === 'deleteMiemasuDevice')).toHaveLength(1);
    expect(
      d
        .messages('U1')
        .map((m) => m.text)
        .join('\n'),
    ).toContain('削除（解約）しました');
    expect(d.testBot.errors).toEqual([]);
  });

  it('the final button pressed again on a client still showing it deletes nothing more', async () => {
    const d = await driver();
    await toFinalDeletion(d);
    const final = d.messages('U1').at(-1);
    await d.click('U1', 'confirm');
    await d.click('U1', 'confirm', { messageId: final?.id });
    expect(operations(d).filter((op) => op === 'deleteMiemasuDevice')).toHaveLength(1);
    // The answered message keeps saying what was answered.
    expect(d.messages('U1').find((m) => m.id === final?.id)?.text).toContain('回答: 削除する');
  });

  it("a click on an answered message's old button is refused with the engine's stale message and calls nothing", async () => {
    const d = await driver();
    await d.say('U1', 'カメラを削除したい');
    await d.say('U1', CAMERA);
    await d.say('U1', d.testBot.codeFor(CAMERA));
    const question = d.messages('U1').at(-1);
    await d.click('U1', 'DEV-0001');
    const before = d.testBot.calls.length;
    await d.click('U1', 'DEV-0002', { messageId: question?.id });
    expect(d.messages('U1').at(-1)?.text).toContain('以前の画面');
    expect(d.testBot.calls).toHaveLength(before);
    // The old message keeps saying what was really answered.
    expect(d.messages('U1').find((m) => m.id === question?.id)?.text).toContain('回答: CameraOA');
  });

  it('every message posted or updated during a full deletion keeps within Slack limits', async () => {
    const h = await harness();
    const d = slackDriverOn(h);
    await toFinalDeletion(d);
    await d.click('U1', 'confirm');
    const sent = h.fake.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
    expect(sent.length).toBeGreaterThan(10);
    for (const call of sent) expect(slackLimitProblems(call.body)).toEqual([]);
  });
});

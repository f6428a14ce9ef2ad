/**
 * A live chat from the customer's side, through the front, on the full bot: the offer, the summary the agents
 * get, relaying both ways, and the bot resuming at the same question afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_CHOICES } from '../../src/live-desk/index.js';
import { replyText } from '../engine/harness.js';
import {
  AGENT_ONE,
  AGENT_TWO,
  CUSTOMER_KEY,
  choiceIds,
  type LiveDeskSetup,
  NOT_AN_AGENT,
  OPEN_NOW,
  setupLiveDesk,
  toFinalConfirmation,
  versionOf,
} from './fakes.js';

let s: LiveDeskSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** To the final confirmation, ask for a person, take the live-chat offer; returns the ticket id. */
async function connect(setup: LiveDeskSetup): Promise<string> {
  await toFinalConfirmation(setup);
  await setup.customer.say('担当者');
  await setup.customer.click(DESK_CHOICES.live, versionOf(setup.customer.last, DESK_CHOICES.live));
  const ticket = await setup.desk.activeTicket(CUSTOMER_KEY);
  if (!ticket) throw new Error(`No ticket was opened; the bot said: ${setup.customer.lastText()}`);
  return ticket.id;
}

describe('live desk through the front', () => {
  it('in business hours offers a live chat right after the desk contacts reply, and the question stays last', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    await toFinalConfirmation(s);
    const replies = await s.customer.say('担当者');
    const marked = replies.findIndex((r) => r.contactsShown !== undefined);
    expect(marked).toBeGreaterThanOrEqual(0);
    expect(replies[marked + 1]?.choices?.map((c) => c.id)).toEqual([DESK_CHOICES.live]);
    expect(replies[marked + 1]?.choices?.[0]?.label).toBe('チャットで担当者と話す');
    expect(choiceIds(replies)).not.toContain(DESK_CHOICES.callbackRequest);
    expect(replies.at(-1)?.choices?.map((c) => c.id)).toEqual(['confirm', 'cancel']);
  });

  it('posts a summary naming the customer, the procedure, the step and what was acknowledged to every room', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const ticketId = await connect(s);
    expect(s.customer.lastText()).toContain(`受付番号: ${ticketId}`);
    expect(choiceIds(s.customer.last)).toEqual([DESK_CHOICES.leave]);
    for (const room of s.rooms) {
      const [post] = room.of('post');
      expect(post?.ticketId).toBe(ticketId);
      const threadRef = (await s.desk.ticket(ticketId))?.threads[room.name] ?? '';
      expect((await s.desk.ticketForThread(room.name, threadRef))?.id).toBe(ticketId);
      expect(post?.status).toBe('waiting');
      expect(post?.summary).toContain('CUS-1001（本人確認済み）');
      expect(post?.summary).toContain('miemasu-delete-device');
      expect(post?.summary).toContain('手順: confirm');
      expect(post?.summary).toContain(
        '☑ ライセンスの有効期間中に削除（解約）しても、残りの期間の払い戻しはありません。',
      );
      expect(post?.summary).toContain(
        '「CameraOA」（cameraoa.miemasu.example）を削除（解約）します。よろしいですか？',
      );
      expect(post?.summary).not.toMatch(/token|\b\d{6}\b/i);
    }
    const ticket = await s.desk.ticket(ticketId);
    expect(ticket?.summary.customer.customerId).toBe('CUS-1001');
    expect(ticket?.summary.position.at(-1)).toEqual(
      expect.objectContaining({ dialogId: 'miemasu-delete-one', nodeId: 'confirm' }),
    );
    expect(ticket?.summary.acknowledged.map((a) => a.id)).toEqual([
      'no-refund',
      'license-forfeit',
      'data-loss',
    ]);
  });

  it('sends the customer’s text (even 「やめる」) to the thread in every room, never to the engine', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const ticketId = await connect(s);
    const callsBefore = s.t.calls.length;
    const before = await s.t.bot.engine.describe(CUSTOMER_KEY);
    const replies = await s.customer.say('やめる');
    expect(replyText(replies)).toContain('担当者にお伝えしました');
    for (const room of s.rooms) {
      expect(room.of('relay')).toEqual([
        expect.objectContaining({ ticketId, text: 'やめる', from: { kind: 'customer' } }),
      ]);
    }
    const after = await s.t.bot.engine.describe(CUSTOMER_KEY);
    expect(after?.position).toEqual(before?.position);
    expect(after?.updatedAt).toBe(before?.updatedAt);
    expect(s.t.calls.length).toBe(callsBefore);
  });

  it('refuses a claim by a non-agent and a second claim, and every room shows who claimed it', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const ticketId = await connect(s);
    expect(await s.desk.claim(ticketId, NOT_AN_AGENT)).toEqual({ ok: false, reason: 'not-agent' });
    const first = await s.desk.claim(ticketId, AGENT_ONE);
    expect(first.ok).toBe(true);
    expect(await s.desk.claim(ticketId, AGENT_TWO)).toEqual({
      ok: false,
      reason: 'already-claimed',
      claimedBy: 'slack:UAGENT1',
      claimedByLabel: '佐藤',
    });
    for (const room of s.rooms) {
      expect(room.of('claimed')).toEqual([expect.objectContaining({ ticketId, label: '佐藤' })]);
    }
    expect(s.delivery.textFor(CUSTOMER_KEY)).toContain('担当者がチャットに参加しました');
  });

  it('delivers an agent’s text to the customer only from the claimer, and mirrors it to the other platform', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const ticketId = await connect(s);
    expect(await s.desk.fromAgent(ticketId, AGENT_ONE, 'まだ誰も対応していません')).toEqual({
      ok: false,
      reason: 'not-claimed',
    });
    await s.desk.claim(ticketId, AGENT_ONE);
    expect((await s.desk.fromAgent(ticketId, AGENT_TWO, '横から失礼します')).ok).toBe(false);
    expect((await s.desk.fromAgent(ticketId, NOT_AN_AGENT, '私が担当です')).ok).toBe(false);
    expect((await s.desk.fromAgent(ticketId, AGENT_ONE, 'ご用件をお伺いします。')).ok).toBe(true);
    const seen = s.delivery.textFor(CUSTOMER_KEY);
    expect(seen).toContain('担当者：ご用件をお伺いします。');
    expect(seen).not.toContain('横から失礼します');
    expect(seen).not.toContain('私が担当です');
    expect(seen).not.toContain('まだ誰も対応していません');
    const [slack, teams] = s.rooms;
    expect(teams?.of('relay')).toEqual([
      expect.objectContaining({ text: 'ご用件をお伺いします。', from: { kind: 'agent', label: '佐藤' } }),
    ]);
    expect(slack?.of('relay')).toEqual([]);
  });

  it('after a hand-back shows the same question again, whose button still works', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const ticketId = await connect(s);
    await s.desk.claim(ticketId, AGENT_ONE);
    // Talking to a person: the text goes to the thread and the bot says nothing.
    expect(await s.customer.say('削除してよいか迷っています')).toEqual([]);
    expect(s.rooms[0]?.of('relay').map((e) => e.text)).toEqual(['削除してよいか迷っています']);
    expect(await s.desk.handBack(ticketId, AGENT_TWO)).toEqual({ ok: false, reason: 'not-claimer' });
    expect((await s.desk.handBack(ticketId, AGENT_ONE)).ok).toBe(true);
    expect(await s.desk.activeTicket(CUSTOMER_KEY)).toBeUndefined();
    for (const room of s.rooms) expect(room.of('closed').map((e) => e.reason)).toEqual(['handed-back']);

    const last = s.delivery.delivered.at(-1)?.replies ?? [];
    expect(replyText(last)).toContain('担当者からボットのご案内に戻しました');
    const question = last.at(-1);
    expect(question?.text).toBe(
      '「CameraOA」（cameraoa.miemasu.example）を削除（解約）します。よろしいですか？',
    );
    const replies = await s.customer.click('confirm', versionOf(last, 'confirm'));
    expect(replyText(replies)).toContain('「CameraOA」（cameraoa.miemasu.example）を削除（解約）しました');
    expect(s.t.calls.map((c) => c.operation)).toContain('deleteMiemasuDevice');
  });

  it('the customer’s 「ボットに戻る」 closes the ticket, tells the rooms, and the engine resumes at the same question', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const ticketId = await connect(s);
    const replies = await s.customer.say('ボットに戻る');
    expect(replyText(replies)).toContain('ボットのご案内に戻りました');
    expect(replies.at(-1)?.choices?.map((c) => c.id)).toEqual(['confirm', 'cancel']);
    for (const room of s.rooms) expect(room.of('closed')).toEqual([expect.objectContaining({ ticketId })]);
    expect((await s.desk.claim(ticketId, AGENT_ONE)).ok).toBe(false);
    const answered = await s.customer.say('はい');
    expect(replyText(answered)).toContain('を削除（解約）しました');
  });

  it('answers the bot’s old buttons with a reminder while a person is on, without touching the procedure', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    await toFinalConfirmation(s);
    const question = s.customer.last;
    await s.customer.say('担当者');
    await s.customer.click(DESK_CHOICES.live, versionOf(s.customer.last, DESK_CHOICES.live));
    const replies = await s.customer.click('confirm', versionOf(question, 'confirm'));
    expect(replyText(replies)).toContain('ただいま担当者とお話し中のため');
    expect(choiceIds(replies)).toEqual([DESK_CHOICES.leave]);
    expect(s.t.calls.map((c) => c.operation)).not.toContain('deleteMiemasuDevice');
  });

  it('leaves the engine alone when no room is configured', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW, rooms: [] });
    await toFinalConfirmation(s);
    const replies = await s.customer.say('担当者');
    expect(replies.some((r) => r.contactsShown)).toBe(true);
    expect(choiceIds(replies).filter((id) => id.startsWith('__handoff'))).toEqual([]);
  });
});

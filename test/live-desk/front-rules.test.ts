/** The front's smaller rules: who is offered a person, the leave phrase, the customer's language, cancelling. */
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_CHOICES, isLeavePhrase } from '../../src/live-desk/index.js';
import { driveEngine, replyText } from '../engine/harness.js';
import {
  CUSTOMER_KEY,
  choiceIds,
  type LiveDeskSetup,
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

describe('the leave phrase', () => {
  it('is 「ボットに戻る」 or "back to bot" in their usual spellings, and not the engine’s 「戻る」', () => {
    for (const text of [
      'ボットに戻る',
      'ボットに戻る。',
      ' ＢＯＴに戻る ',
      'Back to the bot!',
      'back to bot',
    ]) {
      expect(isLeavePhrase(text), text).toBe(true);
    }
    for (const text of ['戻る', 'back', 'ボット', 'ボットに戻るのはまだです']) {
      expect(isLeavePhrase(text), text).toBe(false);
    }
  });
});

describe('who is offered a person', () => {
  it('offers nothing to an agent acting in the bot: they are the person', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const agent = driveEngine(s.front, {
      conversationKey: 'slack:T1:D1',
      channel: 'slack',
      actor: { kind: 'agent', id: 'slack:UAGENT1' },
    });
    const replies = await agent.say('担当者');
    expect(replies.some((r) => r.contactsShown)).toBe(true);
    expect(choiceIds(replies).filter((id) => id.startsWith('__handoff'))).toEqual([]);
  });

  it('speaks the customer’s language', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    await s.customer.say('english');
    const replies = await s.customer.say('person');
    const offer = replies.find((r) => r.choices?.some((c) => c.id === DESK_CHOICES.live));
    expect(offer?.text).toBe('You can also chat with a person here.');
    await s.customer.click(DESK_CHOICES.live, versionOf(replies, DESK_CHOICES.live));
    expect(s.customer.lastText()).toContain('We have told our staff (ticket no. HK-');
    expect((await s.desk.activeTicket(CUSTOMER_KEY))?.locale).toBe('en');
  });
});

describe('leaving a request', () => {
  it('can be cancelled with its button: nothing is posted and the question is shown again', async () => {
    s = await setupLiveDesk(); // a public holiday: closed
    await s.customer.say('ポータルの契約を解約したい');
    const offered = await s.customer.say('担当者');
    const asked = await s.customer.click(
      DESK_CHOICES.callbackRequest,
      versionOf(offered, DESK_CHOICES.callbackRequest),
    );
    expect(choiceIds(asked)).toEqual([DESK_CHOICES.cancel]);
    const cancelled = await s.customer.click(DESK_CHOICES.cancel, versionOf(asked, DESK_CHOICES.cancel));
    expect(replyText(cancelled)).toContain('ご依頼の入力を取りやめました');
    expect(replyText(cancelled)).toContain('メールアドレスを入力してください');
    // The next text is the bot's again: an e-mail address starts the verification.
    await s.customer.say('portal@example.com');
    expect(s.rooms[0]?.of('post')).toEqual([]);
    expect(s.t.calls.map((c) => c.operation)).toContain('startVerification');
  });

  it('names an unverified customer as such in the summary', async () => {
    s = await setupLiveDesk();
    await s.customer.say('ポータルの契約を解約したい');
    const offered = await s.customer.say('担当者');
    await s.customer.click(DESK_CHOICES.callbackRequest, versionOf(offered, DESK_CHOICES.callbackRequest));
    await s.customer.say('電話で相談したいです。');
    const summary = s.rooms[0]?.of('post')[0]?.summary ?? '';
    expect(summary).toContain('お客様: 本人確認前 (web:visitor-1)');
    expect(summary).toContain('手順: ');
    expect(summary).not.toContain('CUS-');
  });
});

describe('the desk’s prompts and the question on screen (issue 13)', () => {
  it('an offer button from an earlier message is stale: nothing is requested', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    await s.customer.say('ポータルの契約を解約したい');
    const offered = await s.customer.say('担当者');
    const stale = versionOf(offered, DESK_CHOICES.live);
    await s.customer.say('portal@example.com'); // the engine moves on
    const replies = await s.customer.click(DESK_CHOICES.live, stale);
    expect(replyText(replies)).toContain('以前の画面');
    expect(await s.desk.activeTicket(CUSTOMER_KEY)).toBeUndefined();
    expect(s.rooms[0]?.of('post')).toEqual([]);
  });

  it('a bare 「はい」 answers the desk’s prompt on screen, never the confirmation behind it', async () => {
    s = await setupLiveDesk(); // a public holiday: closed, so "leave a request" is offered
    await toFinalConfirmation(s);
    const offered = await s.customer.say('担当者');
    await s.customer.click(DESK_CHOICES.callbackRequest, versionOf(offered, DESK_CHOICES.callbackRequest));
    const before = s.t.calls.length;
    // 「はい」 while "please type your request" is on screen is the request, not a yes to the deletion.
    const replies = await s.customer.say('はい');
    expect(s.t.calls.slice(before).map((c) => c.operation)).not.toContain('deleteMiemasuDevice');
    expect(replyText(replies)).toContain('ご依頼を承りました');
    // The confirmation is on screen again now; answering it is a real answer.
    expect(choiceIds(replies)).toContain('confirm');
  });
});

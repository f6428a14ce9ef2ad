/**
 * Issue 16 at the live desk: once an agent ended a live chat (closed it or handed it back) and the customer was
 * told, the desk asks the bot what to add (`afterLiveEnded`: the satisfaction question) and delivers it after its
 * own message. Never when the customer had already left, for a request nobody claimed (that customer is with the
 * bot and was asked when it was taken; a claimed one is a live chat, and the engine asks at most once anyway), or
 * when the customer could not be told. Through the front: a callback request accepted — left from the offer, or a
 * live chat nobody claimed before the hours ended kept as one by the customer's next text — tells the engine once
 * and asks the question in the same turn, after the desk's own replies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/runtime.js';
import type { Reply, Turn } from '../../src/engine/turn.js';
import { DESK_CHOICES, type Ticket } from '../../src/live-desk/index.js';
import { driveEngine } from '../engine/harness.js';
import {
  AGENT_ONE,
  CUSTOMER_KEY,
  choiceIds,
  type LiveDeskSetup,
  OPEN_NOW,
  setupLiveDesk,
  versionOf,
} from './fakes.js';

let s: LiveDeskSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Tuesday 2026-11-24, five minutes before the desk closes (18:00 JST), and five minutes after. */
const BEFORE_CLOSING = '2026-11-24T17:55:00+09:00';
const AFTER_CLOSING = '2026-11-24T18:05:00+09:00';
const REQUEST = { channel: 'web', locale: 'ja' as const, actorId: 'web:visitor-1', recentReplies: [] };
const QUESTION: Reply = {
  text: 'how was it?',
  tone: 'info',
  choices: [{ id: '__satisfaction-1', label: '1', style: 'default' }],
  stateVersion: 7,
};

async function withHook(ended: Ticket[], answer: () => Promise<Reply[]> = async () => [QUESTION]) {
  return setupLiveDesk({
    now: OPEN_NOW,
    afterLiveEnded: async (ticket) => {
      ended.push(ticket);
      return answer();
    },
  });
}

async function openLive(setup: LiveDeskSetup): Promise<string> {
  const opened = await setup.desk.openTicket(CUSTOMER_KEY, { ...REQUEST, dialogId: 'miemasu-delete-device' });
  if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
  return opened.ticket.id;
}

describe('after the live chat ends', () => {
  it('closed by the claimer: asked once, delivered after the closing message', async () => {
    const ended: Ticket[] = [];
    s = await withHook(ended);
    const id = await openLive(s);
    await s.desk.claim(id, AGENT_ONE);
    expect((await s.desk.close(id, AGENT_ONE)).ok).toBe(true);
    expect(ended.map((t) => [t.id, t.status, t.closedReason, t.summary.dialogId])).toEqual([
      [id, 'closed', 'closed-by-agent', 'miemasu-delete-device'],
    ]);
    const last = s.delivery.delivered.at(-1);
    expect(last?.replies).toEqual([QUESTION]);
    expect(last?.context).toEqual({ channel: 'web', ticketId: id, locale: 'ja' });
    expect(s.delivery.delivered.at(-2)?.replies[0]?.text).toContain('終了');
    // Closing again changes nothing and asks nothing.
    await s.desk.close(id, AGENT_ONE);
    expect(ended).toHaveLength(1);
  });

  it('handed back (also while nobody had claimed it): asked', async () => {
    const ended: Ticket[] = [];
    s = await withHook(ended);
    const id = await openLive(s);
    expect((await s.desk.handBack(id, AGENT_ONE)).ok).toBe(true);
    expect(ended.map((t) => t.closedReason)).toEqual(['handed-back']);
  });

  it('not when the customer already left, nor for an unclaimed request, nor when the customer could not be told', async () => {
    const ended: Ticket[] = [];
    s = await withHook(ended);
    const id = await openLive(s);
    await s.desk.claim(id, AGENT_ONE);
    await s.desk.leave(CUSTOMER_KEY); // 「ボットに戻る」
    expect((await s.desk.close(id, AGENT_ONE)).ok).toBe(false);
    const request = await s.desk.openTicket('web:session-2', {
      ...REQUEST,
      callbackRequest: 'please call me',
    });
    if (!request.ok) throw new Error('request refused');
    expect((await s.desk.close(request.ticket.id, AGENT_ONE)).ok).toBe(true); // dismissed, never claimed
    const third = await s.desk.openTicket('web:session-3', REQUEST);
    if (!third.ok) throw new Error('request refused');
    s.delivery.failing = true;
    expect((await s.desk.close(third.ticket.id, AGENT_ONE)).ok).toBe(true);
    expect(ended).toEqual([]);
  });

  it('a failing hook is logged and changes nothing for the agent', async () => {
    const ended: Ticket[] = [];
    s = await withHook(ended, async () => {
      throw new Error('engine down');
    });
    const id = await openLive(s);
    expect((await s.desk.close(id, AGENT_ONE)).ok).toBe(true);
    expect(ended).toHaveLength(1);
    expect(s.errors.map((e) => String(e))).toContain('Error: engine down');
  });
});

describe('a callback request accepted through the front', () => {
  it('is followed by the satisfaction question in the same turn, after the desk’s reply', async () => {
    s = await setupLiveDesk(); // the default test day is a holiday: only a request is offered
    await s.customer.say('こんにちは');
    await s.customer.say('担当者');
    await s.customer.click(
      DESK_CHOICES.callbackRequest,
      versionOf(s.customer.last, DESK_CHOICES.callbackRequest),
    );
    const replies = await s.customer.say('明日お電話ください');
    const taken = replies.findIndex((r) => r.text.includes('HK-'));
    expect(taken).toBeGreaterThanOrEqual(0);
    expect(replies.at(-1)?.choices?.map((c) => c.id)).toContain('__satisfaction-5');
    expect(replies.findIndex((r) => choiceIds([r]).includes('__satisfaction-5'))).toBeGreaterThan(taken);
    await s.customer.click('__satisfaction-5');
    expect(s.customer.lastText()).toContain('ご回答ありがとうございました');
  });

  it('a live chat kept as a request when the hours ended: the question follows in the same turn, after the desk’s reply', async () => {
    s = await setupLiveDesk({ now: BEFORE_CLOSING });
    await s.customer.say('担当者');
    await s.customer.click(DESK_CHOICES.live, versionOf(s.customer.last, DESK_CHOICES.live));
    s.t.clock.set(AFTER_CLOSING);
    const replies = await s.customer.say('まだですか？');
    const kept = replies.findIndex((r) => r.text.includes('受付時間が終了したため'));
    expect(kept).toBeGreaterThanOrEqual(0);
    expect(replies.findIndex((r) => choiceIds([r]).includes('__satisfaction-5'))).toBeGreaterThan(kept);
    await s.customer.click('__satisfaction-5');
    expect(s.customer.lastText()).toContain('ご回答ありがとうございました');
    expect(s.errors).toEqual([]);
  });
});

describe('the front tells the engine', () => {
  /** The customer through a pipeline whose engine records the desk's notices it is given. */
  function watched(setup: LiveDeskSetup) {
    const notices: Turn['input'][] = [];
    const engine = setup.t.bot.pipeline.engine;
    const spy: Engine = {
      definition: engine.definition,
      describe: (key) => engine.describe(key),
      handle: (turn) => {
        if (turn.input.kind === 'desk-notice') notices.push(turn.input);
        return engine.handle(turn);
      },
    };
    const pipeline = setup.t.bot.pipeline.with({ desk: setup.desk, engine: spy });
    const customer = driveEngine(
      { ...spy, handle: async (turn) => (await pipeline.handleTurn(turn)).replies },
      { conversationKey: CUSTOMER_KEY, channel: 'web', actor: { kind: 'customer', id: 'web:visitor-1' } },
    );
    return { notices, customer };
  }

  it('a live chat opened from the offer after 「解決しませんでした」: live-requested', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const { notices, customer } = watched(s);
    await customer.say('みえますねっとで機器を削除したら返金されますか？');
    await customer.click('__faq-not-helpful');
    expect(notices).toEqual([]);
    await customer.click(DESK_CHOICES.live, versionOf(customer.last, DESK_CHOICES.live));
    expect(customer.lastText()).toContain('HK-');
    expect(notices).toEqual([{ kind: 'desk-notice', notice: 'live-requested' }]);
  });

  it('a request taken: request-accepted; the same choice refused as stale: nothing', async () => {
    s = await setupLiveDesk(); // a holiday: only requests
    const { notices, customer } = watched(s);
    await customer.say('担当者');
    const version = versionOf(customer.last, DESK_CHOICES.callbackRequest);
    await customer.click(DESK_CHOICES.callbackRequest, version);
    await customer.say('折り返しお電話ください');
    expect(notices).toEqual([{ kind: 'desk-notice', notice: 'request-accepted' }]);
    await customer.click(DESK_CHOICES.live, version - 1);
    expect(notices).toHaveLength(1);
  });

  it('a live chat nobody claimed before the hours ended, kept as a request by the next text: request-accepted, once', async () => {
    s = await setupLiveDesk({ now: BEFORE_CLOSING });
    const { notices, customer } = watched(s);
    await customer.say('担当者');
    await customer.click(DESK_CHOICES.live, versionOf(customer.last, DESK_CHOICES.live));
    expect(notices).toEqual([{ kind: 'desk-notice', notice: 'live-requested' }]);
    s.t.clock.set(AFTER_CLOSING);
    await customer.say('まだですか？');
    expect(customer.lastText()).toContain('受付時間が終了したため');
    expect(notices).toEqual([
      { kind: 'desk-notice', notice: 'live-requested' },
      { kind: 'desk-notice', notice: 'request-accepted' },
    ]);
    // The customer is with the bot again: their next text is the bot's, and nothing is told twice.
    await customer.say('こんにちは');
    expect(notices).toHaveLength(2);
  });
});

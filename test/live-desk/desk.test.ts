/**
 * The live desk's guarantees: one claim wins however they race (compare-and-set, also across two store
 * connections as two bot instances would have), out of hours a request instead of a live chat without blocking
 * the procedure, and failures of rooms or delivery that never reach the customer as a dead end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { createRedisStore } from '../../src/engine/store/redis.js';
import { createSqliteStore } from '../../src/engine/store/sqlite.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import { DESK_CHOICES, type DeskRecord, LIVE_DESK_TTL_MS } from '../../src/live-desk/index.js';
import { newTicketId } from '../../src/live-desk/ticket.js';
import { replyText } from '../engine/harness.js';
import {
  AGENT_ONE,
  AGENT_TWO,
  CUSTOMER_KEY,
  choiceIds,
  FakeRoom,
  type LiveDeskSetup,
  OPEN_NOW,
  setupLiveDesk,
  versionOf,
} from './fakes.js';

let s: LiveDeskSetup | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await s?.close();
  s = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store whose reads take a while, so two concurrent claims both read the unclaimed ticket. */
function slowReads(store: ConversationStore<DeskRecord>): ConversationStore<DeskRecord> {
  return {
    get: async (key) => {
      const value = await store.get(key);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return value;
    },
    compareAndSet: (key, expected, value) => store.compareAndSet(key, expected, value),
    delete: (key) => store.delete(key),
    close: () => store.close(),
  };
}

const REQUEST = { channel: 'web', locale: 'ja' as const, actorId: 'web:visitor-1', recentReplies: [] };

describe('claiming', () => {
  it('lets exactly one of two concurrent claims win, even when both read the ticket before either writes', async () => {
    s = await setupLiveDesk({
      now: OPEN_NOW,
      store: slowReads(createMemoryStore({ ttlMs: LIVE_DESK_TTL_MS })),
    });
    const opened = await s.desk.openTicket(CUSTOMER_KEY, REQUEST);
    if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
    const results = await Promise.all([
      s.desk.claim(opened.ticket.id, AGENT_ONE),
      s.desk.claim(opened.ticket.id, AGENT_TWO),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'already-claimed')).toHaveLength(1);
    const winner = (await s.desk.ticket(opened.ticket.id))?.claimedBy;
    expect(['slack:UAGENT1', 'teams:aad-agent-2']).toContain(winner);
    for (const room of s.rooms) expect(room.of('claimed')).toHaveLength(1);
  });

  it('lets exactly one win across two SQLite connections (two bot instances)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'handoff.sqlite');
    const storeA = await createSqliteStore<DeskRecord>({
      path,
      ttlMs: LIVE_DESK_TTL_MS,
      namespace: 'handoff',
    });
    const storeB = await createSqliteStore<DeskRecord>({
      path,
      ttlMs: LIVE_DESK_TTL_MS,
      namespace: 'handoff',
    });
    cleanups.push(async () => {
      await storeA.close();
      await storeB.close();
    });
    s = await setupLiveDesk({ now: OPEN_NOW, store: storeA });
    const other = await setupLiveDesk({ now: OPEN_NOW, store: storeB });
    cleanups.push(() => other.close());
    const opened = await s.desk.openTicket(CUSTOMER_KEY, REQUEST);
    if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
    const results = await Promise.all([
      s.desk.claim(opened.ticket.id, AGENT_ONE),
      other.desk.claim(opened.ticket.id, AGENT_TWO),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
  });

  it('lets exactly one win across two Redis connections (two bot instances), race after race', async () => {
    // Unique per run: the Redis server is shared with other test runs.
    const namespace = `handoff-test-${randomBytes(6).toString('hex')}`;
    const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const storeA = await createRedisStore<DeskRecord>({ url, ttlMs: 60_000, namespace });
    const storeB = await createRedisStore<DeskRecord>({ url, ttlMs: 60_000, namespace });
    cleanups.push(async () => {
      await storeA.close();
      await storeB.close();
    });
    s = await setupLiveDesk({ now: OPEN_NOW, store: storeA });
    const other = await setupLiveDesk({ now: OPEN_NOW, store: storeB });
    cleanups.push(() => other.close());
    for (let race = 0; race < 10; race++) {
      const opened = await s.desk.openTicket(`web:race-${race}-${namespace}`, REQUEST);
      if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
      const results = await Promise.all([
        s.desk.claim(opened.ticket.id, AGENT_ONE),
        other.desk.claim(opened.ticket.id, AGENT_TWO),
      ]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      const winner = results.find((r) => r.ok);
      if (!winner?.ok) throw new Error('no winner');
      expect((await other.desk.ticket(opened.ticket.id))?.claimedBy).toBe(winner.ticket.claimedBy);
    }
  });

  it('lets the claimer close; the others and non-agents cannot, and a closed ticket cannot be claimed', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const opened = await s.desk.openTicket(CUSTOMER_KEY, REQUEST);
    if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
    await s.desk.claim(opened.ticket.id, AGENT_ONE);
    expect(await s.desk.close(opened.ticket.id, AGENT_TWO)).toEqual({ ok: false, reason: 'not-claimer' });
    expect((await s.desk.close(opened.ticket.id, AGENT_ONE)).ok).toBe(true);
    expect(s.delivery.textFor(CUSTOMER_KEY)).toContain('担当者との会話は終了しました');
    expect(await s.desk.claim(opened.ticket.id, AGENT_TWO)).toEqual({ ok: false, reason: 'closed' });
    expect(await s.desk.claim('HK-NOSUCHTICKET', AGENT_TWO)).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('tickets', () => {
  it('have short, random, readable ids', async () => {
    const ids = new Set(Array.from({ length: 200 }, () => newTicketId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^HK-[0-9A-HJKMNP-TV-Z]{10}$/);
  });
});

describe('out of business hours', () => {
  it('offers a request instead of a live chat, keeps the engine’s "finish alone" reply, and takes the request', async () => {
    s = await setupLiveDesk(); // 2026-11-23 (Labour Thanksgiving Day): every desk is closed
    await s.customer.say('ポータルの契約を解約したい');
    const replies = await s.customer.say('担当者');
    const text = replyText(replies);
    expect(text).toContain('受付時間外でも、このチャットでのお手続きは24時間いつでも最後まで進められます。');
    expect(choiceIds(replies)).toContain(DESK_CHOICES.callbackRequest);
    expect(choiceIds(replies)).not.toContain(DESK_CHOICES.live);

    const asked = await s.customer.click(
      DESK_CHOICES.callbackRequest,
      versionOf(replies, DESK_CHOICES.callbackRequest),
    );
    expect(replyText(asked)).toContain('ご依頼の内容を入力してください');
    const taken = await s.customer.say('契約の解約日について相談したいです。');
    const takenText = replyText(taken);
    expect(takenText).toContain('ご依頼を承りました');
    expect(takenText).toContain('次の受付開始（11月24日(火) 9:00）以降に');
    // Back with the bot at the question it asked before: the e-mail address.
    expect(takenText).toContain('メールアドレスを入力してください');
    for (const room of s.rooms) {
      const [post] = room.of('post');
      expect(post?.status).toBe('request');
      expect(post?.summary).toContain('【受付時間外のご依頼】');
      expect(post?.summary).toContain('> 契約の解約日について相談したいです。');
    }
    // Not a live chat: the procedure goes on with the bot.
    expect(await s.desk.activeTicket(CUSTOMER_KEY)).toBeUndefined();
    await s.customer.say('portal@example.com');
    expect(s.t.calls.map((c) => c.operation)).toContain('startVerification');
  });

  it('treats a command typed instead of the request as a change of mind, handled by the engine', async () => {
    s = await setupLiveDesk();
    await s.customer.say('ポータルの契約を解約したい');
    const replies = await s.customer.say('担当者');
    await s.customer.click(DESK_CHOICES.callbackRequest, versionOf(replies, DESK_CHOICES.callbackRequest));
    const stopped = await s.customer.say('やめる');
    expect(replyText(stopped)).not.toContain('ご依頼を承りました');
    expect(s.rooms[0]?.of('post')).toEqual([]);
    expect((await s.t.bot.engine.describe(CUSTOMER_KEY))?.position).toEqual([]);
  });

  it('keeps an unclaimed chat as a request when the hours end, and gives the customer back to the bot', async () => {
    s = await setupLiveDesk({ now: '2026-11-24T17:55:00+09:00' });
    const opened = await s.desk.openTicket(CUSTOMER_KEY, REQUEST);
    if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
    s.t.clock.set('2026-11-24T18:05:00+09:00');
    const replies = await s.customer.say('まだですか？');
    expect(replyText(replies)).toContain('受付時間が終了したため');
    expect(replyText(replies)).toContain('11月25日(水) 9:00');
    expect((await s.desk.ticket(opened.ticket.id))?.status).toBe('request');
    expect(await s.desk.activeTicket(CUSTOMER_KEY)).toBeUndefined();
    expect(s.rooms[0]?.of('relay').map((e) => e.text)).toEqual(['まだですか？']);
  });

  it('refuses a live chat once the hours have ended, and offers a request instead', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    await s.customer.say('ポータルの契約を解約したい');
    const offered = await s.customer.say('担当者');
    s.t.clock.set('2026-11-24T19:00:00+09:00');
    const replies = await s.customer.click(DESK_CHOICES.live, versionOf(offered, DESK_CHOICES.live));
    expect(replyText(replies)).toContain('受付時間外になりました');
    expect(choiceIds(replies)).toEqual([DESK_CHOICES.callbackRequest]);
    expect(s.rooms[0]?.of('post')).toEqual([]);
  });
});

describe('failures', () => {
  it('posts to the rooms that work when one is down', async () => {
    const down = new FakeRoom('teams-agents', 'teams');
    down.failing = true;
    s = await setupLiveDesk({ now: OPEN_NOW, rooms: [new FakeRoom('slack-agents', 'slack'), down] });
    const opened = await s.desk.openTicket(CUSTOMER_KEY, REQUEST);
    expect(opened.ok).toBe(true);
    expect(opened.ok && Object.keys(opened.ticket.threads)).toEqual(['slack-agents']);
    expect(s.errors).toHaveLength(1);
  });

  it('tells the customer when no room can be reached, and the procedure goes on with the bot', async () => {
    const down = new FakeRoom('slack-agents', 'slack');
    down.failing = true;
    s = await setupLiveDesk({ now: OPEN_NOW, rooms: [down] });
    await s.customer.say('ポータルの契約を解約したい');
    const offered = await s.customer.say('担当者');
    const replies = await s.customer.click(DESK_CHOICES.live, versionOf(offered, DESK_CHOICES.live));
    expect(replyText(replies)).toContain('ただいま担当者におつなぎできません');
    expect(replyText(replies)).toContain('メールアドレスを入力してください');
    expect(await s.desk.activeTicket(CUSTOMER_KEY)).toBeUndefined();
    await s.customer.say('portal@example.com');
    expect(s.t.calls.map((c) => c.operation)).toContain('startVerification');
  });

  it('reports an agent message that could not be delivered', async () => {
    s = await setupLiveDesk({ now: OPEN_NOW });
    const opened = await s.desk.openTicket(CUSTOMER_KEY, REQUEST);
    if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
    await s.desk.claim(opened.ticket.id, AGENT_ONE);
    s.delivery.failing = true;
    expect(await s.desk.fromAgent(opened.ticket.id, AGENT_ONE, 'こんにちは')).toEqual({
      ok: false,
      reason: 'undeliverable',
    });
  });
});

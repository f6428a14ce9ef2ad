/**
 * Issue 16 end to end: scripted conversations through the whole bot (`createBot`, STORE=sqlite, its audit log
 * `audit.sqlite`, a live desk with an agents' room) and then the dashboard's SQL (`src/analytics`) over that same
 * file. The funnel counts procedures as a contact-center lead does: a camera deletion started once is one
 * started, whatever sub-dialogs (identification, the deletion of one device) and the menu it ran through.
 * FAQ feedback (「解決しませんでした」, a person asked for right after an answer) is counted as the log records it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { openSqliteAnalytics } from '../../src/analytics/db.js';
import { dashboard } from '../../src/analytics/queries.js';
import { auditSqlitePath } from '../../src/audit-log/open.js';
import { createBot } from '../../src/bot.js';
import { manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { OutboxMail } from '../../src/sandbox/api/route.js';
import { FakeRoom, OPEN_NOW } from '../live-desk/fakes.js';
import { type BotUnderTest, DEVICE_ACKS, slackUser } from './support.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startBot() {
  const dir = await mkdtemp(join(tmpdir(), 'analytics-e2e-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const config = loadConfig({
    STORE: 'sqlite',
    SQLITE_PATH: join(dir, 'conversations.sqlite'),
    LOG_LEVEL: 'silent',
    SLACK_HANDOFF_CHANNEL: 'C0123ABCD',
  });
  const outbox: OutboxMail[] = [];
  const errors: unknown[] = [];
  // A business day, 10:00 in Tokyo: a person is offered live.
  const clock = manualClock(OPEN_NOW);
  const bot = await createBot(config, {
    bundle: procedureBundle(),
    clock,
    sandboxInMemory: true,
    onMail: (mail) => outbox.push(mail),
    onError: (error) => errors.push(error),
  });
  cleanups.push(() => bot.close());
  bot.liveDesk?.registry.addRoom(new FakeRoom('slack-agents', 'slack'));
  const underTest: BotUnderTest = {
    engine: bot.engine,
    speakers: bot.channels.speakers,
    codeFor(email) {
      const mail = outbox.filter((m) => m.to === email).at(-1);
      if (!mail) throw new Error(`No one-time code was mailed to ${email}`);
      return mail.code;
    },
  };
  return { bot, config, clock, errors, underTest };
}

describe('the dashboard’s numbers from real conversations (SQLite)', () => {
  it('counts each procedure once, with its exact closures, handoffs, FAQ and satisfaction', async () => {
    const { config, clock, errors, underTest } = await startBot();

    // 1. A completed camera deletion (identify and miemasu-delete-one run inside it), rated 5.
    const camera = slackUser(underTest, 'UCAMERA');
    await camera.send({ kind: 'start', dialogId: 'miemasu-delete-device' });
    await camera.say('camera-two@example.com');
    await camera.say(underTest.codeFor('camera-two@example.com'));
    await camera.click('DEV-0001');
    await camera.click('delete');
    await camera.tick(DEVICE_ACKS);
    await camera.click('confirm');
    expect(camera.text()).toContain('削除（解約）しました');
    await camera.click('__satisfaction-5');
    expect(camera.text()).toContain('ご回答ありがとうございました');

    // 2. A portal cancellation stopped (やめる) where its terms are shown, before the draft.
    const portal = slackUser(underTest, 'UPORTAL');
    await portal.say('ポータルの契約を解約したい');
    await portal.say('portal@example.com');
    await portal.say(underTest.codeFor('portal@example.com'));
    await portal.say('hmao061322');
    await portal.click('other');
    await portal.say('別のサービスに移るためです');
    expect(portal.text()).toContain('解約のお申込（下書きの作成）を始める前に');
    await portal.say('やめる');
    expect(portal.text()).toContain('中止しました');

    // 3. A camera deletion where the customer asks for a person, and takes the live chat offered.
    const human = slackUser(underTest, 'UHUMAN');
    await human.send({ kind: 'start', dialogId: 'miemasu-delete-device' });
    await human.say('オペレーター');
    await human.click('__handoff-live');
    expect(human.text()).toContain('担当者にお知らせしました');

    // 4. An FAQ question answered, one declined (out of scope).
    const asker = slackUser(underTest, 'UASKER');
    await asker.say('みえますねっとで機器を削除したら返金されますか？');
    expect(asker.text()).toContain('払い戻しは行われません');
    await asker.say('カメラの映像が映らなくなりました');
    expect(asker.text()).toContain('対象外');
    // 5. An answer that did not help (the one-tap choice under it), and one followed by asking for a person.
    const unhelped = slackUser(underTest, 'UUNHELPED');
    await unhelped.say('みえますねっとで機器を削除したら返金されますか？');
    await unhelped.click('__faq-not-helpful');
    expect(unhelped.text()).toContain('お役に立てず申し訳ございません');
    const escalating = slackUser(underTest, 'UESCALATING');
    await escalating.say('みえますねっとで機器を削除したら返金されますか？');
    const offered = await escalating.say('オペレーター');
    expect(offered.some((reply) => reply.choices?.some((c) => c.id === '__handoff-live'))).toBe(true);

    const db = openSqliteAnalytics(auditSqlitePath(config));
    cleanups.push(() => db.close());
    const now = clock.now();
    const board = await dashboard(db, {
      since: new Date(now.getTime() - 24 * 3600_000),
      until: new Date(now.getTime() + 3600_000),
      idle: { now, limitMs: config.CONVERSATION_IDLE_HOURS * 3600_000 },
    });
    expect(errors).toEqual([]);
    const byProcedure = new Map(board.funnel.map(({ steps: _steps, ...p }) => [p.dialogId, p]));
    // The menu and the sub-dialogs (identify, miemasu-delete-one) are no procedures: no starts, no closures.
    expect(board.choices.procedures).toEqual(['csps-cancel', 'miemasu-delete-device']);
    expect(byProcedure.get('miemasu-delete-device')).toEqual({
      dialogId: 'miemasu-delete-device',
      started: 2,
      completed: 1,
      resolved: 0,
      stopped: 0,
      abandoned: 0,
      endedHandoff: 0,
      failed: 0,
      unknown: 0,
      // The handed-off run goes on in the chat (the engine keeps it open): in progress within the idle limit.
      inProgress: 1,
      handoffLive: 1,
      handoffRequest: 0,
      contained: 1,
      containment: 0.5,
      abandonmentRate: 0,
    });
    expect(byProcedure.get('csps-cancel')).toEqual({
      dialogId: 'csps-cancel',
      started: 1,
      completed: 0,
      resolved: 0,
      stopped: 1,
      abandoned: 0,
      endedHandoff: 0,
      failed: 0,
      unknown: 0,
      inProgress: 0,
      handoffLive: 0,
      handoffRequest: 0,
      contained: 0,
      containment: 0,
      abandonmentRate: 0,
    });
    for (const sub of ['menu', 'identify', 'miemasu-delete-one']) expect(byProcedure.has(sub)).toBe(false);
    // The confirmation steps of miemasu-delete-one (a sub-dialog) are listed under the procedure in progress.
    expect(board.funnel.map((p) => p.dialogId)).toEqual(['csps-cancel', 'miemasu-delete-device']);
    const cameraFunnel = board.funnel.find((p) => p.dialogId === 'miemasu-delete-device');
    expect(
      cameraFunnel?.steps.map((step) => [step.kind, step.acknowledgement ?? step.node, step.count]),
    ).toEqual([
      ['shown', 'confirm', 1],
      ['acknowledged', 'data-loss', 1],
      ['acknowledged', 'license-forfeit', 1],
      ['acknowledged', 'no-refund', 1],
      ['confirmed', 'confirm', 1],
    ]);
    expect(board.daily).toEqual([
      { day: '2026-11-24', started: 3, handedOff: 1, abandoned: 0, handoffRate: 0.3333, abandonmentRate: 0 },
    ]);
    expect(board.satisfaction).toEqual({ count: 1, skipped: 0, mean: 5, distribution: [0, 0, 0, 0, 1] });
    expect(board.faq).toEqual({ answered: 3, declined: 1, escalated: 1, notHelpful: 1, topDeclined: [] });

    // A day later, past the 24-hour idle limit, the customer who was handed off never came back: abandoned.
    const later = new Date(now.getTime() + 25 * 3600_000);
    const next = await dashboard(db, {
      since: new Date(now.getTime() - 24 * 3600_000),
      until: later,
      idle: { now: later, limitMs: config.CONVERSATION_IDLE_HOURS * 3600_000 },
    });
    expect(next.funnel.find((p) => p.dialogId === 'miemasu-delete-device')).toMatchObject({
      started: 2,
      completed: 1,
      abandoned: 1,
      inProgress: 0,
      abandonmentRate: 0.5,
    });
  });
});

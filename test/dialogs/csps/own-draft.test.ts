/**
 * Invariant 10's second half on the engine with the sandbox backend: every way of leaving the procedure after the
 * bot created the cancellation draft — 最初から, another procedure, idle expiry, やめる — withdraws that draft or
 * says truthfully that it could not; the withdrawal is recorded (call-completed, the audit trail's row) with the
 * item it acted on, keyed by that item, and is never sent for a draft the bot did not create.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../../dialogs/index.js';
import { createEntryDeriver } from '../../../src/audit-log/derive.js';
import { userTextFacts } from '../../../src/audit-log/scrub.js';
import { createTestBot, type TestBot } from '../../support/bot-harness.js';
import { playTranscript } from '../../support/transcript.js';
import { cspsBundle } from './bundle.js';
import { draftAfterTerms, signIn } from './transcripts.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const DRAFT = 'R-20261123-238080';

/** Signed in, type-O contract, reason given, terms shown, draft created: at the final confirmation. */
async function atFinalConfirmation(env?: Record<string, string>): Promise<TestBot> {
  const testBot = await createTestBot({ ...cspsBundle, ...(env ? { env } : {}) });
  await playTranscript(testBot, {
    name: 'to the final confirmation',
    steps: [
      ...signIn,
      { user: 'HMAO061322', expect: { calls: ['getCancellationQuote'] } },
      { click: 'cost', expect: { noCalls: true } },
      ...draftAfterTerms(DRAFT),
    ],
  });
  return testBot;
}

const withdrawals = (testBot: TestBot) => testBot.calls.filter((c) => c.operation === 'withdrawApplication');

describe('our own cancellation draft is never left behind silently', () => {
  it('最初から withdraws it and says so', async () => {
    bot = await atFinalConfirmation();
    await bot.say('最初から');
    expect(bot.lastText()).toContain('中止します。このお手続きで作成したものを取り消します。');
    expect(bot.lastText()).toContain(`お申込番号「${DRAFT}」の下書き（解約お申込作成中）を取り消し`);
    expect(withdrawals(bot).map((c) => [c.args, c.outcome])).toEqual([[{ applicationNumber: DRAFT }, 'ok']]);
  });

  it('starting another procedure withdraws it first', async () => {
    bot = await atFinalConfirmation();
    await bot.send({ kind: 'start', dialogId: 'csps-cancel' });
    expect(bot.lastText()).toContain(`お申込番号「${DRAFT}」の下書き（解約お申込作成中）を取り消し`);
    expect(withdrawals(bot)).toHaveLength(1);
  });

  it('after idle expiry, the next message undoes it or says truthfully that it could not', async () => {
    bot = await atFinalConfirmation();
    bot.clock.advance(25 * 3600_000);
    await bot.say('こんにちは');
    const text = bot.lastText();
    expect(text).toContain(
      '前回のお手続きは時間が経ったため終了しました。そのお手続きで作成したものを取り消します。',
    );
    expect(withdrawals(bot)).toHaveLength(1);
    // The expired sign-in may be refused by the backend: then the customer hears it, with the desk.
    expect(
      text.includes('「サービス開始」に戻ったことを確認しました') ||
        text.includes('取り消せたかどうか確認できませんでした'),
    ).toBe(true);
    expect(text).not.toContain('何も変更していません');
  });

  it('after idle expiry, the sign-in still valid at the backend withdraws the draft, then the sign-in is gone', async () => {
    // Idle limit 15 minutes: the sandbox's customer token (30 minutes) is still valid 20 minutes later, on the
    // bot's and the sandbox's shared injected clock. The engine's own expiry must not take the sign-in away
    // before the compensation has used it.
    bot = await atFinalConfirmation({ CONVERSATION_IDLE_HOURS: '0.25' });
    bot.clock.advance(20 * 60_000);
    await bot.say('こんにちは');
    const text = bot.lastText();
    expect(text).toContain('前回のお手続きは時間が経ったため終了しました。');
    expect(text).toContain(`お申込番号「${DRAFT}」の下書き（解約お申込作成中）を取り消し`);
    expect(text).toContain('「サービス開始」に戻ったことを確認しました');
    expect(withdrawals(bot).map((c) => c.outcome)).toEqual(['ok']);
    // The sign-in went with the procedure: the next account action asks who the customer is again.
    await bot.say('HOMEを解約したい');
    expect(bot.lastText()).toContain('メールアドレスを入力してください');
  });

  it('the withdrawal has its audit row: the item it acted on, keyed by that item, no confirmation', async () => {
    bot = await atFinalConfirmation();
    await bot.say('やめる');
    const created = bot.events.find(
      (e) => e.kind === 'call-completed' && e.operation === 'createCancellationApplication',
    );
    const withdrawn = bot.events.find(
      (e) => e.kind === 'call-completed' && e.operation === 'withdrawApplication',
    );
    if (created?.kind !== 'call-completed' || withdrawn?.kind !== 'call-completed')
      throw new Error('no rows');
    expect(withdrawn).toMatchObject({
      destructive: true,
      args: { applicationNumber: DRAFT },
      outcome: { ok: true },
    });
    expect(withdrawn.confirmation).toBeUndefined();
    expect(created.outcome.ok && withdrawn.target).toEqual(created.outcome.ok && created.outcome.data);
    expect(withdrawn.idempotencyKey).toEqual(expect.any(String));
    // The audit trail derives an action row for it, like every write (the draft's creation has one too).
    const derive = createEntryDeriver({
      userText: userTextFacts(procedureBundle().catalogs),
      mutating: (operation) => operation === 'createCancellationApplication',
    });
    const actions = bot.events.flatMap(derive).filter((entry) => entry.kind === 'action');
    expect(actions.map((entry) => [entry.what?.operation, entry.result])).toEqual([
      ['createCancellationApplication', 'ok'],
      ['withdrawApplication', 'ok'],
    ]);
  });

  it('やめる before the draft exists changes nothing and calls nothing', async () => {
    bot = await createTestBot(cspsBundle);
    await playTranscript(bot, {
      name: 'stop at the disclosure',
      steps: [...signIn, { user: 'HMAO061322' }, { click: 'cost', expect: { noCalls: true } }],
    });
    const before = bot.calls.length;
    await bot.say('やめる');
    expect(bot.lastText()).toContain('中止しました。何も変更していません。');
    expect(bot.calls.length).toBe(before);
  });

  it('after the submission is accepted, やめる withdraws nothing', async () => {
    bot = await atFinalConfirmation();
    await bot.tick(['service-termination', 'minimum-term-charge']);
    await bot.click('confirm');
    expect(bot.lastText()).toContain('解約のお申込を承りました');
    await bot.say('やめる');
    expect(withdrawals(bot)).toEqual([]);
  });
});

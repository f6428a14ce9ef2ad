import { afterEach, describe, expect, it } from 'vitest';
import { agentEndDialog, agentSessionDialog } from '../../../dialogs/common/agent-mode.js';
import { procedureBundle } from '../../../dialogs/index.js';
import { customerScopedKey } from '../../../src/channels/speaker.js';
import type { Actor } from '../../../src/engine/turn.js';
import { createTestBot, type TestBot, type TestBotOptions } from '../../support/bot-harness.js';
import { coverageReport, mergeVisits, unvisitedNodes } from '../../support/transcript.js';

const BASE = 'slack:T1:D-agent';
const AGENT_ID = 'slack:UAGENT';
const AGENT_KEY = { agentKey: 'sandbox-agent-key-sato' };
const bundle = procedureBundle();
const visited = new Map<string, Set<string>>();
let bot: TestBot | undefined;

afterEach(async () => {
  if (bot) mergeVisits(visited, bot.visited);
  await bot?.close();
  bot = undefined;
});

async function start(options: Partial<TestBotOptions> = {}): Promise<TestBot> {
  bot = await createTestBot({ ...bundle, ...options });
  return bot;
}

/** The agent in their channel conversation, acting for nobody (as `resolveSpeaker` makes them without a session). */
function agent(testBot: TestBot, options: { withoutKey?: boolean } = {}) {
  const actor: Actor = { kind: 'agent', id: AGENT_ID };
  return testBot.as({
    conversationKey: BASE,
    actor,
    channel: 'slack',
    ...(options.withoutKey ? {} : { credentials: AGENT_KEY }),
  });
}

/** The agent acting for a customer (as `resolveSpeaker` makes them once the session is stored). */
function actingFor(testBot: TestBot, customerId: string) {
  const actor: Actor = { kind: 'agent', id: AGENT_ID, onBehalfOf: customerId };
  return testBot.as({
    conversationKey: customerScopedKey(BASE, customerId),
    actor,
    channel: 'slack',
    credentials: AGENT_KEY,
  });
}

const made = (testBot: TestBot, from = 0) => testBot.calls.slice(from).map((call) => call.operation);

describe('agent mode: starting and ending acting for a customer', () => {
  it('an agent starts a session by e-mail: the customer shown as facts, identity ticked, session begun', async () => {
    const testBot = await start();
    const me = agent(testBot);
    await me.say('代理対応');
    expect(me.lastText()).toContain('メールアドレスまたは契約番号');
    await me.say('担当です');
    expect(me.lastText()).toContain('メールアドレス（例: taro@example.com）か、契約番号');
    await me.say('Portal@Example.com');
    const shown = me.last.at(-1);
    expect(shown?.facts).toEqual(
      expect.arrayContaining([
        { label: 'お名前', value: 'ポータル 太郎' },
        { label: 'お客様番号', value: 'CUS-2001' },
        { label: 'ご登録のメールアドレス（一部伏せ字）', value: 'po****@example.com' },
        { label: '契約 HMMH061530', value: 'type-M（サービス開始）' },
        { label: '契約 HMSL030455', value: 'type-SL（解約お申込受付中）' },
      ]),
    );
    expect(shown?.acknowledgements).toEqual([
      { id: 'identity-verified', label: 'お客様ご本人であることを確認しました' },
    ]);
    expect(made(testBot)).toEqual(['findCustomer']);
    await me.tick(['identity-verified']);
    expect(me.lastText()).toContain('ポータル 太郎 様（CUS-2001）の代理対応を開始します');
    await me.click('confirm');
    expect(me.lastText()).toContain('次のメッセージから、ポータル 太郎 様の代理として');
    expect(me.lastText()).toContain('代理終了');
    expect(testBot.calls.at(-1)).toMatchObject({
      operation: 'beginAgentSession',
      args: { customerId: 'CUS-2001', customerLabel: 'po****@example.com' },
      outcome: 'ok',
    });
    // Nothing went to the customer's mailbox.
    expect(testBot.outbox).toEqual([]);

    // The session is stored for this agent in this channel conversation: ending it finds it, once.
    await me.say('代理終了');
    expect(me.lastText()).toContain('代理対応を終了しました');
    await me.say('代理終了');
    expect(me.lastText()).toContain('代理対応中のお客様はいません');
  });

  it('an agent starts a session by contract number from the entry point, in any width and case', async () => {
    const testBot = await start();
    const me = agent(testBot);
    await me.send({ kind: 'start', dialogId: 'agent-session', text: 'ｈｍｃｘ－０４０００１' });
    expect(me.lastText()).toContain('ポータル 花子');
    expect(testBot.calls.at(-1)).toMatchObject({
      operation: 'findCustomer',
      args: { contractNumber: 'HMCX040001' },
    });
    await me.tick(['identity-verified']);
    await me.click('confirm');
    expect(me.lastText()).toContain('ポータル 花子 様（CUS-2002）の代理対応を開始しました');
  });

  it('says so when no customer matches, and asks again', async () => {
    const testBot = await start();
    const me = agent(testBot);
    await me.say('代理対応');
    await me.say('nobody@example.com');
    expect(me.lastText()).toContain('該当するお客様が見つかりませんでした');
    await me.say('camera-two@example.com');
    expect(me.lastText()).toContain('カメラ 二台');
    expect(me.last.at(-1)?.facts).toEqual(
      expect.arrayContaining([{ label: 'みえますねっと', value: '年間パック（登録機器 2 台）' }]),
    );
    await me.click('cancel');
    expect(me.lastText()).toContain('代理対応は開始していません');
    expect(made(testBot)).toEqual(['findCustomer', 'findCustomer']);
  });

  it('acting for CUS-2001, the agent cancels a portal contract; backend and receipt record agent and customer', async () => {
    const testBot = await start();
    const me = agent(testBot);
    await me.say('代理対応');
    await me.say('portal@example.com');
    await me.tick(['identity-verified']);
    await me.click('confirm');

    const acting = actingFor(testBot, 'CUS-2001');
    const before = testBot.calls.length;
    await acting.say('HOMEを解約したい');
    expect(acting.lastText()).not.toContain('メールアドレス');
    await acting.say('HMMH061530');
    await acting.click('cost');
    await acting.click('transfer');
    // Shown before the draft (invariant 10), acknowledged once, at the final confirmation naming the draft.
    await acting.click('proceed');
    await acting.tick(['service-termination', 'minimum-term-charge']);
    await acting.click('confirm');
    expect(acting.lastText()).toContain('解約のお申込を承りました');
    expect(made(testBot, before)).not.toContain('startVerification');
    expect(testBot.outbox).toEqual([]);

    const submitted = testBot.events.find(
      (event) => event.kind === 'call-completed' && event.operation === 'submitCancellationApplication',
    );
    expect(submitted).toMatchObject({
      actor: { kind: 'agent', id: AGENT_ID, onBehalfOf: 'CUS-2001' },
      outcome: { ok: true, data: { performedBy: { kind: 'agent', id: 'AG-001', customerId: 'CUS-2001' } } },
    });
    const receiptId = /RC-[0-9A-Z]{10}/.exec(acting.lastText())?.[0];
    expect(receiptId).toBeDefined();

    // The receipt names the agent, and belongs to the customer: the customer sees it in their own list.
    await acting.say('最初から');
    await acting.click('receipts');
    expect(acting.lastText()).toContain(receiptId);
    expect(acting.lastText()).toContain(`担当者（${AGENT_ID}）`);
    const customer = testBot.as({ conversationKey: 'web:portal-customer' });
    await customer.say('hello');
    await customer.click('receipts');
    await customer.say('portal@example.com');
    await customer.say(testBot.outbox.at(-1)?.code ?? '');
    expect(customer.lastText()).toContain(receiptId);
  });

  it('a customer asking for agent mode is refused politely, and nothing is called', async () => {
    const testBot = await start();
    await testBot.say('代理対応をお願いします');
    expect(testBot.lastText()).toContain('この機能は登録された担当者のみご利用いただけます。');
    await testBot.send({ kind: 'start', dialogId: 'agent-session', text: 'portal@example.com' });
    expect(testBot.lastText()).toContain('登録された担当者のみ');
    await testBot.send({ kind: 'start', dialogId: 'agent-end' });
    expect(testBot.lastText()).toContain('登録された担当者のみ');
    await testBot.say('代理終了をお願いします');
    expect(testBot.lastText()).toContain('登録された担当者のみ');
    expect(testBot.calls).toEqual([]);
  });

  it('an agent without a session asking to delete a device is told to start one; no code is sent', async () => {
    const testBot = await start();
    const me = agent(testBot);
    await me.say('カメラを削除したい');
    expect(me.lastText()).toContain('先にお客様の代理対応を開始してください');
    expect(me.lastText()).not.toContain('メールアドレスを入力してください');
    expect(testBot.calls).toEqual([]);
    expect(testBot.outbox).toEqual([]);
  });

  it('explains when the agent key is missing or refused', async () => {
    const testBot = await start();
    const me = agent(testBot, { withoutKey: true });
    await me.say('代理対応');
    await me.say('portal@example.com');
    expect(me.lastText()).toContain('担当者用の接続キーが設定されていないか');
    expect(testBot.calls.at(-1)).toMatchObject({ operation: 'findCustomer', code: 'unauthenticated' });
  });

  it('says the system is down when the lookup or the session store fails; nothing changed', async () => {
    const testBot = await start({
      decorateOperations: (ops) => ({
        ...ops,
        findCustomer: { ...ops.findCustomer!, run: async () => ({ ok: false, kind: 'unreachable' }) },
        endAgentSession: { ...ops.endAgentSession!, run: async () => ({ ok: false, kind: 'bug' }) },
      }),
    });
    const me = agent(testBot);
    await me.say('代理対応');
    await me.say('portal@example.com');
    expect(me.lastText()).toContain('システムに接続できません。何も変更していません');
    await me.say('代理終了');
    expect(me.lastText()).toContain('システムに接続できません。何も変更していません');
  });

  it('an off-contract customer lookup: "cannot show this now", never "cannot connect"; nothing changed', async () => {
    const testBot = await start({
      decorateOperations: (ops) => ({
        ...ops,
        findCustomer: {
          ...ops.findCustomer!,
          run: async () => ({ ok: false, kind: 'unreachable', offContract: true }),
        },
      }),
    });
    const me = agent(testBot);
    await me.say('代理対応');
    await me.say('portal@example.com');
    expect(me.lastText()).toContain('申し訳ありません。ただいまこの内容を表示できません。');
    expect(me.lastText()).toContain('何も変更していません');
    expect(me.lastText()).not.toContain('接続できません');
  });

  // Runs last (vitest keeps file order): the tests above visit every node of both agent-mode dialogs.
  it('visits every node of agent-session and agent-end', () => {
    if (bot) mergeVisits(visited, bot.visited);
    console.log(coverageReport([agentSessionDialog, agentEndDialog], visited));
    expect(unvisitedNodes([agentSessionDialog, agentEndDialog], visited)).toEqual([]);
  });
});

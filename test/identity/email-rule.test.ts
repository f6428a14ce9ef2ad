/**
 * One e-mail rule for the contract, the sandbox and the bot (item 5 of the outside probe). Legacy Japanese
 * mobile-carrier addresses (`taro..yamada@`, `taro.@`) go through end to end — the bot accepts them, the sandbox
 * accepts them, the customer is asked for the code; addresses the contract refuses (`taro@example.c`,
 * `山田@example.jp`) are asked again politely by the bot, before any backend call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { compileResponseContract } from '../../src/backend/client/contract.js';
import { EMAIL_PATTERN, isEmailAddress } from '../../src/identity/email.js';
import { startVerificationBody } from '../../src/sandbox/request-schemas.js';
import { createTestBot, type TestBot } from '../support/bot-harness.js';

const LEGACY = ['taro..yamada@example.com', 'taro.@example.com', '.taro@docomo.ne.jp'];
const REFUSED = [
  'taro@example.c',
  '山田@example.jp',
  'taro@',
  '@example.com',
  'taro@example',
  'ta ro@example.com',
];

describe('the e-mail rule', () => {
  it.each(LEGACY)('%s is an address for the bot and for the sandbox', (address) => {
    expect(isEmailAddress(address)).toBe(true);
    expect(startVerificationBody.safeParse({ email: address }).success).toBe(true);
  });

  it.each(REFUSED)('%s is refused by the bot and by the sandbox alike', (address) => {
    expect(isEmailAddress(address)).toBe(false);
    expect(startVerificationBody.safeParse({ email: address }).success).toBe(false);
  });

  it("is the contract's pattern", () => {
    const contract = compileResponseContract();
    expect(EMAIL_PATTERN.source).toContain('[A-Za-z]{2,63}');
    expect(contract.operations).toContain('startVerification');
  });
});

describe('the e-mail rule in a conversation', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  async function askForEmail(): Promise<TestBot> {
    const started = await createTestBot(procedureBundle());
    await started.say('こんにちは');
    await started.click('miemasu-delete');
    return started;
  }

  it.each(LEGACY)('%s: the sandbox takes it and the customer is asked for the code', async (address) => {
    bot = await askForEmail();
    await bot.say(address);
    expect(bot.calls.filter((c) => c.operation === 'startVerification')).toMatchObject([{ outcome: 'ok' }]);
    expect(bot.lastText()).not.toContain('システムに接続できません');
    expect(bot.lastText()).toMatch(/コード/);
  });

  it.each(['taro@example.c', '山田@example.jp'])(
    '%s: asked again politely, nothing sent to the backend',
    async (address) => {
      bot = await askForEmail();
      await bot.say(address);
      expect(bot.calls.filter((c) => c.operation === 'startVerification')).toEqual([]);
      expect(bot.lastText()).toContain('メールアドレスの形式をご確認ください');
    },
  );
});

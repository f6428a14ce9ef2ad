/**
 * Issue 15 item 5: the conversation follows the language the customer writes in, on every channel (the engine
 * decides; adapters only pass the text), says so in one line, and help names both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../../dialogs/index.js';
import { createTestBot, type TestBot } from '../../support/bot-harness.js';
import { playTranscript } from '../../support/transcript.js';
import { ALL_DEVICE_ACKS, TWO } from '../miemasu/demo.js';

const bundle = procedureBundle();
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('following the customer’s language', () => {
  it('an English question in a Japanese conversation is answered in English, with a one-line notice', async () => {
    bot = await createTestBot(bundle);
    await bot.say('こんにちは');
    const replies = await bot.say('Do I get a refund if I delete my camera?');
    expect(replies[0]?.text).toBe(
      'You wrote in English, so I will continue in English (日本語:「日本語」と入力してください).',
    );
    expect(bot.lastText()).toContain('There is no refund');
    expect(bot.lastText()).not.toMatch(/払い戻しは行われません/);
  });

  it('ids, numbers and "OK" do not switch; Japanese text switches back', async () => {
    bot = await createTestBot(bundle);
    await bot.say('help');
    expect(bot.lastText()).toContain('"日本語" (continue in Japanese)');
    for (const neutral of ['OK', '1', 'HMAO061322', 'hello']) {
      await bot.say(neutral);
      expect(bot.lastText()).not.toContain('日本語で書かれたので');
    }
    await bot.say('ヘルプ');
    expect(bot.last[0]?.text).toBe('日本語で書かれたので、日本語でご案内します（English: type "English"）。');
    expect(bot.lastText()).toContain('「English」');
  });

  it('a switch while a confirmation is on screen shows it again in the new language; nothing is confirmed', async () => {
    bot = await createTestBot(bundle);
    await playTranscript(bot, {
      name: 'switch at the final confirmation',
      steps: [
        { user: 'こんにちは' },
        { click: 'miemasu-delete' },
        { verify: TWO },
        { click: 'DEV-0001' },
        { click: 'delete' },
        { tick: ALL_DEVICE_ACKS, expect: { contains: ['よろしいですか？'], choices: ['confirm', 'cancel'] } },
        {
          user: 'yes please delete it',
          expect: {
            contains: ['You wrote in English', 'CameraOA'],
            notContains: ['よろしいですか？'],
            choices: ['confirm', 'cancel'],
            noCalls: true,
          },
        },
      ],
    });
  });
});

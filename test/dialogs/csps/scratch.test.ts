import { it } from 'vitest';
import { createTestBot } from '../../support/bot-harness.js';
import { cspsBundle } from './bundle.js';

it('scratch', async () => {
  const bot = await createTestBot(cspsBundle);
  const show = async (label: string, p: Promise<unknown>) => { await p; console.log(`>>> ${label}\n${bot.lastText()}\n`); };
  await show('hi', bot.say('解約したい'));
  await show('verify', bot.verify('portal@example.com'));
  await show('pick', bot.say('hmmh-061530'));
  await show('reason', bot.say('1'));
  await show('domain', bot.click('transfer'));
  await show('tick', bot.tick(['service-termination', 'minimum-term-charge']));
  await show('confirm', bot.click('confirm'));
  console.log(bot.calls.map((c) => `${c.operation} ${c.outcome} ${c.code ?? ''}`).join('\n'));
  await bot.close();
});

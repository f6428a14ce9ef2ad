/**
 * Terminal chat: talk to the bot from a shell. Interactive on a TTY; with piped input it reads one line per
 * turn and prints the bot's replies, so conversations can be scripted:
 *   printf 'カメラを削除したい\n1\n' | npm run chat
 * Options: --sample (the engine's sample dialog with a fake backend), --en (English), --key <conversation>.
 */
import { createInterface } from 'node:readline';
import { procedureBundle } from '../../dialogs/index.js';
import { sampleBundle } from '../../dialogs/sample/bundle.js';
import { createBot } from '../../src/bot.js';
import { parseClosures } from '../../src/calendar/closures.js';
import { loadConfig } from '../../src/config.js';
import { demoMailHook } from '../../src/demo-mail.js';
import type { Reply } from '../../src/engine/turn.js';
import { renderReply } from './render.js';
import { toTurnInput } from './translate.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  // Demo mode: the embedded sandbox "e-mails" one-time codes; they are shown here. Never outside demo mode.
  const onMail = demoMailHook(config, (line) => process.stdout.write(`📧 ${line}\n`));
  const bot = await createBot(config, {
    bundle: args.includes('--sample')
      ? sampleBundle()
      : procedureBundle({ closures: parseClosures(config.BOT_CLOSURES) }),
    ...(onMail ? { onMail } : {}),
  });
  const keyIndex = args.indexOf('--key');
  const conversationKey = `cli:${keyIndex >= 0 ? args[keyIndex + 1] : `local-${process.pid}-${Date.now()}`}`;
  const locale = args.includes('--en') ? 'en' : 'ja';
  const interactive = process.stdin.isTTY === true;
  let last: Reply[] = [];

  const print = (replies: Reply[]) => {
    for (const reply of replies) process.stdout.write(`${renderReply(reply, locale)}\n\n`);
  };
  const turn = async (line: string) => {
    ({ replies: last } = await bot.pipeline.handle({
      channel: 'cli',
      user: { platform: 'cli', userId: 'cli-user' },
      baseKey: conversationKey,
      locale,
      input: toTurnInput(line, last),
    }));
    print(last);
  };

  if (interactive) {
    process.stdout.write(
      `${bot.banner}\n(「やめる」で中止、Ctrl+D で終了 / "stop" to stop, Ctrl+D to quit)\n\n`,
    );
  }
  const lines = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) process.stdout.write('> ');
  for await (const line of lines) {
    if (!interactive) process.stdout.write(`> ${line}\n`);
    await turn(line);
    if (interactive) process.stdout.write('> ');
  }
  await bot.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

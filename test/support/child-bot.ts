/**
 * A complete bot process for reliability tests, driven over stdin/stdout with JSON lines. It is wired exactly
 * like the terminal chat (`adapters/cli/main.ts`): `createBot(loadConfig())` with the procedure bundle, so the
 * environment chooses the store (STORE, SQLITE_PATH, REDIS_URL), the backend (BACKEND_URL) and the clock
 * (BOT_NOW). Unlike the terminal chat it speaks a machine protocol, so a test can send whole Turns (with ids
 * and state versions) and read whole Replies, and several turns may be in progress at once.
 *
 * Run: `node --import tsx test/support/child-bot.ts`. Protocol (one JSON object per line):
 * - child → parent, once the bot is ready: `{"ready": true, "pid": <pid>}`
 * - parent → child: `{"seq": n, "turn": Turn}`; child → parent: `{"seq": n, "replies": Reply[]}` or
 *   `{"seq": n, "error": "<message>"}`. Turns are handled concurrently, answers come in completion order.
 * - end of stdin: the bot is closed and the process exits 0.
 * Logs go to stderr (the bot's fault log is on fd 2), never to stdout.
 */
import { createInterface } from 'node:readline';
import { procedureBundle } from '../../dialogs/index.js';
import { createBot } from '../../src/bot.js';
import { parseClosures } from '../../src/calendar/closures.js';
import { loadConfig } from '../../src/config.js';
import type { Reply, Turn } from '../../src/engine/turn.js';

export interface ChildRequest {
  seq: number;
  turn: Turn;
}

export type ChildMessage =
  | { ready: true; pid: number }
  | { seq: number; replies: Reply[] }
  | { seq: number; error: string };

function write(message: ChildMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const bot = await createBot(config, {
    bundle: procedureBundle({ closures: parseClosures(config.BOT_CLOSURES) }),
  });
  write({ ready: true, pid: process.pid });
  const inFlight = new Set<Promise<void>>();
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    const request = JSON.parse(line) as ChildRequest;
    const handled = bot.engine.handle(request.turn).then(
      (replies) => write({ seq: request.seq, replies }),
      (error: unknown) =>
        write({ seq: request.seq, error: error instanceof Error ? error.message : String(error) }),
    );
    inFlight.add(handled);
    handled.finally(() => inFlight.delete(handled));
  }
  await Promise.all(inFlight);
  await bot.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`child bot failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

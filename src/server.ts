/**
 * The composition root: `npm start` reads the configuration, wires the bot on its embedded defaults (SQLite
 * conversations, the in-process sandbox backend) and serves HTTP: health, and the routes of every enabled
 * channel (web chat, Slack, Teams).
 */
import { procedureBundle } from '../dialogs/index.js';
import { type Bot, createBot } from './bot.js';
import { parseClosures } from './calendar/closures.js';
import { holidayTableStatus } from './calendar/holiday-table.js';
import { toTokyo } from './calendar/tokyo-time.js';
import type { Channel } from './channels/channel.js';
import { createChannels } from './channels/enabled.js';
import { slidingWindow, USER_RATE_LIMIT } from './channels/rate-limit.js';
import type { Clock } from './clock.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { demoMailHook } from './demo-mail.js';
import type { Route } from './http/routes.js';
import { sendJson } from './http/routes.js';
import { serve } from './http/serve.js';

export interface RunningServer {
  url: string;
  bot: Bot;
  channels: Channel[];
  close(): Promise<void>;
}

/**
 * Liveness. The process answers `ok`; `warnings` lists what an operator must act on without the bot being down
 * (e.g. a holiday table that no longer covers the current Japan year).
 */
function healthRoutes(clock: Clock): Route[] {
  return ['/healthz', '/health'].map((path) => ({
    method: 'GET',
    path,
    handle: (_request, response) => {
      const holidays = holidayTableStatus(toTokyo(clock.now()).year);
      sendJson(response, 200, {
        status: 'ok',
        holidays: { status: holidays.status, coveredThrough: holidays.coveredThrough },
        warnings: holidays.warning ? [holidays.warning] : [],
      });
    },
  }));
}

/** Starts the bot, its channels and the HTTP server; resolves once it listens. */
export async function startServer(
  config: Config,
  options: { bot?: Bot; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  // Demo mode: the sandbox's one-time codes go to the server's log, for whoever tries the demo on any channel.
  const onMail = demoMailHook(config, options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  const bot =
    options.bot ??
    (await createBot(config, {
      bundle: procedureBundle({ closures: parseClosures(config.BOT_CLOSURES) }),
      ...(onMail ? { onMail } : {}),
    }));
  const channels = await createChannels({
    config,
    engine: bot.engine,
    speakers: bot.channels.speakers,
    deduper: bot.channels.deduper,
    limiter: slidingWindow(USER_RATE_LIMIT),
    now: () => bot.clock.now(),
    receipts: bot.receipts,
    handoff: bot.handoff,
    onError: (error, { channel, phase }) => bot.onError(error, { conversationKey: channel, phase }),
  });
  for (const channel of channels) await channel.start?.();
  const served = await serve([...healthRoutes(bot.clock), ...channels.flatMap((channel) => channel.routes)], {
    host: config.HOST,
    port: config.PORT,
    onError: (error) => bot.onError(error, { conversationKey: 'http', phase: 'route' }),
  });
  return {
    url: served.url,
    bot,
    channels,
    async close() {
      await served.close();
      for (const channel of channels) await channel.close();
      await bot.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startServer(config);
  const holidays = holidayTableStatus(toTokyo(running.bot.clock.now()).year);
  if (holidays.warning) process.stderr.write(`warning: ${holidays.warning}\n`);
  const lines = [
    `Helpdesk bot listening on ${running.url}`,
    `  web chat: ${running.url}/`,
    `  health:  ${running.url}/healthz`,
    `  bot:     ${running.bot.banner}`,
    ...running.channels.map((channel) => `  channel: ${channel.name}`),
    '  chat in the terminal: npm run chat',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}

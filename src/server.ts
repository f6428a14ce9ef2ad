/**
 * The composition root: `npm start` reads the configuration, wires the bot on its embedded defaults (SQLite
 * conversations, the in-process sandbox backend) and serves HTTP: health, and the routes of every enabled
 * channel (web chat, Slack, Teams).
 */
import { procedureBundle } from '../dialogs/index.js';
import { type Bot, createBot } from './bot.js';
import { parseClosures } from './calendar/closures.js';
import type { Channel } from './channels/channel.js';
import { createChannels } from './channels/enabled.js';
import { slidingWindow, USER_RATE_LIMIT } from './channels/rate-limit.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { healthRoutes } from './http/health.js';
import { serve } from './http/serve.js';
import { describeStartupFailure, startWithin } from './startup.js';

export interface RunningServer {
  url: string;
  bot: Bot;
  channels: Channel[];
  close(): Promise<void>;
}

/** Starts the bot, its channels and the HTTP server; resolves once it listens. */
export async function startServer(config: Config, options: { bot?: Bot } = {}): Promise<RunningServer> {
  const bot =
    options.bot ??
    (await createBot(config, { bundle: procedureBundle({ closures: parseClosures(config.BOT_CLOSURES) }) }));
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
  const health = healthRoutes(() => bot.readiness());
  const served = await serve([...health, ...channels.flatMap((channel) => channel.routes)], {
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
  let running: RunningServer;
  try {
    running = await startWithin(config, () => startServer(config));
  } catch (error) {
    const failure = describeStartupFailure(error, config);
    process.stderr.write(`${failure.message}\n`);
    process.exit(2);
  }
  const lines = [
    `Helpdesk bot listening on ${running.url}`,
    `  web chat: ${running.url}/`,
    `  health:  ${running.url}/healthz (live), ${running.url}/readyz (ready)`,
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

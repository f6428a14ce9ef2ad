/**
 * The composition root: `npm start` reads the configuration, wires the bot on its embedded defaults (SQLite
 * conversations, the in-process sandbox backend) and serves HTTP: health, and the routes of every enabled
 * channel (web chat, Slack, Teams).
 */
import { procedureBundle } from '../dialogs/index.js';
import { adminDashboard } from './admin/enable.js';
import { procedureNames } from './admin/procedure-names.js';
import { type Bot, createBot } from './bot.js';
import { parseClosures } from './calendar/closures.js';
import { holidayNotices, holidayTableStatus } from './calendar/holiday-table.js';
import { toTokyo } from './calendar/tokyo-time.js';
import type { Channel } from './channels/channel.js';
import { createChannels } from './channels/enabled.js';
import { openRateLimiters } from './channels/limiters.js';
import { type RateLimiter, USER_RATE_LIMIT } from './channels/rate-limit.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { demoMailHook } from './demo-mail.js';
import { healthRoutes, type Readiness } from './http/health.js';
import { metricsRoute } from './http/metrics-route.js';
import { serve } from './http/serve.js';
import { exitGracefullyOnSignals } from './shutdown.js';
import { describeStartupFailure, startWithin } from './startup.js';

export interface RunningServer {
  url: string;
  bot: Bot;
  channels: Channel[];
  /** The dashboard's start-up line (`/admin`, or off). */
  admin: string;
  /**
   * Stops accepting, lets requests in flight finish for up to `graceMs` (default none), then closes the
   * channels (Slack finishes the deliveries it acknowledged), the stores and the audit log.
   */
  close(graceMs?: number): Promise<void>;
}

/** What `/readyz` answers once shutdown began. */
const STOPPING: Readiness = { ready: false, checks: { shutdown: { status: 'down', error: 'Stopping' } } };

/** Starts the bot, its channels and the HTTP server; resolves once it listens. */
export async function startServer(
  config: Config,
  options: { bot?: Bot; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  // Demo mode: the sandbox's one-time codes go to the server's log, for whoever tries the demo on any channel.
  const onMail = demoMailHook(config, options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  const bundle = procedureBundle({ closures: parseClosures(config.BOT_CLOSURES) });
  const bot = options.bot ?? (await createBot(config, { bundle, ...(onMail ? { onMail } : {}) }));
  const limiters = await openRateLimiters(config);
  // Channels' own limits (web sessions, addresses…) counted by name; the pipeline's `users` limit is counted by
  // the metrics stage (turn outcome `rate-limited`).
  const countedLimiter = (name: string, limit: Parameters<typeof limiters.limiter>[1]): RateLimiter => {
    const limiter = limiters.limiter(name, limit);
    return {
      async take(key) {
        const admission = await limiter.take(key);
        if (!admission.ok) bot.metrics.rateLimited(name);
        return admission;
      },
    };
  };
  const channels = await createChannels({
    config,
    pipeline: bot.pipeline.with({ limiter: limiters.limiter('users', USER_RATE_LIMIT) }),
    speakers: bot.channels.speakers,
    deduper: bot.channels.deduper,
    limiterFor: countedLimiter,
    now: () => bot.clock.now(),
    receipts: bot.receipts,
    liveDesk: bot.liveDesk,
    onError: (error, { channel, phase }) => bot.onError(error, { conversationKey: channel, phase }),
  });
  for (const channel of channels) await channel.start?.();
  let stopping = false;
  // While shutting down, readiness is 503 at once (a load balancer stops sending); liveness stays 200.
  const health = healthRoutes(
    () => (stopping ? Promise.resolve(STOPPING) : bot.readiness()),
    () => holidayNotices(bot.clock),
  );
  // The operations dashboard (/admin): aggregates of the audit log, behind ADMIN_TOKEN.
  const admin = await adminDashboard(
    config,
    () => bot.clock.now(),
    procedureNames(bundle.dialogs, bundle.catalogs),
  );
  const routes = [
    ...health,
    metricsRoute(bot.metrics, config.METRICS_TOKEN),
    ...admin.routes,
    ...channels.flatMap((channel) => channel.routes),
  ];
  const served = await serve(routes, {
    host: config.HOST,
    port: config.PORT,
    onError: (error) => bot.onError(error, { conversationKey: 'http', phase: 'route' }),
  });
  return {
    url: served.url,
    bot,
    channels,
    admin: admin.banner,
    async close(graceMs = 0) {
      stopping = true;
      const closing = served.close(graceMs);
      for (const channel of channels) channel.drain?.();
      await closing;
      await admin.close();
      for (const channel of channels) await channel.close();
      await limiters.close();
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
  const holidays = holidayTableStatus(toTokyo(running.bot.clock.now()).year);
  if (holidays.warning) process.stderr.write(`warning: ${holidays.warning}\n`);
  const lines = [
    `Helpdesk bot listening on ${running.url}`,
    `  web chat: ${running.url}/`,
    `  health:  ${running.url}/healthz (live), ${running.url}/readyz (ready)`,
    `  bot:     ${running.bot.banner}`,
    `  admin:   ${running.admin.startsWith('/') ? `${running.url}${running.admin}` : running.admin}`,
    ...running.channels.map((channel) => `  channel: ${channel.name}`),
    '  chat in the terminal: npm run chat',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  exitGracefullyOnSignals({
    stop: () => running.close(config.SHUTDOWN_GRACE_MS),
    // The grace for requests, then as long again for channels' deliveries and stores to close.
    hardLimitMs: 2 * config.SHUTDOWN_GRACE_MS + 5_000,
    log: (line) => process.stderr.write(`helpdesk-bot: ${line}\n`),
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}

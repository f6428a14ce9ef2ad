/**
 * The composition root: `npm start` reads the configuration, wires the bot on its embedded defaults (SQLite
 * conversations, the in-process sandbox backend) and serves HTTP. Channels mount their routes here.
 */
import { createServer, type Server } from 'node:http';
import { procedureBundle } from '../dialogs/index.js';
import { type Bot, createBot } from './bot.js';
import { parseClosures } from './calendar/closures.js';
import { type Config, ConfigError, loadConfig } from './config.js';

export interface RunningServer {
  url: string;
  bot: Bot;
  close(): Promise<void>;
}

/** Starts the HTTP server; resolves once it listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const bot = await createBot(config, {
    bundle: procedureBundle({ closures: parseClosures(config.BOT_CLOSURES) }),
  });
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/healthz' || request.url === '/health')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://${config.HOST}:${port}`,
    bot,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
  process.stdout.write(
    [
      `Helpdesk bot listening on ${running.url}`,
      `  health:  ${running.url}/healthz`,
      `  bot:     ${running.bot.banner}`,
      '  chat in the terminal: npm run chat',
      '',
    ].join('\n'),
  );
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

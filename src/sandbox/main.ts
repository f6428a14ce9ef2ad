/**
 * Runs the sandbox alone: `npm run sandbox`. PORT (default 4010), HOST (default 127.0.0.1), SANDBOX_DB (default
 * ./data/sandbox.sqlite; `memory` for none), BOT_NOW (fixes the clock), WEB_TOKEN_SECRET / WEB_TOKEN_AUDIENCE (the
 * support site's secret and audience for site assertions; without the secret every assertion is refused).
 * One-time codes are printed to the log.
 */
import { createClock } from '../clock.js';
import { createSandbox } from './server.js';

const clock = createClock(process.env);
const database = process.env.SANDBOX_DB ?? 'data/sandbox.sqlite';
const sandbox = await createSandbox({
  store: database === 'memory' ? 'memory' : { sqlitePath: database },
  clock,
  siteTokenSecret: process.env.WEB_TOKEN_SECRET || undefined,
  siteTokenAudience: process.env.WEB_TOKEN_AUDIENCE || undefined,
  onMail: (mail) => console.log(`sandbox: one-time code for ${mail.to}: ${mail.code} (demo mode)`),
});
const { url } = await sandbox.listen(Number(process.env.PORT ?? 4010), process.env.HOST ?? '127.0.0.1');
console.log(`sandbox: listening on ${url} (today ${clock.today()} in Japan; state ${database})`);

const stop = async (): Promise<void> => {
  await sandbox.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

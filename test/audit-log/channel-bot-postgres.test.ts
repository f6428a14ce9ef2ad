/**
 * The channel test bot (the whole bot with demo data, as Slack and Teams get it) with `DATABASE_URL` set: its
 * audit entries go to PostgreSQL, where another instance reads them. The bot's sessions use this run's own
 * schema (`search_path` in the connection string), dropped afterwards. Skipped with a message when PostgreSQL is
 * unreachable, unless CI=true.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createPostgresAuditLog } from '../../src/audit-log/postgres.js';
import { type ChannelTestBot, createChannelTestBot } from '../support/channel-bot.js';
import { everything, expectAgentRun, expectDeviceDeletion } from './full-run.js';
import {
  agentCancelsForPortalCustomer,
  type BotUnderTest,
  deleteCameraOA,
  dropSchema,
  PG_URL,
  requirePostgres,
  uniqueSchema,
  urlWithSchema,
  withAdmin,
} from './support.js';

const reachable = await requirePostgres('channel bot with its audit log on PostgreSQL');
const schema = uniqueSchema();

describe.skipIf(!reachable)('channel bot with its audit log on PostgreSQL', () => {
  let testBot: ChannelTestBot | undefined;
  let reader: AuditLog | undefined;

  beforeAll(async () => {
    await withAdmin((admin) => admin.query(`CREATE SCHEMA "${schema}"`));
  });
  afterAll(async () => {
    await dropSchema(schema);
  });
  afterEach(async () => {
    await reader?.close();
    await testBot?.close();
    reader = undefined;
    testBot = undefined;
  });

  async function start(): Promise<BotUnderTest & { log: AuditLog }> {
    // The schema is migrated first (npm run db:migrate); the bot only checks its version.
    reader = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
    testBot = await createChannelTestBot({
      DATABASE_URL: urlWithSchema(schema),
      SLACK_AGENT_USERS: 'UAGENT',
    });
    // Each test reads only what it wrote: start from an empty table.
    await reader.purgeOlderThan(new Date('9999-01-01T00:00:00.000Z'));
    const bot = testBot;
    return { engine: bot.bot.engine, speakers: bot.context.speakers, codeFor: bot.codeFor, log: reader };
  }

  it('a device deletion writes disclosure, acknowledgements, confirmation and action, naming actor and customer', async () => {
    const bot = await start();
    const receiptId = await deleteCameraOA(bot);
    expectDeviceDeletion(await everything(bot.log, 'CUS-1001'), receiptId);
    expect(testBot?.errors).toEqual([]);
  });

  it('an agent run names both the agent and the customer', async () => {
    const bot = await start();
    await agentCancelsForPortalCustomer(bot);
    expectAgentRun(await everything(bot.log, 'CUS-2001'));
    expect(testBot?.errors).toEqual([]);
  });
});

/**
 * Invariant 9 against a real PostgreSQL outage: the network between the bot and the database is cut (a TCP proxy on
 * 127.0.0.1, port 0) during a device deletion and during a burst of 100 conversations. The customer is served
 * throughout (the entries wait in the outbox, in the conversation storage); after the database is back, every
 * entry is in the table exactly once, in order. Skipped with a message when PostgreSQL is unreachable, unless
 * CI=true.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, conversationDigest } from '../../src/audit-log/entry.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createPostgresAuditLog } from '../../src/audit-log/postgres.js';
import { type ChannelTestBot, createChannelTestBot } from '../support/channel-bot.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { everything, expectDeviceDeletion } from './full-run.js';
import {
  DEVICE_ACKS,
  dropSchema,
  PG_URL,
  requirePostgres,
  slackUser,
  uniqueSchema,
  urlWithSchema,
  withAdmin,
} from './support.js';

/** Delivers what is queued; the first attempts after the network is back may still meet a dropped connection. */
async function flushAfterRecovery(bot: ChannelTestBot): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await bot.bot.audit.flush();
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const reachable = await requirePostgres('audit log through a PostgreSQL outage');
const schema = uniqueSchema();

describe.skipIf(!reachable)('audit log through a PostgreSQL outage', () => {
  let testBot: ChannelTestBot | undefined;
  let reader: AuditLog | undefined;
  let proxy: TcpProxy | undefined;

  beforeAll(async () => {
    await withAdmin((admin) => admin.query(`CREATE SCHEMA "${schema}"`));
  });
  afterAll(async () => {
    await dropSchema(schema);
  });
  afterEach(async () => {
    proxy?.restore();
    await reader?.close();
    await testBot?.close();
    await proxy?.close();
    reader = testBot = proxy = undefined;
  });

  async function start() {
    const pg = new URL(PG_URL);
    proxy = await startTcpProxy(pg.hostname, Number(pg.port || 5432));
    reader = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
    testBot = await createChannelTestBot({ DATABASE_URL: proxy.url(urlWithSchema(schema)) });
    await reader.purgeOlderThan(new Date('9999-01-01T00:00:00.000Z'));
    const bot = {
      engine: testBot.bot.engine,
      speakers: testBot.context.speakers,
      codeFor: testBot.codeFor,
    };
    return { bot, testBot, proxy, reader };
  }

  it('a deletion with the database cut completes; afterwards every entry is there once, in order', async () => {
    const { bot, testBot, proxy, reader } = await start();
    const user = slackUser(bot, 'UCUSTOMER');
    await user.send({ kind: 'start', dialogId: 'miemasu-delete-device' });
    await user.say('camera-two@example.com');
    await user.say(bot.codeFor('camera-two@example.com'));
    proxy.cut();
    await user.click('DEV-0001');
    await user.click('delete');
    await user.tick(DEVICE_ACKS);
    await user.click('confirm');
    expect(user.text()).toContain('削除（解約）しました');
    const receiptId = user.receiptId();
    expect(testBot.bot.audit.backlog()).toBeGreaterThan(0);
    const during = await everything(reader, 'CUS-1001');
    expect(during.filter((e) => e.dialogId === 'miemasu-delete-one')).toEqual([]);

    proxy.restore();
    await flushAfterRecovery(testBot);

    const entries = await everything(reader, 'CUS-1001');
    expectDeviceDeletion(entries, receiptId);
    expect(entries.filter((e) => e.dialogId === 'miemasu-delete-one').map((e) => e.kind)).toEqual([
      'dialog-started',
      'disclosure-shown',
      'acknowledged',
      'acknowledged',
      'acknowledged',
      'confirmed',
      'action',
      'dialog-ended',
    ]);
    expect(testBot.bot.audit.backlog()).toBe(0);
  });

  it('a burst of 100 conversations during the cut: after recovery each has all its entries once, in order', async () => {
    const { bot, testBot, proxy, reader } = await start();
    /** A conversation that leaves entries: begin a deletion, verify, stop. */
    const converse = async (userId: string) => {
      const user = slackUser(bot, userId);
      await user.send({ kind: 'start', dialogId: 'miemasu-delete-device' });
      await user.say('camera-empty@example.com');
      await user.say(bot.codeFor('camera-empty@example.com'));
      await user.say('やめる');
    };
    const kindsOf = (entries: AuditEntry[], userId: string) =>
      entries
        .filter((e) => e.conversation === conversationDigest(`slack:T1:D-${userId}`))
        .map((e) => `${e.dialogId}:${e.kind}`);

    await converse('UCONTROL'); // with the database up: what one conversation leaves
    await testBot.bot.audit.flush();
    const control = kindsOf(await everything(reader), 'UCONTROL');
    expect(control.length).toBeGreaterThanOrEqual(2);

    proxy.cut();
    // Ten at a time (each waits for its own one-time code), 100 in all.
    for (let group = 0; group < 10; group++) {
      for (let n = 0; n < 10; n++) await converse(`UBURST${group * 10 + n}`);
    }
    expect(testBot.bot.audit.backlog()).toBeGreaterThanOrEqual(100);
    proxy.restore();
    await flushAfterRecovery(testBot);

    const entries = await reader.query({ limit: 10_000 });
    for (let n = 0; n < 100; n++) expect(kindsOf(entries, `UBURST${n}`)).toEqual(control);
    expect(entries).toHaveLength(control.length * 101);
    expect(testBot.bot.audit.backlog()).toBe(0);
  }, 60_000);
});

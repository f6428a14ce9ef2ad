/**
 * Shared pieces of the audit-log tests: a valid entry to vary, the PostgreSQL probe (skip with a message outside
 * CI, fail in CI), and whole conversations driven like a Slack user through `resolveSpeaker`.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { describe, it } from 'vitest';
import type { AuditEntry } from '../../src/audit-log/entry.js';
import { conversationDigest } from '../../src/audit-log/entry.js';
import { redactDatabaseUrl } from '../../src/audit-log/postgres.js';
import { resolveSpeaker, type SpeakerDeps } from '../../src/channels/speaker.js';
import type { Engine } from '../../src/engine/runtime.js';
import type { Reply, TurnInput } from '../../src/engine/turn.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A valid entry; `overrides` replace top-level fields. */
export function sampleEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: '2026-11-23T01:00:00.000Z',
    kind: 'action',
    actor: { kind: 'customer', id: 'slack:U1' },
    customerId: 'CUS-1001',
    channel: 'slack',
    conversation: conversationDigest('slack:T1:D1'),
    dialogId: 'miemasu-delete-one',
    what: {
      operation: 'deleteMiemasuDevice',
      destructive: true,
      item: { kind: 'device', id: 'DEV-0001', label: 'CameraOA' },
      consequences: ['no-refund', 'license-forfeit', 'data-loss'],
    },
    result: 'ok',
    receiptId: 'RC-KSJ190J5JE',
    ...overrides,
  };
}

/** `2026-11-23T01:00:00.000Z` plus `minutes`. */
export const minutesAfter = (minutes: number, base = '2026-11-23T01:00:00.000Z'): string =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString();

/** True when PostgreSQL answers within two seconds. */
async function postgresIsReachable(url: string): Promise<boolean> {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: 2000, max: 1 });
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/**
 * Probes PostgreSQL once per test file. Unreachable: outside CI prints why the PostgreSQL tests are skipped; in CI
 * (CI=true) registers a failing test instead. Returns whether to run them.
 */
export async function requirePostgres(suite: string): Promise<boolean> {
  const reachable = await postgresIsReachable(PG_URL);
  if (reachable) return true;
  const where = redactDatabaseUrl(PG_URL);
  if (process.env.CI === 'true') {
    describe(suite, () => {
      it('requires a reachable PostgreSQL in CI', () => {
        throw new Error(`PostgreSQL is required in CI (CI=true) but ${where} is unreachable.`);
      });
    });
  } else {
    console.warn(
      `[audit-log tests] PostgreSQL at ${where} is unreachable: skipping "${suite}". ` +
        'Start PostgreSQL or set TEST_DATABASE_URL to run them (they are required when CI=true).',
    );
  }
  return false;
}

/** A schema of its own for one test file's run (dropped afterwards with {@link dropSchema}). */
export function uniqueSchema(): string {
  return `audit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function withAdmin<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: PG_URL, max: 2 });
  pool.on('error', () => undefined);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

export const dropSchema = (schema: string) =>
  withAdmin((pool) => pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

/** The connection string whose sessions use `schema` first (libpq `options=-c search_path=…`). */
export function urlWithSchema(schema: string): string {
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export interface BotUnderTest {
  engine: Engine;
  speakers: SpeakerDeps;
  codeFor(email: string): string;
}

/** One Slack user in the DM `slack:T1:D-<userId>`, resolved as the Slack channel does for every message. */
export function slackUser(bot: BotUnderTest, userId: string) {
  const base = `slack:T1:D-${userId}`;
  let last: Reply[] = [];
  const send = async (input: TurnInput) => {
    const speaker = await resolveSpeaker(bot.speakers, { platform: 'slack', userId }, base);
    last = await bot.engine.handle({
      conversationKey: speaker.conversationKey,
      channel: 'slack',
      actor: speaker.actor,
      credentials: speaker.credentials,
      input,
    });
    return last;
  };
  const version = () => last.at(-1)?.stateVersion ?? 0;
  return {
    base,
    send,
    say: (text: string) => send({ kind: 'text', text }),
    click: (choiceId: string) => send({ kind: 'choice', choiceId, stateVersion: version() }),
    tick: (ackIds: string[]) => send({ kind: 'acknowledge', ackIds, stateVersion: version() }),
    type: (text: string) => send({ kind: 'typed', text, stateVersion: version() }),
    text: () => last.map((reply) => reply.text).join('\n'),
    /** The receipt number the bot told the user last (`RC-…`). */
    receiptId: () => last.map((reply) => reply.receipt?.id).find((id) => id !== undefined),
  };
}

export const DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];

/** camera-two@example.com (CUS-1001) deletes CameraOA (DEV-0001); answers the bot's receipt id. */
export async function deleteCameraOA(bot: BotUnderTest, userId = 'UCUSTOMER'): Promise<string | undefined> {
  const user = slackUser(bot, userId);
  await user.send({ kind: 'start', dialogId: 'miemasu-delete-device' });
  await user.say('camera-two@example.com');
  await user.say(bot.codeFor('camera-two@example.com'));
  await user.click('DEV-0001');
  await user.click('delete');
  await user.tick(DEVICE_ACKS);
  await user.click('confirm');
  if (!user.text().includes('削除（解約）しました'))
    throw new Error(`Deletion did not finish: ${user.text()}`);
  return user.receiptId();
}

/**
 * Agent `UAGENT` (configured in SLACK_AGENT_USERS) acts for portal@example.com (CUS-2001), cancels HMMH061530,
 * and ends acting.
 */
export async function agentCancelsForPortalCustomer(bot: BotUnderTest): Promise<void> {
  const agent = slackUser(bot, 'UAGENT');
  await agent.say('代理対応');
  await agent.say('portal@example.com');
  await agent.tick(['identity-verified']);
  await agent.click('confirm');
  if (!agent.text().includes('代理対応を開始しました')) throw new Error(`No session: ${agent.text()}`);
  await agent.say('HOMEを解約したい');
  await agent.say('HMMH061530');
  await agent.click('cost');
  await agent.click('transfer');
  // Shown before the draft (invariant 10), acknowledged once, at the final confirmation naming the draft.
  await agent.click('proceed');
  await agent.tick(['service-termination', 'minimum-term-charge']);
  await agent.click('confirm');
  if (!agent.text().includes('解約のお申込を承りました')) throw new Error(`Not cancelled: ${agent.text()}`);
  await agent.say('最初から');
  await agent.say('代理終了');
  if (!agent.text().includes('代理対応を終了しました')) throw new Error(`Not ended: ${agent.text()}`);
}

/** A reason typed as free text by portal@example.com, to prove it never reaches the log. */
export const TYPED_REASON = '社内で別のメールサービスに統一するためです。担当 山田 090-1234-5678';

/** portal@example.com cancels HMAO061322 giving {@link TYPED_REASON} as free text. */
export async function cancelWithTypedReason(bot: BotUnderTest, userId = 'UPORTAL'): Promise<void> {
  const user = slackUser(bot, userId);
  await user.say('ポータルの契約を解約したい');
  await user.say('portal@example.com');
  await user.say(bot.codeFor('portal@example.com'));
  await user.say('hmao061322');
  await user.click('other');
  await user.say(TYPED_REASON);
  // The terms are shown before the draft is created (invariant 10), acknowledged once, for the application.
  await user.say('1');
  await user.say('1 2');
  await user.say('はい');
  if (!user.text().includes('解約のお申込を承りました')) throw new Error(`Not cancelled: ${user.text()}`);
}

/** camera-empty@example.com (CUS-1002) withdraws, which needs a typed phrase. */
export async function withdrawWithTypedPhrase(bot: BotUnderTest, userId = 'UEMPTY'): Promise<void> {
  const user = slackUser(bot, userId);
  await user.send({ kind: 'start', dialogId: 'miemasu-withdraw' });
  await user.say('camera-empty@example.com');
  await user.say(bot.codeFor('camera-empty@example.com'));
  await user.tick(['account-deletion']);
  await user.click('confirm');
  await user.type('退会します');
  if (!user.text().includes('退会処理完了')) throw new Error(`Not withdrawn: ${user.text()}`);
}

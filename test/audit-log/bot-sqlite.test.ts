/**
 * The whole bot as `createBot` wires it with the embedded defaults (STORE=sqlite): its audit log is
 * `audit.sqlite` beside SQLITE_PATH, read here through a second log instance on the same file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { auditSqlitePath } from '../../src/audit-log/open.js';
import { createSqliteAuditLog } from '../../src/audit-log/sqlite.js';
import { type Bot, createBot } from '../../src/bot.js';
import { manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { redact } from '../../src/redaction/redact.js';
import type { OutboxMail } from '../../src/sandbox/api/route.js';
import { DEFAULT_TEST_NOW } from '../support/bot-harness.js';
import { everything, expectAgentRun, expectDeviceDeletion } from './full-run.js';
import {
  agentCancelsForPortalCustomer,
  type BotUnderTest,
  cancelWithTypedReason,
  deleteCameraOA,
  sampleEntry,
  slackUser,
  TYPED_REASON,
  withdrawWithTypedPhrase,
} from './support.js';

interface Started extends BotUnderTest {
  bot: Bot;
  /** A second log on the bot's audit file. */
  log: AuditLog;
  outbox: OutboxMail[];
  events: EngineEvent[];
  errors: unknown[];
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'audit-bot-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function startBot(dir: string, env: Record<string, string> = {}): Promise<Started> {
  const config = loadConfig({
    STORE: 'sqlite',
    SQLITE_PATH: join(dir, 'conversations.sqlite'),
    LOG_LEVEL: 'silent',
    SLACK_AGENT_USERS: 'UAGENT',
    ...env,
  });
  const outbox: OutboxMail[] = [];
  const events: EngineEvent[] = [];
  const errors: unknown[] = [];
  const bot = await createBot(config, {
    bundle: procedureBundle(),
    clock: manualClock(DEFAULT_TEST_NOW),
    sandboxInMemory: true,
    onMail: (mail) => outbox.push(mail),
    onEvent: (event) => {
      events.push(event);
    },
    onError: (error) => errors.push(error),
  });
  const log = await createSqliteAuditLog({ path: auditSqlitePath(config) });
  cleanups.push(async () => {
    await log.close();
    await bot.close();
  });
  return {
    bot,
    log,
    outbox,
    events,
    errors,
    engine: bot.engine,
    speakers: bot.channels.speakers,
    codeFor(email) {
      const mail = outbox.filter((m) => m.to === email).at(-1);
      if (!mail) throw new Error(`No one-time code was mailed to ${email}`);
      return mail.code;
    },
  };
}

describe('the bot’s audit log on SQLite', () => {
  it('a device deletion writes disclosure, acknowledgements, confirmation and action, naming actor and customer', async () => {
    const started = await startBot(await tempDir());
    const receiptId = await deleteCameraOA(started);
    expectDeviceDeletion(await everything(started.log, 'CUS-1001'), receiptId);
    expect(started.errors).toEqual([]);
  });

  it('a disclosure the customer walked away from is still recorded (shown, never confirmed)', async () => {
    const started = await startBot(await tempDir());
    const user = slackUser(started, 'UWALKER');
    await user.send({ kind: 'start', dialogId: 'miemasu-delete-device' });
    await user.say('camera-two@example.com');
    await user.say(started.codeFor('camera-two@example.com'));
    await user.click('DEV-0001');
    await user.click('delete');
    await user.say('やめる');
    const entries = await everything(started.log, 'CUS-1001');
    const shown = entries.filter((entry) => entry.kind === 'disclosure-shown');
    expect(shown).toHaveLength(1);
    expect(shown[0]?.what.consequences).toEqual(['no-refund', 'license-forfeit', 'data-loss']);
    expect(shown[0]?.what.item?.id).toBe('DEV-0001');
    expect(entries.some((entry) => entry.kind === 'confirmed' || entry.kind === 'action')).toBe(false);
  });

  it('an agent run names both the agent and the customer', async () => {
    const started = await startBot(await tempDir());
    await agentCancelsForPortalCustomer(started);
    expectAgentRun(await everything(started.log, 'CUS-2001'));
    expect(started.errors).toEqual([]);
  });

  it('nothing typed by users, no e-mail address, token, code or conversation key reaches the log', async () => {
    const started = await startBot(await tempDir());
    await deleteCameraOA(started);
    await agentCancelsForPortalCustomer(started);
    await cancelWithTypedReason(started);
    await withdrawWithTypedPhrase(started);
    const entries = await everything(started.log);
    expect(started.errors).toEqual([]);
    expect(new Set(entries.map((entry) => entry.kind))).toEqual(
      new Set([
        'dialog-started',
        'identity-verified',
        'customer-lookup',
        'agent-session-started',
        'agent-session-ended',
        'disclosure-shown',
        'acknowledged',
        'confirmed',
        'action',
        'dialog-ended',
        'satisfaction',
      ]),
    );
    // The log's redaction patterns (e-mail, phone, bearer / JWT / Slack tokens, key=value secrets, secret fields)
    // find nothing to mask in any entry.
    expect(redact(entries)).toEqual(entries);

    const json = JSON.stringify(entries);
    const secrets = [
      ...started.outbox.flatMap((mail) => [mail.to, mail.code]),
      ...started.events.flatMap((event) => tokensIn(event)),
    ];
    expect(secrets.length).toBeGreaterThan(6);
    for (const secret of secrets) expect(json).not.toContain(secret);
    expect(json).not.toContain('@');
    expect(json).not.toContain('slack:T1');
    for (const typed of TYPED_REASON.split(/[、。 ]/).filter((part) => part.length >= 2)) {
      expect(json).not.toContain(typed);
    }
    // The typed reason was shown as a fact, and is recorded as omitted.
    expect(json).toContain('[entered by the user: not recorded]');
    expect(entries.some((entry) => entry.what.typedConfirmation === true)).toBe(true);
  });

  it('purges entries past AUDIT_RETENTION_DAYS when it starts, and keeps the rest', async () => {
    const dir = await tempDir();
    const config = loadConfig({ SQLITE_PATH: join(dir, 'conversations.sqlite') });
    const before = await createSqliteAuditLog({ path: auditSqlitePath(config), schema: 'migrate-if-new' });
    // The bot's clock is DEFAULT_TEST_NOW (2026-11-23T10:00+09:00): 31 days before is past a 30-day retention.
    const old = sampleEntry({ at: '2026-10-23T00:00:00.000Z' });
    const recent = sampleEntry({ at: '2026-10-25T00:00:00.000Z' });
    await before.append([old, recent]);
    await before.close();
    const started = await startBot(dir, { AUDIT_RETENTION_DAYS: '30' });
    expect(started.errors).toEqual([]);
    expect(await everything(started.log)).toEqual([recent]);
  });
});

/** Every customer token an event carried (they are in the verification answer's credentials). */
function tokensIn(event: EngineEvent): string[] {
  if (event.kind !== 'call-completed' || !event.outcome.ok) return [];
  const credentials = (event.outcome.data as { credentials?: Record<string, unknown> } | null)?.credentials;
  const token = credentials?.customerToken;
  return typeof token === 'string' ? [token] : [];
}

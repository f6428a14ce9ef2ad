/**
 * A LINE customer's device deletion, with the audit log on PostgreSQL (this run's own schema, dropped afterwards):
 * every entry names the actor by the digest of the LINE user id (`line:<hex>`), and the raw user id appears in no
 * entry, no receipt. Skipped with a message when PostgreSQL is unreachable, unless CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineActorId } from '../../../adapters/line/identity.js';
import { createPostgresAuditLog } from '../../../src/audit-log/postgres.js';
import {
  dropSchema,
  PG_URL,
  requirePostgres,
  uniqueSchema,
  urlWithSchema,
  withAdmin,
} from '../../audit-log/support.js';
import { startLineDriver } from './driver.js';

const USER = 'U4af4980629c0f8a8f1a2b3c4d5e6f708';
const CAMERA = 'camera-two@example.com';

const reachable = await requirePostgres('LINE customer in the audit log');
const schema = uniqueSchema();

describe.skipIf(!reachable)('LINE customer in the audit log', () => {
  beforeAll(async () => {
    await withAdmin((admin) => admin.query(`CREATE SCHEMA "${schema}"`));
  });
  afterAll(async () => {
    await dropSchema(schema);
  });

  it('entries and the receipt name the LINE user only by a digest', async () => {
    // The schema is migrated first (npm run db:migrate); the bot only checks its version.
    const reader = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
    const d = await startLineDriver({ env: { DATABASE_URL: urlWithSchema(schema) } });
    try {
      await d.say(USER, 'カメラを削除したい');
      await d.say(USER, CAMERA);
      await d.say(USER, d.testBot.codeFor(CAMERA));
      await d.click(USER, 'DEV-0001');
      await d.click(USER, 'delete');
      await d.acknowledge(USER, ['no-refund', 'license-forfeit', 'data-loss']);
      await d.click(USER, 'confirm');
      const entries = await reader.query({ limit: 1000 });
      const kinds = entries.map((e) => e.kind);
      expect(kinds).toContain('identity-verified');
      expect(kinds).toContain('acknowledged');
      expect(kinds).toContain('action');
      expect(new Set(entries.map((e) => e.actor.id))).toEqual(new Set([lineActorId(USER)]));
      expect(new Set(entries.map((e) => e.channel))).toEqual(new Set(['line']));
      expect(JSON.stringify(entries)).not.toContain(USER);
      const receiptId = entries.find((e) => e.kind === 'action')?.receiptId;
      expect(receiptId).toBeDefined();
      const receipt = await d.testBot.bot.receipts.read(receiptId ?? '', 'ja');
      expect(JSON.stringify(receipt)).not.toContain(USER);
      expect(JSON.stringify(receipt?.json)).toContain(lineActorId(USER));
    } finally {
      await reader.close();
      await d.close();
    }
  });
});

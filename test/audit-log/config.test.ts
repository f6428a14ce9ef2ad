import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSqlitePath, describeAuditLog, openAuditLog } from '../../src/audit-log/open.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { sampleEntry } from './support.js';

describe('audit-log configuration', () => {
  it('defaults to seven years of retention and no PostgreSQL', () => {
    const config = loadConfig({});
    expect(config.AUDIT_RETENTION_DAYS).toBe(2555);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('accepts postgres:// and postgresql:// URLs and refuses others without echoing the password', () => {
    for (const url of ['postgres://bot:pw@db.internal:5432/helpdesk', 'postgresql://db.internal/helpdesk']) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    const refused = (() => {
      try {
        loadConfig({ DATABASE_URL: 'mysql://bot:hunter2-secret@db/helpdesk', AUDIT_RETENTION_DAYS: '0' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    const message = (refused as ConfigError).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('AUDIT_RETENTION_DAYS');
    expect(message).not.toContain('hunter2-secret');
  });

  it('opens memory with STORE=memory and audit.sqlite beside SQLITE_PATH otherwise', async () => {
    const memory = loadConfig({ STORE: 'memory' });
    expect(describeAuditLog(memory)).toBe('memory');
    const inMemory = await openAuditLog(memory);
    await inMemory.append([sampleEntry()]);
    expect(await inMemory.query({ limit: 1 })).toEqual([sampleEntry()]);
    await inMemory.close();

    const dir = await mkdtemp(join(tmpdir(), 'audit-open-'));
    try {
      const config = loadConfig({ SQLITE_PATH: join(dir, 'data', 'conversations.sqlite') });
      expect(auditSqlitePath(config)).toBe(join(dir, 'data', 'audit.sqlite'));
      expect(describeAuditLog(config)).toBe(join(dir, 'data', 'audit.sqlite'));
      const file = await openAuditLog(config);
      await file.append([sampleEntry()]);
      await file.close();
      const again = await openAuditLog(config);
      expect(await again.query({ limit: 1 })).toEqual([sampleEntry()]);
      await again.close();
      expect(describeAuditLog(loadConfig({ DATABASE_URL: 'postgres://bot:pw@db/helpdesk' }))).toBe(
        'PostgreSQL',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

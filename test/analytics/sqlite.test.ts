import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteAnalytics } from '../../src/analytics/db.js';
import { createSqliteAuditLog } from '../../src/audit-log/sqlite.js';
import { seedEntries } from './fixture.js';
import { analyticsSuite } from './suite.js';

analyticsSuite('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'analytics-'));
  const path = join(dir, 'audit.sqlite');
  const log = await createSqliteAuditLog({ path, schema: 'migrate' });
  await log.append(seedEntries('sqlite'));
  await log.close();
  const db = openSqliteAnalytics(path);
  return {
    db,
    tag: 'sqlite',
    async cleanup() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

/**
 * The dashboard's routes served on 127.0.0.1:0 over a SQLite audit log seeded with the analytics data set
 * (`test/analytics/fixture.ts`), written by the real audit-log writer. The clock is fixed at 2026-11-30 (Tokyo),
 * so the default window (the last 30 days) holds the whole data set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { procedureBundle } from '../../dialogs/index.js';
import { procedureNames } from '../../src/admin/procedure-names.js';
import { adminRoutes } from '../../src/admin/routes.js';
import { openSqliteAnalytics } from '../../src/analytics/db.js';
import { createSqliteAuditLog } from '../../src/audit-log/sqlite.js';
import { serve } from '../../src/http/serve.js';
import { seedEntries } from '../analytics/fixture.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const NOW = new Date('2026-11-30T03:00:00.000Z');

const bundle = procedureBundle();
/** The procedures' names as the server gives them: the real dialogs' titles. */
const names = procedureNames(bundle.dialogs, bundle.catalogs);

export interface AdminHarness {
  url: string;
  close(): Promise<void>;
}

export async function startAdmin(
  options: { retentionDays?: number; seeded?: boolean } = {},
): Promise<AdminHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'admin-'));
  const path = join(dir, 'audit.sqlite');
  const log = await createSqliteAuditLog({ path, schema: 'migrate' });
  if (options.seeded ?? true) await log.append(seedEntries('admin'));
  await log.close();
  const analytics = openSqliteAnalytics(path);
  const served = await serve(
    adminRoutes({
      token: ADMIN_TOKEN,
      analytics,
      retentionDays: options.retentionDays ?? 2555,
      now: () => NOW,
      procedureNames: names,
      secureCookie: false,
    }),
    { host: '127.0.0.1', port: 0 },
  );
  return {
    url: served.url,
    async close() {
      await served.close();
      await analytics.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

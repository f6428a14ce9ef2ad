import { openPostgresAnalytics } from '../../src/analytics/db.js';
import { createPostgresAuditLog } from '../../src/audit-log/postgres.js';
import { dropSchema, PG_URL, requirePostgres, uniqueSchema } from '../audit-log/support.js';
import { seedEntries } from './fixture.js';
import { analyticsSuite } from './suite.js';

if (await requirePostgres('analytics on PostgreSQL')) {
  analyticsSuite('PostgreSQL', async () => {
    const schema = uniqueSchema();
    // The schema as `npm run db:migrate` creates it (every migration, indexes included).
    const log = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
    await log.append(seedEntries(schema));
    await log.close();
    const db = await openPostgresAnalytics({ connectionString: PG_URL, schema });
    return {
      db,
      tag: schema,
      async cleanup() {
        await db.close();
        await dropSchema(schema);
      },
    };
  });
}

/** The channels and procedures seen in the window, whatever the other filters (for the filter menus). */
import type { AnalyticsDb } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { counts } from './source.js';
import { Statement } from './sql.js';
import type { FilterChoices } from './types.js';

export async function choices(db: AnalyticsDb, filters: AnalyticsFilters): Promise<FilterChoices> {
  const q = new Statement(db.dialect);
  const source = counts(q, db, filters, ['dialog-started', 'faq'], { unfiltered: true });
  const rows = await db.all(
    `SELECT DISTINCT channel AS c,
       CASE WHEN kind = 'dialog-started' AND counted = 1 THEN dialog_id END AS p FROM ${source} s`,
    q.params,
  );
  const pick = (k: 'c' | 'p') =>
    [
      ...new Set(
        rows
          .map((row) => row[k])
          .filter((v) => v !== null && v !== undefined)
          .map(String),
      ),
    ].sort();
  return { channels: pick('c'), procedures: pick('p') };
}

/** The satisfaction answers in the window: scores 1 … 5 (their mean and distribution) and skips. */
import type { AnalyticsDb } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { counts, num } from './source.js';
import { Statement } from './sql.js';
import type { Satisfaction } from './types.js';

export async function satisfaction(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Satisfaction> {
  const q = new Statement(db.dialect);
  const rows = await db.all(
    `SELECT score, outcome, SUM(n) AS n FROM ${counts(q, db, filters, ['satisfaction'])} c GROUP BY score, outcome`,
    q.params,
  );
  const summary: Satisfaction = { count: 0, skipped: 0, mean: null, distribution: [0, 0, 0, 0, 0] };
  let sum = 0;
  for (const row of rows) {
    const n = num(row.n);
    const score = Number(row.score);
    if (Number.isInteger(score) && score >= 1 && score <= 5) {
      summary.distribution[score - 1] = (summary.distribution[score - 1] ?? 0) + n;
      summary.count += n;
      sum += score * n;
    } else if (row.outcome === 'skipped') summary.skipped += n;
  }
  if (summary.count > 0) summary.mean = Math.round((sum / summary.count) * 100) / 100;
  return summary;
}

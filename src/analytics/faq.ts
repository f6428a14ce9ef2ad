/**
 * FAQ outcomes and the most declined questions. A question appears in the top list only when it was declined at
 * least `minCount` times (default 2): a question asked once may describe one customer, and the list is an
 * aggregate.
 */
import type { AnalyticsDb } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { counts, num } from './source.js';
import { Statement } from './sql.js';
import type { FaqSummary } from './types.js';

export async function faq(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  options: { top?: number; minCount?: number } = {},
): Promise<FaqSummary> {
  const outcomes = new Statement(db.dialect);
  const top = new Statement(db.dialect);
  const [outcomeRows, topRows] = await Promise.all([
    db.all(
      `SELECT outcome, SUM(n) AS n FROM ${counts(outcomes, db, filters, ['faq'])} c GROUP BY outcome`,
      outcomes.params,
    ),
    db.all(
      `SELECT TRIM(declined) AS question, SUM(n) AS total FROM ${counts(top, db, filters, ['faq'])} c
        WHERE outcome = 'declined' AND TRIM(declined) <> ''
        GROUP BY TRIM(declined) HAVING SUM(n) >= ${top.param(options.minCount ?? 2)}
        ORDER BY total DESC, question LIMIT ${top.param(options.top ?? 10)}`,
      top.params,
    ),
  ]);
  const summary: FaqSummary = { answered: 0, declined: 0, escalated: 0, notHelpful: 0, topDeclined: [] };
  for (const row of outcomeRows) {
    const n = num(row.n);
    if (row.outcome === 'answered') summary.answered += n;
    else if (row.outcome === 'declined') summary.declined += n;
    else if (row.outcome === 'escalated') summary.escalated += n;
    else if (row.outcome === 'not-helpful') summary.notHelpful += n;
  }
  summary.topDeclined = topRows.map((row) => ({ question: String(row.question), count: num(row.total) }));
  return summary;
}

/** Everything the dashboard shows; the queries run side by side (PostgreSQL: as many as the pool allows). */
import { choices } from './choices.js';
import { daily } from './daily.js';
import type { AnalyticsDb } from './db.js';
import { faq } from './faq.js';
import type { AnalyticsFilters } from './filters.js';
import { funnel } from './funnel.js';
import { openRunsByProcedure } from './open-runs.js';
import { satisfaction } from './satisfaction.js';
import type { Dashboard } from './types.js';

export async function dashboard(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Dashboard> {
  // The runs left open are asked once, for the funnel and the daily series.
  const openRuns = openRunsByProcedure(db, filters);
  const [f, d, s, q, c] = await Promise.all([
    funnel(db, filters, openRuns),
    daily(db, filters, openRuns),
    satisfaction(db, filters),
    faq(db, filters),
    choices(db, filters),
  ]);
  return { funnel: f, daily: d, satisfaction: s, faq: q, choices: c };
}

/**
 * Whether and how the dashboard runs: with `ADMIN_TOKEN`, always; without it, only in demo mode, on a random
 * token made at start (the start-up lines print it, as the demo prints one-time codes); otherwise off (no
 * `/admin` routes at all — in production an unset ADMIN_TOKEN means no dashboard).
 */
import { randomBytes } from 'node:crypto';
import { type AnalyticsDb, openAnalytics } from '../analytics/db.js';
import { type Config, demoMode } from '../config.js';
import type { Route } from '../http/routes.js';
import { NO_PROCEDURE_NAMES, type ProcedureNames } from './procedure-names.js';
import { adminRoutes } from './routes.js';

export interface AdminDashboard {
  routes: Route[];
  /** The start-up line about the dashboard (the demo token included in demo mode only). */
  banner: string;
  close(): Promise<void>;
}

/** `names`: the procedures' names shown for their ids (the dialogs' titles). */
export async function adminDashboard(
  config: Config,
  now: () => Date,
  names: ProcedureNames = NO_PROCEDURE_NAMES,
): Promise<AdminDashboard> {
  const demoToken =
    config.ADMIN_TOKEN === undefined && demoMode(config) ? randomBytes(18).toString('base64url') : undefined;
  const token = config.ADMIN_TOKEN ?? demoToken;
  if (token === undefined) {
    return { routes: [], banner: 'off (set ADMIN_TOKEN to open /admin)', close: async () => {} };
  }
  const analytics: AnalyticsDb | undefined = await openAnalytics(config);
  return {
    routes: adminRoutes({
      token,
      analytics,
      retentionDays: config.AUDIT_RETENTION_DAYS,
      idleLimitMs: config.CONVERSATION_IDLE_HOURS * 3600_000,
      now,
      procedureNames: names,
      secureCookie: config.NODE_ENV === 'production',
    }),
    banner: demoToken ? `/admin (demo token: ${demoToken}; demo mode only)` : '/admin (ADMIN_TOKEN)',
    close: async () => analytics?.close(),
  };
}

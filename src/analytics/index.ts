export { dailyCsv, funnelCsv } from './csv.js';
export { type AnalyticsDb, openAnalytics, openPostgresAnalytics, openSqliteAnalytics } from './db.js';
export { type AnalyticsFilters, clampToRetention, parseFilters, tokyoDay, tokyoDayStart } from './filters.js';
export * from './queries.js';

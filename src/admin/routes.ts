/**
 * The dashboard's routes under `/admin`, for the bot's HTTP server (`src/http/serve.ts`):
 *
 *   GET  /admin               the dashboard (signed in) or the sign-in form (401)
 *   POST /admin/login         form `token` → session cookie, 303 to /admin; a wrong token → 401 form
 *   POST /admin/logout        clears the cookie, 303 to /admin
 *   GET  /admin/funnel.csv    the funnel of the same filters as CSV (signed in or bearer)
 *   GET  /admin/daily.csv     the daily series as CSV
 *   GET  /admin/assets/*      dashboard.css, dashboard.js and Chart.js (from node_modules: no CDN)
 *
 * Every answer carries a strict CSP (scripts and styles from this origin only, no inline code, no framing) and
 * `no-store`. Only aggregates leave: see `src/analytics/queries.ts`.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dailyCsv, funnelCsv } from '../analytics/csv.js';
import type { AnalyticsDb } from '../analytics/db.js';
import { parseFilters } from '../analytics/filters.js';
import { daily, dashboard, funnel } from '../analytics/queries.js';
import { type Route, readBody } from '../http/routes.js';
import { type AdminAuth, adminAuth } from './auth.js';
import { adminLocale } from './messages.js';
import { dashboardPage, loginPage, type PageFilters, unavailablePage } from './page.js';
import { NO_PROCEDURE_NAMES, type ProcedureNames } from './procedure-names.js';

export const ADMIN_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export interface AdminOptions {
  /** The token; the routes are not created without one (the dashboard is off). */
  token: string;
  /** `undefined`: the audit log has no SQL (STORE=memory); the dashboard says so. */
  analytics: AnalyticsDb | undefined;
  retentionDays: number;
  /** The conversation idle limit (CONVERSATION_IDLE_HOURS): older runs with no end count as abandoned. */
  idleLimitMs?: number;
  now: () => Date;
  /** The procedures' names (their dialogs' titles) shown for their ids; default none (ids shown). */
  procedureNames?: ProcedureNames;
  /** Mark the session cookie Secure (production: served over HTTPS). */
  secureCookie: boolean;
}

interface Asset {
  body: Buffer;
  type: string;
}

/** The page's files, read once: Chart.js's UMD build from node_modules (beside its CommonJS entry point). */
function loadAssets(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const here = new URL('./public/', import.meta.url);
  return new Map<string, Asset>([
    [
      'chart.umd.min.js',
      {
        body: readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js')),
        type: 'text/javascript; charset=utf-8',
      },
    ],
    [
      'dashboard.js',
      { body: readFileSync(new URL('dashboard.js', here)), type: 'text/javascript; charset=utf-8' },
    ],
    [
      'dashboard.css',
      { body: readFileSync(new URL('dashboard.css', here)), type: 'text/css; charset=utf-8' },
    ],
  ]);
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  response.writeHead(status, { ...ADMIN_HEADERS, ...headers });
  response.end(body);
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const query = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://local').searchParams;

export function adminRoutes(options: AdminOptions): Route[] {
  const auth: AdminAuth = adminAuth(options.token, { secureCookie: options.secureCookie });
  const assets = loadAssets();
  const names = options.procedureNames ?? NO_PROCEDURE_NAMES;
  const locale = (request: IncomingMessage, params = query(request)) =>
    adminLocale(params, request.headers['accept-language']);

  const filtersOf = (params: URLSearchParams) => {
    const parsed = parseFilters(params, options.now(), options.retentionDays, options.idleLimitMs);
    const page: PageFilters = {
      from: parsed.from,
      to: parsed.to,
      channel: parsed.filters.channel,
      procedure: parsed.filters.dialogId,
      language: parsed.filters.language,
    };
    return { filters: parsed.filters, page };
  };

  /** Refuses an unauthorised request (401 with the sign-in form); answers whether to go on. */
  const guard = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (auth.authorized(request)) return true;
    send(response, 401, loginPage(locale(request)), HTML);
    return false;
  };

  const csvRoute = (name: 'funnel' | 'daily'): Route => ({
    method: 'GET',
    path: `/admin/${name}.csv`,
    async handle(request, response) {
      if (!guard(request, response)) return;
      if (!options.analytics) {
        send(response, 503, unavailablePage(locale(request)), HTML);
        return;
      }
      const { filters, page } = filtersOf(query(request));
      const body =
        name === 'funnel'
          ? funnelCsv(await funnel(options.analytics, filters), (id) => names(id, locale(request)))
          : dailyCsv(await daily(options.analytics, filters));
      send(response, 200, body, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}-${page.from}_${page.to}.csv"`,
      });
    },
  });

  return [
    {
      method: 'GET',
      path: '/admin',
      async handle(request, response) {
        if (!guard(request, response)) return;
        const params = query(request);
        const lang = locale(request, params);
        if (!options.analytics) {
          send(response, 200, unavailablePage(lang), HTML);
          return;
        }
        const { filters, page } = filtersOf(params);
        const data = await dashboard(options.analytics, filters);
        const named = (id: string) => names(id, lang);
        send(response, 200, dashboardPage(lang, data, page, options.retentionDays, named), HTML);
      },
    },
    {
      method: 'POST',
      path: '/admin/login',
      async handle(request, response) {
        const form = new URLSearchParams(await readBody(request, 4096));
        const lang = adminLocale(form, request.headers['accept-language']);
        const now = options.now().getTime();
        if (!auth.mayTry(now)) {
          send(response, 429, loginPage(lang, 'tooManyAttempts'), { ...HTML, 'retry-after': '60' });
          return;
        }
        if (!auth.tokenMatches(form.get('token') ?? '')) {
          auth.failed(now);
          send(response, 401, loginPage(lang, 'badToken'), HTML);
          return;
        }
        send(response, 303, '', { location: `/admin?lang=${lang}`, 'set-cookie': auth.sessionCookie() });
      },
    },
    {
      method: 'POST',
      path: '/admin/logout',
      async handle(request, response) {
        const form = new URLSearchParams(await readBody(request, 4096));
        const lang = adminLocale(form, request.headers['accept-language']);
        send(response, 303, '', { location: `/admin?lang=${lang}`, 'set-cookie': auth.clearCookie() });
      },
    },
    csvRoute('funnel'),
    csvRoute('daily'),
    {
      method: 'GET',
      path: '/admin/assets/*',
      handle(request, response) {
        const name = new URL(request.url ?? '/', 'http://local').pathname.slice('/admin/assets/'.length);
        const asset = assets.get(name);
        if (!asset) send(response, 404, 'not found', { 'content-type': 'text/plain; charset=utf-8' });
        else send(response, 200, asset.body, { 'content-type': asset.type, 'cache-control': 'no-cache' });
      },
    },
  ];
}

/**
 * The dashboard's HTML, rendered on the server: every number is in a table (readable without scripts, by screen
 * readers, and at 360 px by scrolling the table alone); the charts drawn by `public/dashboard.js` repeat the
 * tables and read their data from a JSON block (not a script: the CSP runs no inline code).
 */
import type { Dashboard, ProcedureFunnel } from '../analytics/queries.js';
import type { Locale } from '../engine/turn.js';
import { type AdminMessage, adminText } from './messages.js';

export const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const html = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const percent = (value: number | null, locale: Locale): string =>
  value === null
    ? '—'
    : `${(value * 100).toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 })}%`;

function shell(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<link rel="stylesheet" href="/admin/assets/dashboard.css">
</head>
<body>
${body}
</body>
</html>
`;
}

export function loginPage(locale: Locale, problem?: 'badToken' | 'tooManyAttempts'): string {
  const t = (key: AdminMessage) => html(adminText(locale, key));
  const other = locale === 'ja' ? 'en' : 'ja';
  return shell(
    locale,
    adminText(locale, 'loginTitle'),
    `<main class="login">
<h1>${t('loginTitle')}</h1>
<p>${t('loginHelp')}</p>
${problem ? `<p class="problem" role="alert">${t(problem)}</p>` : ''}
<form method="post" action="/admin/login">
<input type="hidden" name="lang" value="${locale}">
<label for="token">${t('tokenLabel')}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">${t('signIn')}</button>
</form>
<p><a href="/admin?lang=${other}" lang="${other}">${t('otherLanguage')}</a></p>
</main>`,
  );
}

export function unavailablePage(locale: Locale): string {
  return shell(
    locale,
    adminText(locale, 'title'),
    `<main><h1>${html(adminText(locale, 'title'))}</h1><p>${html(adminText(locale, 'unavailable'))}</p></main>`,
  );
}

export interface PageFilters {
  from: string;
  to: string;
  channel?: string | undefined;
  procedure?: string | undefined;
  language?: 'ja' | 'en' | undefined;
}

/** The query string of the filters (for CSV links and the language switch). */
export function filterQuery(filters: PageFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.channel) query.set('channel', filters.channel);
  if (filters.procedure) query.set('procedure', filters.procedure);
  if (filters.language) query.set('language', filters.language);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}

function select(
  id: string,
  label: string,
  options: string[],
  chosen: string | undefined,
  allLabel: string,
  names: Record<string, string> = {},
): string {
  const items = [
    `<option value="">${html(allLabel)}</option>`,
    ...options.map(
      (value) =>
        `<option value="${html(value)}"${value === chosen ? ' selected' : ''}>${html(names[value] ?? value)}</option>`,
    ),
  ];
  return `<div class="field"><label for="${id}">${html(label)}</label><select id="${id}" name="${id}">${items.join('')}</select></div>`;
}

/** A procedure's name in the page's language (its dialog's title); `undefined` shows its id. */
export type NameOf = (dialogId: string) => string | undefined;

function funnelSection(locale: Locale, p: ProcedureFunnel, index: number, nameOf: NameOf): string {
  const name = nameOf(p.dialogId) ?? p.dialogId;
  const t = (key: AdminMessage, values: Record<string, string | number> = {}) =>
    html(adminText(locale, key, values));
  const rows: Array<[string, number]> = [[t('started'), p.started]];
  for (const step of p.steps) {
    if (step.kind === 'shown') rows.push([t('shown', { node: step.node }), step.count]);
    else if (step.kind === 'acknowledged')
      rows.push([t('acknowledged', { ack: step.acknowledgement ?? '' }), step.count]);
    else rows.push([t('confirmed', { node: step.node }), step.count]);
  }
  rows.push([t('completed'), p.completed]);
  const share = (n: number) => percent(p.started > 0 ? n / p.started : null, locale);
  const body = rows
    .map(([label, n], i) => {
      const previous = i > 0 ? (rows[i - 1]?.[1] ?? 0) : undefined;
      const drop =
        previous === undefined || previous === 0
          ? '—'
          : `${previous - n} (${percent((previous - n) / previous, locale)})`;
      return `<tr><th scope="row">${label}</th><td>${n}</td><td>${share(n)}</td><td>${drop}</td></tr>`;
    })
    .join('');
  const endings: Array<[AdminMessage, number]> = [
    ['contained', p.contained],
    ['resolved', p.resolved],
    ['stopped', p.stopped],
    ['abandoned', p.abandoned],
    ['handoffLive', p.handoffLive],
    ['handoffRequest', p.handoffRequest],
    ['endedHandoff', p.endedHandoff],
    ['failed', p.failed],
    ['unknown', p.unknown],
    ['inProgress', p.inProgress],
  ];
  return `<article class="procedure" aria-labelledby="proc-${index}">
<h3 id="proc-${index}">${html(name)}${name === p.dialogId ? '' : ` <small class="id">${html(p.dialogId)}</small>`}</h3>
<dl class="kpis">
<div><dt>${t('containment')}</dt><dd>${percent(p.containment, locale)}</dd><dd class="help">${t('containmentHelp')}</dd></div>
<div><dt>${t('abandonmentRate')}</dt><dd>${percent(p.abandonmentRate, locale)}</dd></div>
</dl>
<div class="chart"><canvas data-chart="funnel" data-index="${index}" role="img" aria-label="${t('funnelChart', { procedure: name })}"></canvas></div>
<div class="scroll" tabindex="0" role="region" aria-labelledby="proc-${index}"><table class="funnel">
<thead><tr><th scope="col">${t('step')}</th><th scope="col">${t('count')}</th><th scope="col">${t('ofStarted')}</th><th scope="col">${t('dropOff')}</th></tr></thead>
<tbody>${body}</tbody></table></div>
<h4>${t('endings')}</h4>
<div class="scroll"><table class="endings"><tbody>${endings.map(([key, n]) => `<tr><th scope="row">${t(key)}</th><td>${n}</td><td>${share(n)}</td></tr>`).join('')}</tbody></table></div>
</article>`;
}

/** The names of the procedures that have one, by id (for the procedure filter's options). */
function procedureNamesOf(ids: readonly string[], nameOf: NameOf): Record<string, string> {
  const names: Record<string, string> = {};
  for (const id of ids) {
    const name = nameOf(id);
    if (name !== undefined) names[id] = name;
  }
  return names;
}

export function dashboardPage(
  locale: Locale,
  data: Dashboard,
  filters: PageFilters,
  retentionDays: number,
  nameOf: NameOf = () => undefined,
): string {
  const t = (key: AdminMessage, values: Record<string, string | number> = {}) =>
    html(adminText(locale, key, values));
  const other = locale === 'ja' ? 'en' : 'ja';
  const csv = (name: string) => `/admin/${name}.csv?${html(filterQuery(filters, { lang: locale }))}`;
  const funnels =
    data.funnel.length > 0
      ? data.funnel.map((p, i) => funnelSection(locale, p, i, nameOf)).join('\n')
      : `<p>${t('noData')}</p>`;
  const days = data.daily
    .map(
      (d) =>
        `<tr><th scope="row">${d.day}</th><td>${d.started}</td><td>${d.handedOff}</td><td>${percent(d.handoffRate, locale)}</td><td>${d.abandoned}</td><td>${percent(d.abandonmentRate, locale)}</td></tr>`,
    )
    .join('');
  const s = data.satisfaction;
  const f = data.faq;
  const chartData = {
    labels: {
      started: adminText(locale, 'started'),
      completed: adminText(locale, 'completed'),
      handoffRate: adminText(locale, 'handoffRate'),
      abandonmentRate: adminText(locale, 'abandonmentRate'),
      count: adminText(locale, 'count'),
      shown: adminText(locale, 'shown', { node: '' }).replace(/[（(]\s*[)）]/, ''),
      confirmed: adminText(locale, 'confirmed', { node: '' }).replace(/[（(]\s*[)）]/, ''),
    },
    funnel: data.funnel.map((p) => ({ started: p.started, steps: p.steps, completed: p.completed })),
    daily: data.daily,
    satisfaction: s.distribution,
  };
  const json = JSON.stringify(chartData).replace(/</g, '\\u003c');
  const languageNames: Record<string, string> = { ja: '日本語', en: 'English' };
  return shell(
    locale,
    adminText(locale, 'title'),
    `<header class="top">
<h1>${t('title')}</h1>
<nav>
<a href="/admin?${html(filterQuery(filters, { lang: other }))}" lang="${other}">${t('otherLanguage')}</a>
<form method="post" action="/admin/logout"><input type="hidden" name="lang" value="${locale}"><button type="submit">${t('signOut')}</button></form>
</nav>
</header>
<main>
<form class="filters" method="get" action="/admin" aria-labelledby="filters-h">
<h2 id="filters-h">${t('filters')}</h2>
<input type="hidden" name="lang" value="${locale}">
<div class="field"><label for="from">${t('from')}</label><input id="from" name="from" type="date" value="${html(filters.from)}"></div>
<div class="field"><label for="to">${t('to')}</label><input id="to" name="to" type="date" value="${html(filters.to)}"></div>
${select('channel', adminText(locale, 'channel'), data.choices.channels, filters.channel, adminText(locale, 'all'))}
${select('procedure', adminText(locale, 'procedure'), data.choices.procedures, filters.procedure, adminText(locale, 'all'), procedureNamesOf(data.choices.procedures, nameOf))}
${select('language', adminText(locale, 'language'), ['ja', 'en'], filters.language, adminText(locale, 'all'), languageNames)}
<button type="submit">${t('apply')}</button>
<p class="note">${t('window', { days: retentionDays })}</p>
</form>
<section aria-labelledby="funnel-h">
<h2 id="funnel-h">${t('funnel')}</h2>
<p class="downloads"><a href="${csv('funnel')}" download>${t('funnelCsv')}</a></p>
${funnels}
</section>
<section aria-labelledby="time-h">
<h2 id="time-h">${t('overTime')}</h2>
<p class="downloads"><a href="${csv('daily')}" download>${t('dailyCsv')}</a></p>
${data.daily.length > 0 ? `<div class="chart"><canvas data-chart="rates" role="img" aria-label="${t('ratesChart')}"></canvas></div>` : `<p>${t('noData')}</p>`}
<div class="scroll" tabindex="0" role="region" aria-labelledby="time-h"><table>
<thead><tr><th scope="col">${t('day')}</th><th scope="col">${t('started')}</th><th scope="col">${t('handedOff')}</th><th scope="col">${t('handoffRate')}</th><th scope="col">${t('abandoned')}</th><th scope="col">${t('abandonmentRate')}</th></tr></thead>
<tbody>${days}</tbody></table></div>
</section>
<section aria-labelledby="sat-h">
<h2 id="sat-h">${t('satisfaction')}</h2>
<dl class="kpis">
<div><dt>${t('mean')}</dt><dd>${s.mean === null ? '—' : s.mean.toFixed(2)}</dd></div>
<div><dt>${t('answers')}</dt><dd>${s.count}</dd></div>
<div><dt>${t('skipped')}</dt><dd>${s.skipped}</dd></div>
</dl>
<div class="chart small"><canvas data-chart="satisfaction" role="img" aria-label="${t('satisfactionChart')}"></canvas></div>
<div class="scroll"><table><thead><tr><th scope="col">${t('score')}</th><th scope="col">${t('count')}</th></tr></thead>
<tbody>${s.distribution.map((n, i) => `<tr><th scope="row">${i + 1}</th><td>${n}</td></tr>`).join('')}</tbody></table></div>
</section>
<section aria-labelledby="faq-h">
<h2 id="faq-h">${t('faq')}</h2>
<div class="scroll"><table><tbody>
<tr><th scope="row">${t('faqAnswered')}</th><td>${f.answered}</td></tr>
<tr><th scope="row">${t('faqDeclined')}</th><td>${f.declined}</td></tr>
<tr><th scope="row">${t('faqEscalated')}</th><td>${f.escalated}</td></tr>
<tr><th scope="row">${t('faqNotHelpful')}</th><td>${f.notHelpful}</td></tr>
</tbody></table></div>
<h3>${t('topDeclined')}</h3>
${f.topDeclined.length > 0 ? `<div class="scroll"><table class="declined"><thead><tr><th scope="col">${t('question')}</th><th scope="col">${t('count')}</th></tr></thead><tbody>${f.topDeclined.map((q) => `<tr><td>${html(q.question)}</td><td>${q.count}</td></tr>`).join('')}</tbody></table></div>` : `<p>${t('noData')}</p>`}
</section>
</main>
<script type="application/json" id="dashboard-data">${json}</script>
<script src="/admin/assets/chart.umd.min.js"></script>
<script src="/admin/assets/dashboard.js"></script>`,
  );
}

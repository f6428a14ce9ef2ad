/**
 * CSV exports of the dashboard's tables (RFC 4180: CRLF, quoted when needed; a leading `=`, `+`, `-`, `@` is
 * prefixed with `'` so a spreadsheet never runs a cell as a formula). UTF-8 with a BOM, so spreadsheet programs
 * read Japanese correctly. Only aggregates: procedure and node names, counts and rates.
 */
import type { DayPoint, ProcedureFunnel } from './types.js';

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function table(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * One row per procedure and step, in funnel order; `share` = count ÷ started (4 decimals). The procedure by id
 * and by name (`nameOf`: its dialog's title in the page's language; empty when it has none).
 */
export function funnelCsv(
  funnel: readonly ProcedureFunnel[],
  nameOf: (dialogId: string) => string | undefined = () => undefined,
): string {
  const rows: Cell[][] = [];
  for (const p of funnel) {
    const share = (n: number): Cell => (p.started > 0 ? Math.round((n / p.started) * 10_000) / 10_000 : null);
    const name = nameOf(p.dialogId) ?? '';
    const row = (step: string, n: number, node = '', ack = ''): void => {
      rows.push([p.dialogId, name, step, node, ack, n, share(n)]);
    };
    row('started', p.started);
    for (const s of p.steps) row(s.kind, s.count, s.node, s.acknowledgement ?? '');
    row('completed', p.completed);
    row('contained', p.contained);
    row('resolved', p.resolved);
    row('stopped', p.stopped);
    row('abandoned', p.abandoned);
    row('handoff-live', p.handoffLive);
    row('handoff-request', p.handoffRequest);
    row('ended-handoff', p.endedHandoff);
    row('failed', p.failed);
    row('unknown', p.unknown);
    row('in-progress', p.inProgress);
  }
  return table(
    ['procedure', 'procedure_name', 'step', 'node', 'acknowledgement', 'count', 'share_of_started'],
    rows,
  );
}

/** One row per Asia/Tokyo day. */
export function dailyCsv(days: readonly DayPoint[]): string {
  return table(
    ['day_asia_tokyo', 'started', 'handed_off', 'abandoned', 'handoff_rate', 'abandonment_rate'],
    days.map((d) => [d.day, d.started, d.handedOff, d.abandoned, d.handoffRate, d.abandonmentRate]),
  );
}

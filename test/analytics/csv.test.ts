import { describe, expect, it } from 'vitest';
import { dailyCsv, funnelCsv } from '../../src/analytics/csv.js';
import type { ProcedureFunnel } from '../../src/analytics/queries.js';

const procedure = (dialogId: string): ProcedureFunnel => ({
  dialogId,
  started: 4,
  steps: [{ kind: 'acknowledged', node: 'confirm, "final"', acknowledgement: 'no-refund', count: 3 }],
  completed: 1,
  resolved: 0,
  stopped: 0,
  abandoned: 2,
  endedHandoff: 0,
  failed: 0,
  unknown: 0,
  inProgress: 0,
  handoffLive: 0,
  handoffRequest: 0,
  contained: 1,
  containment: 0.25,
  abandonmentRate: 0.5,
});

describe('CSV export', () => {
  it('starts with a BOM, ends rows with CRLF, quotes commas and quotes, neutralises formulas', () => {
    const csv = funnelCsv([procedure('=HYPERLINK("x")')]);
    expect(
      csv.startsWith('\uFEFFprocedure,procedure_name,step,node,acknowledgement,count,share_of_started\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",,started,,,4,1`);
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",,acknowledged,"confirm, ""final""",no-refund,3,0.75`);
    expect(lines).toContain(`"'=HYPERLINK(""x"")",,abandoned,,,2,0.5`);
  });

  it('writes the procedure name beside its id, neutralised like any cell', () => {
    const csv = funnelCsv([procedure('csps-cancel'), procedure('gone')], (id) =>
      id === 'csps-cancel' ? '@解約, "お申込"' : undefined,
    );
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe(`csps-cancel,"'@解約, ""お申込""",started,,,4,1`);
    expect(lines).toContain('gone,,started,,,4,1');
  });

  it('writes the daily series with empty cells where a rate has no denominator', () => {
    expect(
      dailyCsv([
        {
          day: '2026-11-22',
          started: 0,
          handedOff: 0,
          abandoned: 0,
          handoffRate: null,
          abandonmentRate: null,
        },
      ]),
    ).toBe(
      '\uFEFFday_asia_tokyo,started,handed_off,abandoned,handoff_rate,abandonment_rate\r\n2026-11-22,0,0,0,,\r\n',
    );
  });
});

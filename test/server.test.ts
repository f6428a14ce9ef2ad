import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOLIDAY_TABLE_LAST_YEAR } from '../src/calendar/holiday-table.js';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start (composition root)', () => {
  it('serves the health endpoint on the embedded defaults (SQLite files, in-process sandbox)', async () => {
    const config = loadConfig({
      PORT: '0',
      SQLITE_PATH: join(dir, 'conversations.sqlite'),
      SANDBOX_PATH: join(dir, 'sandbox.sqlite'),
      BOT_NOW: '2026-11-23T10:00:00+09:00',
    });
    const running = await startServer(config);
    try {
      const response = await fetch(`${running.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'alive',
        readiness: '/readyz',
        holidays: { status: 'ok', coveredThrough: HOLIDAY_TABLE_LAST_YEAR },
        warnings: [],
      });
      const ready = await fetch(`${running.url}/readyz`);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: {
          'conversation-store': { status: 'ok' },
          'audit-log': { status: 'ok' },
          backend: { status: 'ok' },
        },
      });
      expect(ready.status).toBe(200);
      expect((await fetch(`${running.url}/nope`)).status).toBe(404);
      // Prometheus metrics, open without METRICS_TOKEN (test/adapters/web/metrics-trace.test.ts: with one).
      const metrics = await fetch(`${running.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('# TYPE helpdesk_turns_total counter');
      expect(running.bot.banner).toContain('embedded sandbox');
    } finally {
      await running.close();
    }
  });
});

describe('health past the holiday table', () => {
  it('stays live but warns, naming the update path, once the Japan year is past the table', async () => {
    const config = loadConfig({
      PORT: '0',
      SQLITE_PATH: join(dir, 'late.sqlite'),
      SANDBOX_PATH: join(dir, 'late-sandbox.sqlite'),
      BOT_NOW: `${HOLIDAY_TABLE_LAST_YEAR + 1}-03-02T10:00:00+09:00`,
    });
    const running = await startServer(config);
    try {
      const response = await fetch(`${running.url}/healthz`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { holidays: { status: string }; warnings: string[] };
      expect(body.holidays.status).toBe('expired');
      expect(body.warnings).toHaveLength(1);
      expect(body.warnings[0]).toContain('npm update @holiday-jp/holiday_jp');
    } finally {
      await running.close();
    }
  });
});

describe('npm start in demo mode: the one-time code for whoever tries the demo', () => {
  async function codesLogged(
    extra: Record<string, string>,
  ): Promise<{ lines: string[]; code: string; afterCode: string }> {
    const lines: string[] = [];
    const name = `demo-${Object.values(extra).join('-') || 'auto'}`;
    const config = loadConfig({
      PORT: '0',
      SQLITE_PATH: join(dir, `${name}.sqlite`),
      SANDBOX_PATH: join(dir, `${name}-sandbox.sqlite`),
      BOT_NOW: '2026-11-23T10:00:00+09:00',
      ...extra,
    });
    const running = await startServer(config, { log: (line) => lines.push(line) });
    try {
      // A Slack, Teams or web customer asks for a code: the same engine, the same embedded sandbox.
      const key = `slack:demo-${name}`;
      const turn = (text: string) =>
        running.bot.engine.handle({
          conversationKey: key,
          channel: 'slack',
          actor: { kind: 'customer', id: 'U1' },
          locale: 'ja',
          input: { kind: 'text', text },
        });
      await turn('カメラを削除したい');
      await turn('camera-two@example.com');
      const code = /\d{6}/.exec(lines.join('\n'))?.[0] ?? '';
      const afterCode = code ? (await turn(code)).map((r) => r.text).join('\n') : '';
      return { lines, code, afterCode };
    } finally {
      await running.close();
    }
  }

  it('demo mode (plain npm start): the code is in the server log, the address masked', async () => {
    const { lines, code, afterCode } = await codesLogged({});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^demo: one-time code \d{6} for ca\*\*\*@example\.com/);
    expect(lines[0]).not.toContain('camera-two@');
    expect(code).toMatch(/^\d{6}$/);
    // The logged code is the one the sandbox mailed: it signs the customer in.
    expect(afterCode).toContain('削除（解約）する機器をお選びください');
  });

  it('outside demo mode (DEMO_MODE=off) no code is logged', async () => {
    const { lines } = await codesLogged({ DEMO_MODE: 'off' });
    expect(lines).toEqual([]);
  });
});

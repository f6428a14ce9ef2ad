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

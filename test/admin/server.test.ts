/**
 * The dashboard inside `npm start` (demo mode, embedded defaults): the start-up line names /admin and a demo
 * token; without it /admin is refused, with it the dashboard answers over the bot's own SQLite audit file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'admin-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start serves /admin', () => {
  it('in demo mode: refused without the printed demo token, open with it', async () => {
    const config = loadConfig({
      PORT: '0',
      SQLITE_PATH: join(dir, 'conversations.sqlite'),
      SANDBOX_PATH: join(dir, 'sandbox.sqlite'),
      BOT_NOW: '2026-11-23T10:00:00+09:00',
    });
    const running = await startServer(config);
    try {
      const token = /demo token: ([A-Za-z0-9_-]+);/.exec(running.admin)?.[1];
      expect(token).toBeDefined();
      expect((await fetch(`${running.url}/admin`)).status).toBe(401);
      const page = await fetch(`${running.url}/admin`, { headers: { authorization: `Bearer ${token}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('運用ダッシュボード');
    } finally {
      await running.close();
    }
  });
});

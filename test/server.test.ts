import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    });
    const running = await startServer(config);
    try {
      const response = await fetch(`${running.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'alive', readiness: '/readyz' });
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

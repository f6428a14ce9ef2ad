import { describe, expect, it } from 'vitest';
import { adminDashboard } from '../../src/admin/enable.js';
import { loadConfig } from '../../src/config.js';

const now = () => new Date('2026-11-30T03:00:00.000Z');

describe('whether the dashboard runs', () => {
  it('is off in production without ADMIN_TOKEN: no /admin route at all', async () => {
    const config = loadConfig({ NODE_ENV: 'production', BACKEND_URL: 'http://127.0.0.1:9', STORE: 'memory' });
    const admin = await adminDashboard(config, now);
    expect(admin.routes).toEqual([]);
    expect(admin.banner).toMatch(/^off/);
  });

  it('runs on ADMIN_TOKEN, which the banner never prints', async () => {
    const token = 'operator-chosen-token-123';
    const config = loadConfig({
      NODE_ENV: 'production',
      BACKEND_URL: 'http://127.0.0.1:9',
      STORE: 'memory',
      ADMIN_TOKEN: token,
    });
    const admin = await adminDashboard(config, now);
    expect(admin.routes.map((r) => `${r.method} ${r.path}`)).toContain('GET /admin');
    expect(admin.banner).not.toContain(token);
    await admin.close();
  });

  it('in demo mode without ADMIN_TOKEN: a random demo token, printed in the start-up line', async () => {
    const config = loadConfig({ STORE: 'memory' });
    const first = await adminDashboard(config, now);
    const second = await adminDashboard(config, now);
    expect(first.banner).toMatch(/^\/admin \(demo token: [A-Za-z0-9_-]{24}; demo mode only\)$/);
    expect(first.banner).not.toBe(second.banner);
  });

  it('refuses a token shorter than 16 characters, without echoing it', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN[^\n]*<redacted>/);
  });
});

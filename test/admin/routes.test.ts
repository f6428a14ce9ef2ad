import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COOKIE } from '../../src/admin/auth.js';
import { ADMIN_TOKEN, type AdminHarness, startAdmin } from './support.js';

describe('the /admin dashboard over HTTP', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
  });
  afterAll(async () => {
    await admin.close();
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${admin.url}${path}`, { headers, redirect: 'manual' });
  const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };

  it('refuses without the token: 401 with the sign-in form, for the page and the CSV', async () => {
    const page = await get('/admin');
    expect(page.status).toBe(401);
    const body = await page.text();
    expect(body).toContain('<html lang="ja">');
    expect(body).toContain('管理用トークン');
    expect(body).not.toContain('miemasu-delete-one');
    expect((await get('/admin/funnel.csv')).status).toBe(401);
    expect((await get('/admin', { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    expect((await get('/admin', { cookie: `${ADMIN_COOKIE}=forged` })).status).toBe(401);
  });

  it('signs in with the form: an HttpOnly SameSite=Strict cookie that opens the dashboard', async () => {
    const wrong = await fetch(`${admin.url}/admin/login`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'not-the-token', lang: 'en' }),
      redirect: 'manual',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('The token is not correct');
    const login = await fetch(`${admin.url}/admin/login`, {
      method: 'POST',
      body: new URLSearchParams({ token: ADMIN_TOKEN, lang: 'ja' }),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toContain(ADMIN_TOKEN);
    const page = await get('/admin', { cookie: cookie.split(';')[0] ?? '' });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('手続きごとのファネル');
    expect(body).toContain('請求書の再発行はできますか');
  });

  it('answers with a strict CSP and no caching; Chart.js comes from the bot itself', async () => {
    const page = await get('/admin', bearer);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const body = await page.text();
    expect(body).not.toMatch(/<script>(?!<)/); // no inline script (only src= and the JSON data block)
    expect(body).not.toMatch(/https?:\/\//);
    const chart = await get('/admin/assets/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toContain('javascript');
    expect((await chart.text()).length).toBeGreaterThan(100_000);
  });

  it('names each procedure by its dialog title in the page language, its id beside it', async () => {
    const ja = await (await get('/admin', bearer)).text();
    expect(ja).toContain(
      '<h3 id="proc-1">機器の削除の確認 <small class="id">miemasu-delete-one</small></h3>',
    );
    expect(ja).toContain('<option value="csps-cancel">クラウドサービスの解約お申込</option>');
    const en = await (await get('/admin?lang=en', bearer)).text();
    expect(en).toContain(
      '<h3 id="proc-1">Confirm the device deletion <small class="id">miemasu-delete-one</small></h3>',
    );
    expect(en).toContain('<option value="csps-cancel">Cancel a cloud service contract</option>');
    expect(en).not.toContain('機器の削除の確認');
  });

  it('speaks English with ?lang=en or Accept-Language: en, Japanese by default', async () => {
    expect(await (await get('/admin?lang=en', bearer)).text()).toContain('Funnel per procedure');
    expect(await (await get('/admin', { ...bearer, 'accept-language': 'en-US,en;q=0.9' })).text()).toContain(
      '<html lang="en">',
    );
    expect(await (await get('/admin', { ...bearer, 'accept-language': 'ja,en;q=0.5' })).text()).toContain(
      '<html lang="ja">',
    );
  });

  it('exports the funnel and the daily series as CSV, with the same filters', async () => {
    const funnel = await get('/admin/funnel.csv?from=2026-11-01&to=2026-11-30&procedure=csps-cancel', bearer);
    expect(funnel.headers.get('content-type')).toContain('text/csv');
    expect(funnel.headers.get('content-disposition')).toContain('funnel-2026-11-01_2026-11-30.csv');
    const lines = (await funnel.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('procedure,procedure_name,step,node,acknowledgement,count,share_of_started');
    expect(lines).toContain('csps-cancel,クラウドサービスの解約お申込,started,,,2,1');
    expect(lines).toContain('csps-cancel,クラウドサービスの解約お申込,completed,,,1,0.5');
    const en = await (await get('/admin/funnel.csv?procedure=csps-cancel&lang=en', bearer)).text();
    expect(en).toContain('csps-cancel,Cancel a cloud service contract,started,,,2,1');
    expect(lines.some((line) => line.startsWith('miemasu'))).toBe(false);
    const daily = await (await get('/admin/daily.csv?from=2026-11-01&to=2026-11-30', bearer)).text();
    expect(daily).toContain('2026-11-22,1,0,1,0,1');
  });

  it('limits failed sign-ins', async () => {
    const other = await startAdmin({ seeded: false });
    try {
      const attempt = () =>
        fetch(`${other.url}/admin/login`, {
          method: 'POST',
          body: new URLSearchParams({ token: 'guess-guess-guess' }),
        });
      for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

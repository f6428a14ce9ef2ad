/**
 * What the web chat refuses before the engine sees anything, and the headers every response carries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COOKIE_NAME } from '../../../adapters/web/session.js';
import { startWeb, type WebHarness } from './support.js';

let web: WebHarness | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

function expectSecurityHeaders(headers: Headers, frameAncestors = "'self'") {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain(`frame-ancestors ${frameAncestors}`);
  expect(csp).not.toContain('unsafe-inline');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
}

describe('web chat: headers and the page', () => {
  it('serves the page, its assets and the API with the security headers', async () => {
    web = await startWeb();
    const client = web.client();
    const page = await client.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(page.headers);
    for (const asset of ['app.js', 'render.js', 'i18n.js', 'style.css']) {
      const response = await client.request(`/chat/assets/${asset}`);
      expect(response.status, asset).toBe(200);
      expectSecurityHeaders(response.headers);
    }
    const history = await client.request('/chat/api/history');
    expectSecurityHeaders(history.headers);
    expect(history.headers.get('cache-control')).toBe('no-store');
    expect((await client.request('/chat/assets/../channel.ts')).status).toBe(404);
  });

  it('the page has no inline script, style or event handler, labels its input and has a live log', async () => {
    web = await startWeb();
    const { text } = await web.client().request('/');
    expect(text).toMatch(/^<!doctype html>\s*<html lang="ja">/);
    for (const script of text.match(/<script[^>]*>/g) ?? []) expect(script).toMatch(/src="\/chat\/assets\//);
    expect(text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(text).toMatch(/<label for="composer-input"/);
    expect(text).toMatch(/id="log"[^>]*role="log"|role="log"[^>]*id="log"/);
    expect(text).toContain('aria-live="polite"');
  });

  it('uses the configured frame-ancestors and refuses a value that could inject directives', async () => {
    web = await startWeb({ web: { frameAncestors: "'self' https://support.example.com" } });
    expectSecurityHeaders((await web.client().request('/')).headers, "'self' https://support.example.com");
    const { createWebChannel } = await import('../../../adapters/web/channel.js');
    await expect(
      createWebChannel(web.context, {
        demo: false,
        receipts: { read: async () => undefined },
        frameAncestors: "'self'; script-src *",
      }),
    ).rejects.toThrow(/frame-ancestors/);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure only over HTTPS', async () => {
    web = await startWeb();
    const plain = web.client();
    await plain.history();
    expect(plain.lastSetCookie).toMatch(new RegExp(`^${COOKIE_NAME}=[A-Za-z0-9_-]{43}; `));
    expect(plain.lastSetCookie).toContain('HttpOnly');
    expect(plain.lastSetCookie).toContain('SameSite=Strict');
    expect(plain.lastSetCookie).not.toContain('Secure');
    const proxied = web.client();
    await proxied.request('/chat/api/history', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.lastSetCookie).toContain('; Secure');
  });

  it('replaces a cookie the server does not know with a fresh session', async () => {
    web = await startWeb();
    const client = web.client();
    const forged = `${COOKIE_NAME}=${'A'.repeat(43)}`;
    client.cookie = forged;
    await client.history();
    expect(client.cookie).not.toBe(forged);
    expect(client.cookie).toMatch(new RegExp(`^${COOKIE_NAME}=`));
  });
});

describe('web chat: refused before the engine', () => {
  it('a body over 8 KB → 413 with a polite message, nothing changed', async () => {
    web = await startWeb();
    const client = web.client();
    await client.turn({ kind: 'start', dialogId: 'menu' });
    const before = await client.history();
    const engineTurns = web.turns.length;
    const response = await client.post('/chat/api/turn', {
      input: { kind: 'text', text: 'あ'.repeat(3000) },
    });
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({
      error: 'too-large',
      message: expect.stringContaining('何も変更していません'),
    });
    expect(web.turns.length).toBe(engineTurns);
    expect((await client.history()).entries).toEqual(before.entries);
  });

  it('text over 1000 characters → 400 too-long, nothing changed', async () => {
    web = await startWeb();
    const client = web.client();
    const response = await client.turn({ kind: 'text', text: 'a'.repeat(1001) });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'too-long' });
    expect(web.turns).toHaveLength(0);
    expect((await client.history()).entries).toEqual([]);
    expect((await client.turn({ kind: 'text', text: 'a'.repeat(1000) })).status).toBe(200);
  });

  it('malformed or unknown input → 400; non-JSON → 415; another origin → 403', async () => {
    web = await startWeb();
    const client = web.client();
    expect((await client.post('/chat/api/turn', '{not json')).status).toBe(400);
    expect((await client.post('/chat/api/turn', { input: { kind: 'shell', text: 'x' } })).status).toBe(400);
    expect((await client.post('/chat/api/turn', { input: { kind: 'choice', choiceId: 'x' } })).status).toBe(
      400,
    );
    const form = await client.request('/chat/api/turn', {
      method: 'POST',
      body: 'input=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const crossSite = await client.post(
      '/chat/api/turn',
      { input: { kind: 'text', text: 'hello' } },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(web.turns).toHaveLength(0);
    const sameSite = await client.post(
      '/chat/api/turn',
      { input: { kind: 'text', text: 'こんにちは' } },
      { origin: web.url },
    );
    expect(sameSite.status).toBe(200);
  });

  it('over the rate limit → 429 with Retry-After and a polite message; other sessions are unaffected', async () => {
    web = await startWeb({ web: { rateLimit: { max: 3, windowMs: 60_000 } } });
    const client = web.client();
    for (let i = 0; i < 3; i += 1)
      expect((await client.turn({ kind: 'text', text: 'こんにちは' })).status).toBe(200);
    const limited = await client.turn({ kind: 'text', text: 'こんにちは' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json).toMatchObject({
      error: 'rate-limited',
      message: expect.stringContaining('少し待って'),
    });
    expect(web.turns).toHaveLength(3);
    expect((await web.client().turn({ kind: 'text', text: 'こんにちは' })).status).toBe(200);
  });
});

/**
 * Site identity (`?token=` from the support site, demo sign-in) and receipt access through the web chat.
 */
import { jwtVerify, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from './support.js';

let web: WebHarness | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

async function token(
  harness: WebHarness,
  claims: { sub?: string; aud?: string; expiresInSeconds?: number; secret?: string; name?: string } = {},
) {
  const now = Math.floor(harness.testBot.clock.now().getTime() / 1000);
  const jwt = new SignJWT(claims.name ? { name: claims.name } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(claims.aud ?? harness.testBot.config.WEB_TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 600));
  if (claims.sub !== '') jwt.setSubject(claims.sub ?? 'CUS-2001');
  return jwt.sign(new TextEncoder().encode(claims.secret ?? harness.testBot.config.WEB_TOKEN_SECRET));
}

const lastCredentials = (harness: WebHarness) => harness.turns.at(-1)?.credentials;

describe('web chat: the support site token', () => {
  it('a valid token is kept server-side and passed on each turn as siteAssertion, never shown', async () => {
    web = await startWeb();
    const client = web.client();
    const jwt = await token(web, { name: 'ポータル 太郎' });
    const signIn = await client.post('/chat/api/session', { token: jwt });
    expect(signIn.json).toEqual({ signedIn: true, signedInAs: 'ポータル 太郎' });
    await client.turn({ kind: 'text', text: 'こんにちは' });
    expect(lastCredentials(web)).toEqual({ siteAssertion: jwt });
    const history = await client.request('/chat/api/history');
    expect(history.json).toMatchObject({ signedIn: true });
    expect(history.text).not.toContain(jwt);
    expect(JSON.stringify(signIn.json)).not.toContain(jwt);
  });

  it.each([
    ['forged (another secret)', { secret: 'x'.repeat(40) }],
    ['for another audience', { aud: 'someone-else' }],
    ['expired', { expiresInSeconds: -120 }],
    ['without a subject', { sub: '' }],
  ])('a token %s → told politely, continues anonymously', async (_name, claims) => {
    web = await startWeb();
    const client = web.client();
    const answer = await client.post('/chat/api/session', { token: await token(web, claims) });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      signedIn: false,
      message: expect.stringContaining('このままご利用いただけます'),
    });
    await client.turn({ kind: 'text', text: 'こんにちは' });
    expect(lastCredentials(web)?.siteAssertion).toBeUndefined();
    expect((await client.history()).signedIn).toBe(false);
  });

  it('a bad token after a good one signs the visitor out; an expired session token is no longer sent', async () => {
    web = await startWeb();
    const client = web.client();
    await client.post('/chat/api/session', { token: await token(web, { expiresInSeconds: 120 }) });
    await client.turn({ kind: 'text', text: 'こんにちは' });
    expect(lastCredentials(web)?.siteAssertion).toBeDefined();
    web.testBot.clock.advance(10 * 60_000);
    await client.turn({ kind: 'text', text: 'こんにちは' });
    expect(lastCredentials(web)?.siteAssertion).toBeUndefined();

    await client.post('/chat/api/session', { token: await token(web) });
    expect((await client.post('/chat/api/session', { token: 'not-a-jwt' })).json).toMatchObject({
      signedIn: false,
    });
    await client.turn({ kind: 'text', text: 'こんにちは' });
    expect(lastCredentials(web)?.siteAssertion).toBeUndefined();
  });
});

describe('web chat: demo sign-in picker', () => {
  it('is absent without demo mode', async () => {
    web = await startWeb();
    const client = web.client();
    expect((await client.history()).demo).toBe(false);
    expect((await client.request('/chat/api/demo/customers')).status).toBe(404);
    expect((await client.post('/chat/api/demo/sign-in', { customerId: 'CUS-2001' })).status).toBe(404);
  });

  it('in demo mode lists the demo customers and mints a token server-side for the one picked', async () => {
    web = await startWeb({ web: { demo: true } });
    const client = web.client();
    expect((await client.history()).demo).toBe(true);
    const list = await client.request<{ customers: { customerId: string; email: string }[] }>(
      '/chat/api/demo/customers',
    );
    expect(list.json.customers).toContainEqual(
      expect.objectContaining({ customerId: 'CUS-2001', email: 'portal@example.com' }),
    );
    const signIn = await client.post('/chat/api/demo/sign-in', { customerId: 'CUS-2001' });
    expect(signIn.json).toEqual({ signedIn: true, signedInAs: 'ポータル 太郎' });
    await client.turn({ kind: 'text', text: 'こんにちは' });
    const jwt = lastCredentials(web)?.siteAssertion ?? '';
    const secret = new TextEncoder().encode(web.testBot.config.WEB_TOKEN_SECRET);
    const { payload } = await jwtVerify(jwt, secret, {
      audience: web.testBot.config.WEB_TOKEN_AUDIENCE,
      currentDate: web.testBot.clock.now(),
    });
    expect(payload.sub).toBe('CUS-2001');
    expect((await client.post('/chat/api/demo/sign-in', { customerId: 'CUS-9999' })).status).toBe(400);
  });
});

describe('web chat: signed in through the site, no one-time code', () => {
  it('a demo sign-in identifies the customer on the identify step: devices listed, no code mailed', async () => {
    web = await startWeb({ web: { demo: true } });
    const client = web.client();
    await client.post('/chat/api/demo/sign-in', { customerId: 'CUS-1001' });
    const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
    const last = menu.json.entries.at(-1);
    const version = last?.from === 'bot' ? last.reply.stateVersion : -1;
    const listed = await client.turn({ kind: 'choice', choiceId: 'miemasu-delete', stateVersion: version });
    const text = listed.json.entries.map((e) => (e.from === 'bot' ? e.reply.text : '')).join('\n');
    expect(text).toContain('削除（解約）する機器をお選びください');
    expect(web.testBot.outbox).toHaveLength(0);
    expect(web.testBot.calls.map((c) => c.operation)).toContain('exchangeSiteAssertion');
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('startVerification');
  });
});

describe('web chat: receipts', () => {
  it('a receipt shown in this session can be viewed and downloaded; another session gets 404', async () => {
    web = await startWeb();
    const owner = web.client();
    const email = 'camera-two@example.com';
    let version = -1;
    const step = async (input: Record<string, unknown>) => {
      const answer = await owner.turn(input);
      expect(answer.status).toBe(200);
      const last = answer.json.entries.at(-1);
      if (last?.from === 'bot') version = last.reply.stateVersion;
      return answer.json.entries;
    };
    await step({ kind: 'start', dialogId: 'menu' });
    await step({ kind: 'choice', choiceId: 'miemasu-delete', stateVersion: version });
    await step({ kind: 'text', text: email });
    await step({ kind: 'text', text: web.testBot.codeFor(email) });
    await step({ kind: 'choice', choiceId: 'DEV-0002', stateVersion: version });
    await step({ kind: 'choice', choiceId: 'delete', stateVersion: version });
    await step({
      kind: 'acknowledge',
      ackIds: ['no-refund', 'license-forfeit', 'data-loss'],
      stateVersion: version,
    });
    const done = await step({ kind: 'choice', choiceId: 'confirm', stateVersion: version });
    const shown = done.flatMap((e) => (e.from === 'bot' && e.reply.receipt ? [e.reply.receipt.id] : []));
    expect(shown).toHaveLength(1);
    const id = shown[0] ?? '';

    const view = await owner.request(`/chat/api/receipts/${id}`);
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toContain('text/html');
    expect(view.text).toContain(`<h1>【お手続きの控え】控え番号 ${id}</h1>`);
    // The heading once on the page: not repeated as the first line of the list.
    const body = view.text.slice(view.text.indexOf('<body'));
    expect(body.split('お手続きの控え】')).toHaveLength(2);
    expect(view.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await owner.request(`/chat/api/receipts/${id}?download=1`);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(text.headers.get('content-disposition')).toBe(`attachment; filename="receipt-${id}.txt"`);
    expect(text.text.split('\n')[0]).toBe(`【お手続きの控え】控え番号 ${id}`);
    expect(text.text).toContain('お手続き: 機器の削除（解約）');
    const json = await owner.request(`/chat/api/receipts/${id}?download=json`);
    expect(json.json).toEqual({ receiptId: id });

    const stranger = web.client();
    await stranger.history();
    expect((await stranger.request(`/chat/api/receipts/${id}`)).status).toBe(404);
    expect((await stranger.request(`/chat/api/receipts/${id}?download=1`)).status).toBe(404);
    expect((await web.client().request(`/chat/api/receipts/${id}`)).status).toBe(404);
    expect((await owner.request('/chat/api/receipts/RC-0000000000')).status).toBe(404);
  });
});

/**
 * Issue 16 over real HTTP: `/metrics` (Prometheus text, bearer token) moves as a scripted web-chat conversation
 * runs; a web request's W3C `traceparent` reaches every backend call of that turn (a capturing proxy in front of
 * the sandbox), and a request without one starts a trace of its own.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/clock.js';
import { metricsRoute } from '../../../src/http/metrics-route.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { DEFAULT_TEST_NOW } from '../../support/bot-harness.js';
import { botText, lastReply, startWeb, type WebClient, type WebHarness } from './support.js';

const TOKEN = 'metrics-token-0123456789';
const EMAIL = 'camera-two@example.com';

let web: WebHarness | undefined;
let metrics: Served | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await metrics?.close();
  metrics = undefined;
  await web?.close();
  web = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The value of one sample (`name{labels}`), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((label) => have.includes(label)) && (wanted.length > 0 || have.length === 0))
      return Number(match[3]);
  }
  return 0;
}

async function scrape(): Promise<string> {
  const response = await fetch(`${metrics?.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

async function choose(client: WebClient, choiceId: string, entries: Parameters<typeof lastReply>[0]) {
  const answer = await client.turn({
    kind: 'choice',
    choiceId,
    stateVersion: lastReply(entries).stateVersion,
  });
  expect(answer.status).toBe(200);
  return answer.json.entries;
}

describe('/metrics', () => {
  it('refuses a scrape without the bearer token, then counts turns, backend calls and procedures in progress', async () => {
    web = await startWeb();
    metrics = await serve([metricsRoute(web.testBot.bot.metrics, TOKEN)], { host: '127.0.0.1', port: 0 });
    expect((await fetch(`${metrics.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${metrics.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(await wrong.text()).not.toContain('helpdesk_');

    const before = await scrape();
    expect(sample(before, 'helpdesk_turns_total', { channel: 'web', outcome: 'answered' })).toBe(0);
    expect(sample(before, 'helpdesk_conversations_in_progress')).toBe(0);

    const client = web.client();
    const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
    let entries = await choose(client, 'miemasu-delete', menu.json.entries);
    await client.turn({ kind: 'text', text: EMAIL });
    const listed = await client.turn({ kind: 'text', text: web.testBot.codeFor(EMAIL) });
    expect(botText(listed.json.entries)).toContain('削除（解約）する機器をお選びください');

    const during = await scrape();
    expect(sample(during, 'helpdesk_turns_total', { channel: 'web', outcome: 'answered' })).toBe(4);
    expect(sample(during, 'helpdesk_turn_duration_seconds_count', { channel: 'web' })).toBe(4);
    expect(
      sample(during, 'helpdesk_backend_calls_total', {
        operation: 'startVerification',
        status: '2xx',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(during, 'helpdesk_backend_calls_total', { operation: 'listMiemasuDevices', outcome: 'ok' }),
    ).toBe(1);
    expect(sample(during, 'helpdesk_conversations_in_progress')).toBe(1);

    entries = (await client.turn({ kind: 'text', text: 'やめる' })).json.entries;
    expect(botText(entries)).toContain('何も変更していません');
    const after = await scrape();
    expect(sample(after, 'helpdesk_turns_total', { channel: 'web', outcome: 'answered' })).toBe(5);
    expect(sample(after, 'helpdesk_conversations_in_progress')).toBe(0);
    for (const name of [
      'helpdesk_store_errors_total',
      'helpdesk_audit_delivery_errors_total',
      'helpdesk_handoffs_total',
      'helpdesk_handoff_claim_wait_seconds',
      'helpdesk_rate_limit_refusals_total',
    ]) {
      expect(after).toContain(`# TYPE ${name}`);
    }
  });
});

/** A loopback proxy to `target` that records each request's `traceparent` header. */
async function capturingProxy(
  target: string,
): Promise<{ url: string; seen: (string | undefined)[]; server: Server }> {
  const seen: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    const header = req.headers.traceparent;
    seen.push(typeof header === 'string' ? header : undefined);
    const url = new URL(req.url ?? '/', target);
    const forward = httpRequest(
      url,
      { method: req.method, headers: { ...req.headers, host: url.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, server };
}

describe('traceparent', () => {
  it('a web request’s trace reaches every backend call of its turn; a request without one gets its own', async () => {
    const mails: { to: string; code: string }[] = [];
    const sandbox: Sandbox = await createSandbox({
      store: 'memory',
      clock: manualClock(DEFAULT_TEST_NOW),
      seed: true,
      onMail: (mail) => mails.push(mail),
    });
    const backend = await sandbox.listen(0, '127.0.0.1');
    const proxy = await capturingProxy(backend.url);
    cleanups.push(
      () => new Promise<void>((resolve) => proxy.server.close(() => resolve())),
      () => sandbox.close(),
    );
    web = await startWeb({ env: { BACKEND_URL: proxy.url } });
    const client = web.client();
    const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
    await choose(client, 'miemasu-delete', menu.json.entries);

    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const incoming = `00-${traceId}-00f067aa0ba902b7-01`;
    const asked = await client.post(
      '/chat/api/turn',
      { input: { kind: 'text', text: EMAIL } },
      { traceparent: incoming },
    );
    expect(asked.status).toBe(200);
    const fromTurn = proxy.seen.splice(0);
    expect(fromTurn.length).toBeGreaterThan(0);
    for (const header of fromTurn) {
      expect(header).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
      expect(header).not.toBe(incoming); // the bot's own span is the parent of the backend's
    }

    const code = mails.filter((mail) => mail.to === EMAIL).at(-1)?.code ?? '';
    await client.post('/chat/api/turn', { input: { kind: 'text', text: code } }, { traceparent: 'garbage' });
    const own = proxy.seen.splice(0);
    expect(own.length).toBeGreaterThan(0);
    const ids = new Set(own.map((header) => header?.split('-')[1]));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toBe(traceId);
  });
});

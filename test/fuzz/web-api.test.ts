/**
 * Property 2 (web chat API): random requests through the real web channel (adapters/web, served on 127.0.0.1:0)
 * to the full bot — plausible turns (pressing the choices of the last reply, ticking every acknowledgement, typing
 * the phrase, giving a demo e-mail and the mailed code) mixed with random JSON bodies, turn requests with fields
 * of the wrong type or out of range, forged choice ids and versions, entry points of any dialog id, bodies that
 * are not JSON or too large, wrong content types, foreign origins, forged cookies, garbage site tokens, demo
 * sign-ins and receipt ids. Invariants: never a 5xx; a well-formed turn is answered 200 with well-formed replies,
 * anything else with a 4xx; no fault of ours; the destructive-call audit over every Turn the channel made.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebChannel } from '../../adapters/web/channel.js';
import type { Entry } from '../../adapters/web/transcript.js';
import { botOperationCatalog, ENTRY_POINTS, procedureBundle } from '../../dialogs/index.js';
import type { Channel } from '../../src/channels/channel.js';
import type { Reply } from '../../src/engine/turn.js';
import { type Served, serve } from '../../src/http/serve.js';
import { type WebClient as Browser, WebClient } from '../adapters/web/support.js';
import { replyProblems } from './support/checks.js';
import { auditDestructiveCalls } from './support/destructive-audit.js';
import { createFuzzBot, type FuzzBot } from './support/fuzz-bot.js';
import { hostileText } from './support/hostile-text.js';
import { runProperty, scaled } from './support/run-property.js';

const CATALOG = botOperationCatalog();
const DIALOGS = procedureBundle().dialogs;
const EMAILS = ['camera-two@example.com', 'portal@example.com', 'camera-empty@example.com'];
const REQUESTS = ['カメラを削除したい', 'ポータルの契約を解約したい', 'みえますねっとを退会したい'];

type Request =
  | { r: 'auto'; browser: number; pick: number }
  | { r: 'turn'; browser: number; body: unknown; valid: boolean }
  | {
      r: 'raw';
      browser: number;
      path: string;
      body: string;
      contentType: string | undefined;
      origin: string | undefined;
    }
  | { r: 'get'; browser: number; path: string };

const version = fc.oneof(
  fc.constantFrom('current' as const, -1, 0, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, '1', null),
  fc.integer(),
);
const id = fc.oneof(
  fc.constantFrom('confirm', 'DEV-0003', 'HMCX040001', '__stop', '', 'x'.repeat(201)),
  fc.string({ maxLength: 30 }),
);

/** A turn body: well-formed (by the API's own schema) or not, with the `valid` flag computed independently. */
const turnBody: fc.Arbitrary<{ body: unknown; valid: boolean }> = fc.oneof(
  fc
    .record({ text: fc.oneof(hostileText, fc.constantFrom(...REQUESTS, 'はい', 'やめる')) })
    .map(({ text }) => ({
      body: { input: { kind: 'text', text } },
      valid: [...text].length <= 1000,
    })),
  fc.record({ choiceId: id, v: version }).map(({ choiceId, v }) => ({
    body: { input: { kind: 'choice', choiceId, stateVersion: v } },
    valid:
      choiceId.length >= 1 &&
      choiceId.length <= 200 &&
      (v === 'current' || (typeof v === 'number' && Number.isSafeInteger(v))),
  })),
  fc.record({ ackIds: fc.array(id, { maxLength: 60 }), v: version }).map(({ ackIds, v }) => ({
    body: { input: { kind: 'acknowledge', ackIds, stateVersion: v } },
    valid:
      ackIds.length <= 50 &&
      ackIds.every((a) => a.length >= 1 && a.length <= 200) &&
      (v === 'current' || (typeof v === 'number' && Number.isSafeInteger(v))),
  })),
  fc
    .record({
      dialogId: fc.oneof(
        fc.constantFrom(...ENTRY_POINTS, 'identify', '__proto__'),
        fc.string({ maxLength: 120 }),
      ),
      text: fc.option(fc.oneof(hostileText, fc.constantFrom(...EMAILS)), { nil: undefined }),
    })
    .map(({ dialogId, text }) => ({
      body: { input: { kind: 'start', dialogId, ...(text === undefined ? {} : { text }) } },
      valid:
        dialogId.length >= 1 && dialogId.length <= 100 && (text === undefined || [...text].length <= 1000),
    })),
  fc.constantFrom('ja', 'en', 'fr', 5).map((locale) => ({
    body: { input: { kind: 'locale', locale } },
    valid: locale === 'ja' || locale === 'en',
  })),
  fc.string({ maxLength: 80 }).map((requestId) => ({
    body: { id: requestId, input: { kind: 'text', text: 'こんにちは' } },
    valid: /^[A-Za-z0-9_-]{8,64}$/.test(requestId),
  })),
  // Anything at all: valid only by accident, so not asserted either way.
  fc.jsonValue().map((body) => ({ body, valid: false })),
  fc
    .record({ kind: fc.string({ maxLength: 10 }), text: fc.jsonValue(), stateVersion: fc.jsonValue() })
    .map((input) => ({ body: { input }, valid: false })),
);

const request: fc.Arbitrary<Request> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      r: fc.constant('auto' as const),
      browser: fc.constantFrom(0, 0, 1, 2),
      pick: fc.nat(30),
    }),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({ browser: fc.nat(2), turn: turnBody })
      .map(({ browser, turn }) => ({ r: 'turn' as const, browser, ...turn })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      r: fc.constant('raw' as const),
      browser: fc.nat(2),
      path: fc.constantFrom('/chat/api/turn', '/chat/api/session', '/chat/api/demo/sign-in'),
      body: fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.jsonValue().map((j) => JSON.stringify(j)),
        fc.constant(JSON.stringify({ input: { kind: 'text', text: 'あ'.repeat(5000) } })),
        fc.constantFrom(
          '{"token":"eyJhbGciOiJub25lIn0.e30."}',
          '{"customerId":"CUS-1001"}',
          '{"customerId":"CUS-9999"}',
        ),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        undefined,
      ),
      origin: fc.constantFrom(undefined, undefined, 'https://evil.example', 'null', 'not a url'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      r: fc.constant('get' as const),
      browser: fc.nat(2),
      path: fc.oneof(
        fc.constantFrom('/chat/api/history', '/chat/api/history?lang=xx', '/chat/api/demo/customers'),
        fc.string({ maxLength: 40 }).map((s) => `/chat/api/receipts/${encodeURIComponent(s)}`),
      ),
    }),
  },
);

describe('web chat API under random requests', () => {
  let bot: FuzzBot;
  let channel: Channel;
  let served: Served;
  let browsers: Browser[];
  const lastReplies: Reply[][] = [[], [], []];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    bot = await createFuzzBot();
    channel = await createWebChannel(bot.context, {
      demo: true,
      receipts: bot.context.receipts,
      now: () => bot.clock.now(),
      // High enough that the property explores turns, not the limiter (test/adapters/web covers 429).
      rateLimit: { max: 1_000_000, windowMs: 1_000 },
    });
    served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
    browsers = [new WebClient(served.url), new WebClient(served.url), new WebClient(served.url)];
    // The third browser carries a cookie the server never issued.
    const forged = browsers[2];
    if (forged) forged.cookie = 'helpdesk_chat=forged-secret-not-issued-by-the-server';
  });
  afterAll(async () => {
    await served.close();
    await channel.close();
    await bot.close();
  });

  const browser = (i: number): Browser => browsers[i % browsers.length] as Browser;
  const currentVersion = (i: number) => lastReplies[i]?.at(-1)?.stateVersion ?? 0;

  function autoBody(d: Extract<Request, { r: 'auto' }>): unknown {
    const last = lastReplies[d.browser] ?? [];
    const v = currentVersion(d.browser);
    const acks = last.flatMap((r) => r.acknowledgements ?? []).map((a) => a.id);
    if (acks.length > 0) return { input: { kind: 'acknowledge', ackIds: acks, stateVersion: v } };
    const phrase = last.map((r) => r.typedConfirmation).find((p) => p !== undefined);
    if (phrase) return { input: { kind: 'typed', text: phrase, stateVersion: v } };
    const choices = last.flatMap((r) => r.choices ?? []);
    const choice = choices[d.pick % Math.max(choices.length, 1)];
    if (choice) return { input: { kind: 'choice', choiceId: choice.id, stateVersion: v } };
    const text = last.map((r) => r.text).join('\n');
    const email = EMAILS[d.browser % EMAILS.length] ?? 'portal@example.com';
    if (/6桁|コードを入力/.test(text))
      return {
        input: { kind: 'text', text: bot.outbox.filter((m) => m.to === email).at(-1)?.code ?? '000000' },
      };
    if (/メールアドレス/.test(text)) return { input: { kind: 'text', text: email } };
    return { input: { kind: 'text', text: REQUESTS[d.pick % REQUESTS.length] ?? 'こんにちは' } };
  }

  /** `stateVersion: 'current'` is replaced by the browser's current version (a plausible forged click). */
  function withVersion(body: unknown, i: number): unknown {
    const input = (body as { input?: Record<string, unknown> } | null)?.input;
    if (input && typeof input === 'object' && input.stateVersion === 'current')
      return { ...(body as object), input: { ...input, stateVersion: currentVersion(i) } };
    return body;
  }

  async function send(
    d: Request,
  ): Promise<{ status: number; json: unknown; expected: 'ok' | 'refused' | 'any' }> {
    const client = browser(d.browser);
    switch (d.r) {
      case 'auto': {
        const response = await client.post('/chat/api/turn', autoBody(d));
        return { status: response.status, json: response.json, expected: 'ok' };
      }
      case 'turn': {
        const response = await client.post('/chat/api/turn', withVersion(d.body, d.browser));
        return { status: response.status, json: response.json, expected: d.valid ? 'ok' : 'any' };
      }
      case 'raw': {
        const headers: Record<string, string> = {};
        if (d.contentType) headers['content-type'] = d.contentType;
        if (d.origin) headers.origin = d.origin;
        const response = await client.request(d.path, { method: 'POST', body: d.body, headers });
        const refused = d.contentType !== 'application/json' || d.origin !== undefined;
        return { status: response.status, json: response.json, expected: refused ? 'refused' : 'any' };
      }
      case 'get': {
        const response = await client.request(d.path);
        return { status: response.status, json: response.json, expected: 'any' };
      }
    }
  }

  async function run(requests: Request[]): Promise<void> {
    for (const d of requests) {
      const errors = bot.errors.length;
      const { status, json, expected } = await send(d);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const what = `${d.r} → ${status}: ${JSON.stringify(d).slice(0, 300)}`;
      expect(status, what).toBeLessThan(500);
      expect(bot.errors.slice(errors).map(String), what).toEqual([]);
      if (expected === 'ok') expect(status, what).toBe(200);
      if (expected === 'refused') expect(status, what).toBeGreaterThanOrEqual(400);
      const entries = (json as { entries?: Entry[] } | undefined)?.entries;
      if (status === 200 && (d.r === 'auto' || d.r === 'turn') && Array.isArray(entries)) {
        const replies = entries.flatMap((e) => (e.from === 'bot' ? [e.reply] : []));
        expect(replyProblems(replies), what).toEqual([]);
        if (replies.length > 0) lastReplies[d.browser] = replies;
      }
    }
    const audit = auditDestructiveCalls(bot, CATALOG, DIALOGS);
    expect(audit, `destructive-call audit: ${audit.join('; ')}`).toEqual([]);
  }

  it('answers 4xx to bad requests and never 5xx, without faults or unconfirmed deletions', async () => {
    await runProperty(
      'web chat API requests',
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 10 }), run),
      scaled({ numRuns: 300, timeLimitMs: 15_000 }),
      () => ({
        turns: bot.turns.length,
        verified: bot.calls.filter((c) => c.operation === 'confirmVerification' && c.outcome === 'ok').length,
        confirmations: bot.events.filter((e) => e.event.kind === 'confirmed').length,
        destructive: bot.calls.filter((c) => c.destructive).length,
        ...Object.fromEntries([...statuses].map(([status, count]) => [`http${status}`, count])),
      }),
    );
    expect(bot.turns.length).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * Property (LINE): random webhook traffic through the real LINE channel (signed webhooks to /line/webhook, fake
 * Messaging API) to the full bot — plausible use (requests, the demo e-mail and the mailed code, pressing a button
 * of the newest message or of any older one, acknowledgement items one by one) mixed with forgery: postback data of
 * any shape (other choice ids, stale / huge / negative / non-numeric versions, unknown consequence ids, entry points
 * of any dialog id, repeated keys, over 300 characters), events with fields missing or of the wrong type or
 * replaced by any JSON value, redeliveries, stickers, follows, group chats, standby events, signed bodies that are
 * not webhooks, and bodies with a forged signature. Bounded in runs and time; CI replays a fixed seed.
 *
 * Invariants: a correctly signed body is answered 200 or 400, never a 5xx; a forged signature is 401 and nothing
 * is sent; no fault of ours; every request to the Messaging API is one it accepts (within LINE's limits, a valid
 * token, a known route); and the destructive-call audit holds over every Turn the adapter made.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineChannel, type LineChannel } from '../../adapters/line/channel.js';
import { LINE_WEBHOOK_PATH } from '../../adapters/line/http.js';
import { botOperationCatalog, procedureBundle } from '../../dialogs/index.js';
import { type Served, serve } from '../../src/http/serve.js';
import { type LineSeen, parseMessage } from '../adapters/line/seen.js';
import { type FakeLine, type FakeRequest, startFakeLine } from '../support/fake-line.js';
import {
  followEvent,
  postbackEvent,
  signLine,
  stickerEvent,
  TEST_LINE_SECRET,
  TEST_LINE_TOKEN,
  textEvent,
  webhookBody,
} from '../support/line-events.js';
import { auditDestructiveCalls } from './support/destructive-audit.js';
import { createFuzzBot, type FuzzBot } from './support/fuzz-bot.js';
import { hostileText } from './support/hostile-text.js';
import { runProperty, scaled } from './support/run-property.js';

const CATALOG = botOperationCatalog();
const DIALOGS = procedureBundle().dialogs;
const EMAILS = ['camera-two@example.com', 'portal@example.com', 'camera-monthly@example.com'];
const REQUESTS = [
  'カメラを削除したい',
  'ポータルの契約を解約したい',
  'みえますねっとを退会したい',
  'はい',
  'やめる',
];

type Step =
  | { kind: 'sign-in'; user: number; email: number }
  | { kind: 'say'; user: number; text: string }
  | { kind: 'email'; user: number; email: number }
  | { kind: 'code'; user: number; email: number }
  | { kind: 'press'; user: number; pick: number; old: boolean }
  | { kind: 'drive'; user: number; picks: number[] }
  | { kind: 'acknowledge-all'; user: number }
  | { kind: 'forge'; user: number; data: string }
  | { kind: 'mutate'; user: number; path: string[]; value: unknown }
  | { kind: 'any-event'; value: unknown }
  | { kind: 'other'; user: number; which: 'sticker' | 'follow' | 'group' | 'standby' }
  | { kind: 'redeliver' }
  | { kind: 'body'; raw: string }
  | { kind: 'forged-signature'; user: number };

const user = fc.nat({ max: 1 });
const version = fc.oneof(
  fc.constant('1'),
  fc.bigInt({ min: -10n, max: 10n ** 20n }).map(String),
  fc.string({ maxLength: 8 }),
  fc.constant('1e3'),
  fc.constant('0x10'),
);
const forgedData = fc.oneof(
  fc
    .record({ hb: fc.constantFrom('c', 'a', 's', 'x'), v: version, id: fc.string({ maxLength: 40 }) })
    .map((f) => new URLSearchParams(f).toString()),
  fc
    .constantFrom('confirm', 'delete', 'DEV-0001', 'no-refund')
    .chain((id) => version.map((v) => `hb=c&v=${encodeURIComponent(v)}&id=${id}`)),
  fc
    .constantFrom('menu', 'agent-session', 'miemasu-delete-device', '__proto__', 'nope')
    .map((id) => `hb=s&id=${id}`),
  fc.constant('hb=c&hb=c&v=1&id=confirm'),
  fc.constant(`hb=c&v=1&id=${'x'.repeat(400)}`),
  fc.string({ maxLength: 320 }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sign-in'), user, email: fc.nat({ max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('say'), user, text: fc.constantFrom(...REQUESTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('say'), user, text: hostileText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('email'), user, email: fc.nat({ max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('code'), user, email: fc.nat({ max: 2 }) }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('press'),
      user,
      pick: fc.nat(),
      old: fc.nat({ max: 9 }).map((n) => n < 2),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('drive'),
      user,
      picks: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('acknowledge-all'), user }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('forge'), user, data: forgedData }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mutate'),
      user,
      path: fc
        .constantFrom<readonly string[]>(
          ['type'],
          ['source'],
          ['source', 'userId'],
          ['source', 'type'],
          ['message'],
          ['message', 'text'],
          ['message', 'type'],
          ['webhookEventId'],
          ['deliveryContext'],
          ['replyToken'],
          ['mode'],
          ['timestamp'],
        )
        .map((p) => [...p]),
      value: fc.anything({ maxDepth: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('any-event'), value: fc.anything({ maxDepth: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('other'),
      user,
      which: fc.constantFrom('sticker', 'follow', 'group', 'standby'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'redeliver' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('body'),
      raw: fc.oneof(fc.string({ maxLength: 50 }), fc.json({ maxDepth: 2 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forged-signature'), user }) },
);

const isRefusedToken = (r: FakeRequest) =>
  r.path === '/v2/bot/message/reply' &&
  r.status === 400 &&
  (r.response as { message?: unknown }).message === 'Invalid reply token';

describe('LINE adapter under random webhooks', () => {
  let bot: FuzzBot;
  let fake: FakeLine;
  let channel: LineChannel;
  let served: Served;
  let run = 0;
  const stats = { webhooks: 0, presses: 0, forged: 0, malformed: 0 };

  beforeAll(async () => {
    fake = await startFakeLine({ accessToken: TEST_LINE_TOKEN });
    bot = await createFuzzBot({
      env: {
        LINE_CHANNEL_SECRET: TEST_LINE_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TEST_LINE_TOKEN,
        LINE_API_URL: fake.url,
      },
    });
    channel = await createLineChannel(bot.context);
    served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await served?.close();
    await channel?.close();
    await fake?.close();
    await bot?.close();
  });

  async function post(body: string, signature = signLine(body)): Promise<number> {
    stats.webhooks += 1;
    const response = await fetch(`${served.url}${LINE_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signature },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    await channel.idle();
    return response.status;
  }

  it('never fails, never sends what LINE refuses, never deletes without a confirmation', async () => {
    await runProperty(
      'line webhooks',
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 24, size: 'medium' }), async (steps) => {
        run += 1;
        const users = [0, 1].map((i) => `Ufuzz${run}x${i}`);
        const userOf = (i: number) => users[i] ?? 'Ufuzz';
        const seen = (u: string): LineSeen[] => fake.messagesOf(u).map((m) => parseMessage(m.id, m.message));
        const fresh = (u: string) => ({ userId: u, replyToken: fake.issueReplyToken(u) });
        let last: Record<string, unknown> | undefined;
        const send = async (event: Record<string, unknown>) => {
          last = event;
          const status = await post(webhookBody([event]));
          expect(status).toBe(200);
        };
        /** A request that needs identity, the e-mail, then the code mailed to it. */
        const signIn = async (u: string, email: number) => {
          const address = EMAILS[email] ?? '';
          await send(
            textEvent({ ...fresh(u), text: email === 1 ? (REQUESTS[1] ?? '') : (REQUESTS[0] ?? '') }),
          );
          await send(textEvent({ ...fresh(u), text: address }));
          const code = bot.outbox.filter((m) => m.to === address).at(-1)?.code ?? '000000';
          await send(textEvent({ ...fresh(u), text: code }));
        };
        for (const s of steps) {
          const requestsBefore = fake.requests.length;
          switch (s.kind) {
            case 'sign-in': {
              // A request that needs identity, the e-mail, then the code mailed to it.
              const u = userOf(s.user);
              const email = EMAILS[s.email] ?? '';
              await send(
                textEvent({ ...fresh(u), text: s.email === 1 ? (REQUESTS[1] ?? '') : (REQUESTS[0] ?? '') }),
              );
              await send(textEvent({ ...fresh(u), text: email }));
              const code = bot.outbox.filter((m) => m.to === email).at(-1)?.code ?? '000000';
              await send(textEvent({ ...fresh(u), text: code }));
              break;
            }
            case 'say':
              await send(textEvent({ ...fresh(userOf(s.user)), text: s.text }));
              break;
            case 'email':
              await send(textEvent({ ...fresh(userOf(s.user)), text: EMAILS[s.email] ?? '' }));
              break;
            case 'code': {
              const code = bot.outbox.filter((m) => m.to === EMAILS[s.email]).at(-1)?.code ?? '000000';
              await send(textEvent({ ...fresh(userOf(s.user)), text: code }));
              break;
            }
            case 'press': {
              const u = userOf(s.user);
              const messages = seen(u);
              const from = s.old ? messages : messages.slice(-1);
              const buttons = from.flatMap((m) => [...m.buttons, ...m.quickReplies]);
              const button = buttons[s.pick % Math.max(1, buttons.length)];
              if (!button) break;
              stats.presses += 1;
              await send(postbackEvent({ ...fresh(u), data: button.data }));
              break;
            }
            case 'drive': {
              // Presses through the newest message, item by item (acknowledgements) or a choice (by pick).
              const u = userOf(s.user);
              if (seen(u).length === 0) await signIn(u, 0);
              for (const pick of s.picks) {
                const newest = seen(u).at(-1);
                const ack = newest?.buttons.find((b) => b.postback.kind === 'ack');
                const choices = newest?.buttons.filter((b) => b.postback.kind !== 'ack') ?? [];
                const button = ack ?? choices[pick % Math.max(1, choices.length)];
                if (!button) break;
                stats.presses += 1;
                await send(postbackEvent({ ...fresh(u), data: button.data }));
              }
              break;
            }
            case 'acknowledge-all': {
              const u = userOf(s.user);
              for (let i = 0; i < 6; i++) {
                const ack = seen(u)
                  .at(-1)
                  ?.buttons.find((b) => b.postback.kind === 'ack');
                if (!ack) break;
                await send(postbackEvent({ ...fresh(u), data: ack.data }));
              }
              break;
            }
            case 'forge':
              stats.forged += 1;
              await send(postbackEvent({ ...fresh(userOf(s.user)), data: s.data }));
              break;
            case 'mutate': {
              stats.malformed += 1;
              const event = textEvent({ ...fresh(userOf(s.user)), text: 'カメラを削除したい' });
              let target: Record<string, unknown> = event;
              for (const key of s.path.slice(0, -1)) {
                const inner = target[key];
                if (typeof inner !== 'object' || inner === null) break;
                target = inner as Record<string, unknown>;
              }
              const key = s.path.at(-1);
              if (key !== undefined) target[key] = s.value;
              const status = await post(webhookBody([event]));
              expect(status).toBe(200);
              break;
            }
            case 'any-event': {
              stats.malformed += 1;
              const status = await post(JSON.stringify({ destination: 'Ubot', events: [s.value] }));
              expect(status).toBe(200);
              break;
            }
            case 'other': {
              const base = fresh(userOf(s.user));
              if (s.which === 'sticker') await send(stickerEvent(base));
              else if (s.which === 'follow') await send(followEvent(base));
              else if (s.which === 'group')
                await send(textEvent({ ...base, text: 'ヘルプ', sourceType: 'group' }));
              else await send(textEvent({ ...base, text: 'ヘルプ', mode: 'standby' }));
              break;
            }
            case 'redeliver':
              if (last) {
                const shown = fake.sent.length;
                await send({ ...last, deliveryContext: { isRedelivery: true } });
                expect(fake.sent.length).toBe(shown);
              }
              break;
            case 'body': {
              const status = await post(s.raw);
              expect([200, 400]).toContain(status);
              break;
            }
            case 'forged-signature': {
              const body = webhookBody([textEvent({ ...fresh(userOf(s.user)), text: 'カメラを削除したい' })]);
              expect(await post(body, signLine(body, 'ffffffffffffffffffffffffffffffff'))).toBe(401);
              expect(fake.requests.length).toBe(requestsBefore);
              break;
            }
          }
          // LINE refuses a reply whose token is not one it issued (a mutated event): the answer then goes by push.
          const refused = fake.requests
            .slice(requestsBefore)
            .filter((r) => r.status !== 200 && !isRefusedToken(r));
          expect(refused).toEqual([]);
          expect(fake.unknown).toEqual([]);
          expect(bot.errors).toEqual([]);
        }
        expect(auditDestructiveCalls(bot, CATALOG, DIALOGS)).toEqual([]);
      }),
      scaled({ numRuns: 30, timeLimitMs: 15_000 }),
      () => ({ ...stats, turns: bot.turns.length, deletions: bot.calls.filter((c) => c.destructive).length }),
    );
  }, 120_000);
});

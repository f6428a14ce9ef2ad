/**
 * Identification through the support site's sign-in: the web chat passes the verified site assertion as the
 * per-turn credential `siteAssertion`; `identify` exchanges it for a customer token, so no one-time code is needed.
 * A bad or expired assertion falls back to the code flow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signSiteAssertion } from '../../../src/identity/site-assertion.js';
import { driveEngine } from '../../engine/harness.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';

const SECRET = 'identify-site-test-secret-0123456789abcdef';
let testBot: ChannelTestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

/** A web-chat visitor whose page was embedded with `assertion` (signed by `secret`, default the bot's). */
async function webVisitor(claims: {
  customerId: string;
  secret?: string;
  ttlSeconds?: number;
  minutesAgo?: number;
}) {
  testBot = await createChannelTestBot({ WEB_TOKEN_SECRET: SECRET });
  const now = new Date(testBot.clock.now().getTime() - (claims.minutesAgo ?? 0) * 60_000);
  const assertion = await signSiteAssertion(claims.secret ?? SECRET, {
    customerId: claims.customerId,
    audience: testBot.config.WEB_TOKEN_AUDIENCE,
    now,
    ...(claims.ttlSeconds === undefined ? {} : { ttlSeconds: claims.ttlSeconds }),
  });
  const visitor = driveEngine(testBot.bot.engine, {
    conversationKey: 'web:session-1',
    channel: 'web',
    actor: { kind: 'customer', id: 'web:session-1' },
    credentials: { siteAssertion: assertion },
  });
  return { bot: testBot, visitor };
}

const made = (bot: ChannelTestBot) => bot.calls.map((call) => call.operation);

describe('identify with a support-site assertion', () => {
  it('a valid assertion identifies the customer without any code', async () => {
    const { bot, visitor } = await webVisitor({ customerId: 'CUS-1001' });
    await visitor.say('カメラを削除したい');
    expect(visitor.lastText()).toContain('サポートサイトへのログイン情報で、ご本人確認ができました');
    expect(visitor.lastText()).toContain('CameraOA');
    expect(visitor.lastText()).not.toContain('メールアドレスを入力してください');
    expect(made(bot).slice(0, 1)).toEqual(['exchangeSiteAssertion']);
    expect(made(bot)).not.toContain('startVerification');
    expect(bot.outbox).toEqual([]);
    // The token is a credential, never a slot: it is in no event or reply.
    expect(JSON.stringify(visitor.last)).not.toMatch(/"token"/);
  });

  it.each([
    ['an expired assertion', { customerId: 'CUS-1001', minutesAgo: 60, ttlSeconds: 600 }],
    ['a forged assertion', { customerId: 'CUS-1001', secret: 'someone-elses-secret-0123456789abcdefgh' }],
    ['an assertion naming no known customer', { customerId: 'CUS-9999' }],
  ])('%s falls back to the one-time code', async (_name, claims) => {
    const { bot, visitor } = await webVisitor(claims);
    await visitor.say('カメラを削除したい');
    expect(visitor.lastText()).toContain('サポートサイトのログイン情報を確認できませんでした');
    expect(visitor.lastText()).toContain('メールアドレスを入力してください');
    expect(bot.calls.at(-1)).toMatchObject({ operation: 'exchangeSiteAssertion', code: 'unauthenticated' });
    await visitor.say('camera-two@example.com');
    await visitor.say(bot.codeFor('camera-two@example.com'));
    expect(visitor.lastText()).toContain('ご本人確認ができました');
    expect(visitor.lastText()).toContain('CameraOA');
  });

  it('without an assertion nothing is exchanged: the code flow as before', async () => {
    testBot = await createChannelTestBot({ WEB_TOKEN_SECRET: SECRET });
    const visitor = driveEngine(testBot.bot.engine, { conversationKey: 'web:plain', channel: 'web' });
    await visitor.say('カメラを削除したい');
    expect(visitor.lastText()).toContain('メールアドレスを入力してください');
    expect(made(testBot)).toEqual([]);
  });
});

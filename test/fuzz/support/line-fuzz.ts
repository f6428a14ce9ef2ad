/**
 * The real LINE channel (signed webhooks to `POST /line/webhook` on 127.0.0.1:0, fake Messaging API) over a
 * {@link FuzzBot}, so every Turn the adapter makes is recorded with its backend calls and engine events. Same wiring
 * as test/fuzz/line-payloads.test.ts and test/adapters/line/driver.ts. `post` signs the body's bytes with the
 * channel secret as LINE does and resolves once the adapter has handled every event in it (replies sent).
 */
import { createLineChannel, type LineChannel } from '../../../adapters/line/channel.js';
import { LINE_WEBHOOK_PATH } from '../../../adapters/line/http.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { type LineSeen, parseMessage } from '../../adapters/line/seen.js';
import { type FakeLine, startFakeLine } from '../../support/fake-line.js';
import { signLine, TEST_LINE_SECRET, TEST_LINE_TOKEN } from '../../support/line-events.js';
import { createFuzzBot, type FuzzBot } from './fuzz-bot.js';

export interface LineFuzz {
  bot: FuzzBot;
  fake: FakeLine;
  channel: LineChannel;
  /** Posts a webhook body, signed; resolves with the HTTP status once its events are handled. */
  post(body: string): Promise<number>;
  /** The messages shown to this LINE user so far, parsed, oldest first. */
  seen(userId: string): LineSeen[];
  close(): Promise<void>;
}

export async function startLineFuzz(): Promise<LineFuzz> {
  const fake = await startFakeLine({ accessToken: TEST_LINE_TOKEN });
  const bot = await createFuzzBot({
    env: {
      LINE_CHANNEL_SECRET: TEST_LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TEST_LINE_TOKEN,
      LINE_API_URL: fake.url,
    },
  });
  const channel = await createLineChannel(bot.context);
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  return {
    bot,
    fake,
    channel,
    async post(body) {
      const response = await fetch(`${served.url}${LINE_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': signLine(body) },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      await channel.idle();
      return response.status;
    },
    seen: (userId) => fake.messagesOf(userId).map((m) => parseMessage(m.id, m.message)),
    async close() {
      await served.close();
      await channel.close();
      await fake.close();
      await bot.close();
    },
  };
}

/**
 * The real Teams channel (botbuilder CloudAdapter on /api/messages, authentication disabled as in local
 * development, fake Bot Connector) over a {@link FuzzBot}, so every Turn the adapter makes is recorded. Same wiring
 * as test/adapters/teams/driver.ts. Activities always carry the fake connector's `serviceUrl`, so replies never
 * leave 127.0.0.1.
 */
import { createTeamsChannel } from '../../../adapters/teams/channel.js';
import type { Channel } from '../../../src/channels/channel.js';
import type { RateLimit } from '../../../src/channels/rate-limit.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { type ParsedCard, parseCard } from '../../adapters/teams/seen.js';
import { type FakeConnector, startFakeConnector } from '../../support/fake-connector.js';
import { personalConversationId } from '../../support/teams-activities.js';
import { createFuzzBot, type FuzzBot } from './fuzz-bot.js';

export interface TeamsFuzz {
  bot: FuzzBot;
  connector: FakeConnector;
  channel: Channel;
  url: string;
  /** Posts a body to /api/messages (an activity object, or raw text as is); resolves with the HTTP status. */
  post(body: unknown, options?: { raw?: boolean; headers?: Record<string, string> }): Promise<number>;
  /** The cards of a user's personal conversation as currently displayed, oldest first. */
  cards(aadObjectId: string): ParsedCard[];
  close(): Promise<void>;
}

export async function startTeamsFuzz(
  env: Record<string, string> = {},
  rateLimit?: RateLimit,
): Promise<TeamsFuzz> {
  const connector = await startFakeConnector();
  const bot = await createFuzzBot({
    env: { TEAMS_AUTH_DISABLED: 'true', ...env },
    ...(rateLimit ? { rateLimit } : {}),
  });
  const channel = await createTeamsChannel(bot.context);
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  const url = `${served.url}/api/messages`;
  return {
    bot,
    connector,
    channel,
    url,
    async post(body, options = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.raw ? String(body) : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      return response.status;
    },
    cards(aadObjectId) {
      const conversationId = personalConversationId(aadObjectId);
      return connector.activities
        .filter((a) => a.conversationId === conversationId)
        .map((posted) => {
          const update = connector.updates.filter((u) => u.activityId === posted.id).at(-1);
          return parseCard(posted.id, update?.activity ?? posted.activity);
        });
    },
    async close() {
      await served.close();
      await channel.close();
      await connector.close();
      await bot.close();
    },
  };
}

/**
 * The Microsoft Teams channel: `POST /api/messages` through botbuilder's `CloudAdapter` (authentication,
 * outbound connector client) into the bot's turn logic (`bot.ts`). botbuilder is imported only inside
 * `adapters/teams/` (a test enforces it), so the Teams SDK can be replaced in one place.
 *
 * Fails closed: without `MicrosoftAppId` it refuses to start unless `TEAMS_AUTH_DISABLED` (development) — see
 * `auth.ts`. Faults of our own go to `context.onError`; botbuilder's answer to the request is 200 once the turn
 * is handled, 401 for a request that fails authentication (the engine is never called), 400/413 for bodies that
 * are not an activity.
 */
import { CloudAdapter } from 'botbuilder';
import type { Channel, ChannelContext } from '../../src/channels/channel.js';
import { type Route, sendJson } from '../../src/http/routes.js';
import { authDisabled, createAuthentication } from './auth.js';
import { CHANNEL_NAME, createTeamsBot } from './bot.js';
import { toBotbuilderRequest, toBotbuilderResponse } from './http.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
const BEARER = /^Bearer\s+\S+$/i;

export async function createTeamsChannel(context: ChannelContext): Promise<Channel> {
  const adapter = new CloudAdapter(createAuthentication(context.config));
  const bot = createTeamsBot(context);
  adapter.onTurnError = async (_turnContext, error) => {
    context.onError(error, { channel: CHANNEL_NAME, phase: 'turn' });
  };
  const requireBearer = !authDisabled(context.config);
  const route: Route = {
    method: 'POST',
    path: TEAMS_MESSAGES_PATH,
    async handle(request, response) {
      // Cheap refusal of requests with no bearer token at all; botbuilder validates the token itself.
      if (requireBearer && !BEARER.test(request.headers.authorization ?? '')) {
        request.resume();
        sendJson(response, 401, { error: 'unauthorized' });
        return;
      }
      const botRequest = await toBotbuilderRequest(request, response);
      if (!botRequest) return;
      await adapter.process(botRequest, toBotbuilderResponse(response), (turnContext) =>
        bot.onTurn(turnContext),
      );
    },
  };
  return {
    name: CHANNEL_NAME,
    routes: [route],
    async close() {
      // Nothing to release: the adapter holds no connections between requests.
    },
  };
}

/**
 * The Microsoft Teams channel: `POST /api/messages` through botbuilder's `CloudAdapter` (authentication,
 * outbound connector client) into the bot's turn logic (`bot.ts`). botbuilder is imported only inside
 * `adapters/teams/` (a test enforces it), so the Teams SDK can be replaced in one place.
 *
 * Fails closed: without `MicrosoftAppId` it refuses to start unless `TEAMS_AUTH_DISABLED` (development) — see
 * `auth.ts`. Faults of our own go to `context.onError`; botbuilder's answer to the request is 200 once the turn
 * is handled, 401 for a request that fails authentication (the engine is never called), 400/413 for bodies that
 * are not an activity.
 *
 * Live desk (when `context.liveDesk` is set): Teams customers receive the desk's messages proactively
 * (live-desk-delivery.ts), and with TEAMS_HANDOFF_CONVERSATION + TEAMS_HANDOFF_SERVICE_URL that channel becomes an
 * agents' room (live-desk-room.ts); its activities go to the desk (live-desk-inbound.ts), never to the engine.
 */
import { CloudAdapter } from 'botbuilder';
import type { Channel, ChannelContext } from '../../src/channels/channel.js';
import { type Route, sendJson } from '../../src/http/routes.js';
import { LIVE_DESK_TTL_MS } from '../../src/live-desk/index.js';
import { openKeyv } from '../../src/storage/open-keyv.js';
import { authDisabled, createAuthentication } from './auth.js';
import { CHANNEL_NAME, createTeamsBot } from './bot.js';
import { toBotbuilderRequest, toBotbuilderResponse } from './http.js';
import { teamsPoster } from './live-desk-connector.js';
import { ServiceUrls, teamsDelivery } from './live-desk-delivery.js';
import { type TeamsDeskInbound, teamsDeskInbound } from './live-desk-inbound.js';
import { TeamsAgentRoom } from './live-desk-room.js';
import { keyvCards, memoryCards, type OpenCard } from './open-cards.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
const BEARER = /^Bearer\s+\S+$/i;

export async function createTeamsChannel(context: ChannelContext): Promise<Channel> {
  const adapter = new CloudAdapter(createAuthentication(context.config));
  // The last card per conversation survives a restart and is shared by instances, except on the memory store.
  const openCards =
    context.config.STORE === 'memory'
      ? memoryCards()
      : keyvCards(
          await openKeyv<OpenCard>(context.config, 'teams-cards'),
          context.config.CONVERSATION_IDLE_HOURS * 3600_000,
        );
  const bot = createTeamsBot(context, openCards);
  adapter.onTurnError = async (_turnContext, error) => {
    context.onError(error, { channel: CHANNEL_NAME, phase: 'turn' });
  };
  const requireBearer = !authDisabled(context.config);

  const serviceUrls = new ServiceUrls(
    context.config.STORE === 'memory' || !context.liveDesk
      ? undefined
      : {
          store: await openKeyv<string>(context.config, 'teams-service-urls'),
          // The Bot Connector's service URL of a conversation rarely changes; kept as long as tickets are.
          ttlMs: LIVE_DESK_TTL_MS,
        },
  );
  const { liveDesk, config } = context;
  let room: TeamsDeskInbound | undefined;
  if (liveDesk) {
    const poster = teamsPoster(adapter, config.MicrosoftAppId ?? '');
    liveDesk.registry.addDelivery(
      'teams',
      teamsDelivery({
        poster,
        serviceUrls,
        fallbackServiceUrl: config.TEAMS_HANDOFF_SERVICE_URL,
        openCards: bot.openCards,
      }),
    );
    const conversationId = config.TEAMS_HANDOFF_CONVERSATION;
    const serviceUrl = config.TEAMS_HANDOFF_SERVICE_URL;
    if (conversationId && serviceUrl) {
      liveDesk.registry.addRoom(
        new TeamsAgentRoom(poster, { serviceUrl, conversationId }, 'ja', liveDesk.controls),
      );
      room = teamsDeskInbound({ context, desk: liveDesk.desk, roomConversationId: conversationId });
    }
  }
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
      await adapter.process(botRequest, toBotbuilderResponse(response), async (turnContext) => {
        const { conversation, serviceUrl } = turnContext.activity;
        // Authenticated requests carry a validated service URL: where the desk's messages for them go later.
        if (liveDesk && conversation?.id && serviceUrl)
          await serviceUrls
            .remember(conversation.id, serviceUrl)
            .catch((error: unknown) =>
              context.onError(error, { channel: CHANNEL_NAME, phase: 'remember service URL' }),
            );
        if (room && (await room.handle(turnContext))) return;
        await bot.onTurn(turnContext);
      });
    },
  };
  return {
    name: CHANNEL_NAME,
    routes: [route],
    async close() {
      await openCards.close();
      await serviceUrls.close();
    },
  };
}

/**
 * Messages outside a turn (live desk) over the Bot Connector: botbuilder's proactive
 * `continueConversationAsync` with a conversation reference built from a service URL and a conversation id.
 * A Teams channel thread is the conversation `<channel conversation id>;messageid=<root activity id>`; the
 * channel conversation id alone starts a new post.
 */
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { CardAttachment } from './render.js';

export interface TeamsConversation {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string | undefined;
}

export interface TeamsPoster {
  /** Posts a card; resolves with the new activity's id. */
  send(to: TeamsConversation, card: CardAttachment): Promise<string>;
  update(to: TeamsConversation, activityId: string, card: CardAttachment): Promise<void>;
}

/** A channel thread's conversation id. */
export function threadConversation(channelConversationId: string, rootActivityId: string): string {
  return `${channelConversationId};messageid=${rootActivityId}`;
}

function reference(to: TeamsConversation): Partial<ConversationReference> {
  const isChannel = to.conversationId.startsWith('19:');
  return {
    channelId: 'msteams',
    serviceUrl: to.serviceUrl,
    conversation: {
      id: to.conversationId,
      isGroup: isChannel,
      conversationType: isChannel ? 'channel' : 'personal',
      name: '',
      ...(to.tenantId ? { tenantId: to.tenantId } : {}),
    },
  };
}

function message(card: CardAttachment): Partial<Activity> {
  return { type: 'message', attachments: [card] };
}

/** `appId`: the bot's MicrosoftAppId ('' when authentication is disabled in development). */
export function teamsPoster(adapter: CloudAdapter, appId: string): TeamsPoster {
  return {
    async send(to, card) {
      let id: string | undefined;
      await adapter.continueConversationAsync(appId, reference(to), async (context) => {
        id = (await context.sendActivity(message(card)))?.id;
      });
      if (!id) throw new Error('The Bot Connector answered without an activity id');
      return id;
    },
    async update(to, activityId, card) {
      await adapter.continueConversationAsync(appId, reference(to), async (context) => {
        await context.updateActivity({ ...message(card), id: activityId });
      });
    },
  };
}

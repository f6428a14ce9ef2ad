/**
 * Builders for the activities Microsoft Teams posts to a bot's /api/messages: a personal-chat message, a channel
 * message mentioning the bot, an Adaptive Card submit (a `message` with `value` and `replyToId`), and a
 * conversationUpdate (bot added). Shapes follow what Teams sends (channelId `msteams`, tenant in
 * `conversation.tenantId` and `channelData.tenant`, AAD object id on `from`).
 */

export const BOT_ID = '28:helpdesk-bot';
export const BOT_NAME = 'Helpdesk';
export const TENANT_ID = 'tenant-1';

/** A Teams activity as posted to the bot (loosely typed: tests also send malformed ones). */
export type TeamsActivity = Record<string, unknown> & { id: string; type: string };

export interface ActivityBase {
  serviceUrl: string;
  /** The sender's AAD object id (also used to build the Teams user id `29:<aad>`). */
  aadObjectId: string;
  /** Defaults to a personal conversation with this user. */
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
  /** Default `ja-JP`. */
  locale?: string;
  /** Default: a fresh id. */
  id?: string;
}

let counter = 0;
/** A fresh inbound activity id (Teams ids look like `1:…` for chats). */
export function newActivityId(): string {
  counter += 1;
  return `1:inbound-${Date.now().toString(36)}-${counter}`;
}

export function personalConversationId(aadObjectId: string): string {
  return `a:personal-${aadObjectId}`;
}

function base(options: ActivityBase, type: string): TeamsActivity {
  const tenantId = options.tenantId ?? TENANT_ID;
  const conversationType = options.conversationType ?? 'personal';
  return {
    type,
    id: options.id ?? newActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: {
      id: `29:${options.aadObjectId}`,
      name: `User ${options.aadObjectId}`,
      aadObjectId: options.aadObjectId,
    },
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation: {
      id: options.conversationId ?? personalConversationId(options.aadObjectId),
      conversationType,
      tenantId,
      ...(conversationType === 'channel' ? { isGroup: true } : {}),
    },
    channelData: { tenant: { id: tenantId } },
    locale: options.locale ?? 'ja-JP',
  };
}

/** A message typed by the user. */
export function messageActivity(options: ActivityBase & { text: string }): TeamsActivity {
  return { ...base(options, 'message'), text: options.text, textFormat: 'plain' };
}

/** A channel message that @mentions the bot (text carries `<at>Helpdesk</at>` as Teams sends it). */
export function channelMentionActivity(
  options: ActivityBase & { text: string; mention?: boolean },
): TeamsActivity {
  const at = `<at>${BOT_NAME}</at>`;
  const mention = options.mention ?? true;
  return {
    ...base({ ...options, conversationType: options.conversationType ?? 'channel' }, 'message'),
    text: mention ? `${at} ${options.text}` : options.text,
    textFormat: 'plain',
    entities: mention ? [{ type: 'mention', mentioned: { id: BOT_ID, name: BOT_NAME }, text: at }] : [],
  };
}

/** An Adaptive Card `Action.Submit`: the action's data merged with the card's input values. */
export function submitActivity(
  options: ActivityBase & { value: Record<string, unknown>; replyToId: string },
): TeamsActivity {
  return { ...base(options, 'message'), value: options.value, replyToId: options.replyToId };
}

/** The bot was added to a conversation (personal install, or to a team). */
export function botAddedActivity(options: ActivityBase): TeamsActivity {
  return { ...base(options, 'conversationUpdate'), membersAdded: [{ id: BOT_ID }] };
}

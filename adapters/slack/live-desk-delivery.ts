/**
 * Live desk → a Slack customer: the desk's messages (an agent joined, the agent's words, back to the bot and
 * the question shown again) are shown where the customer talks to the bot — their direct messages or their
 * thread — exactly as the engine's replies are (`Outbound.show`, so the question shown again becomes the current
 * one and older buttons are closed). The place is read back from the conversation key (see place.ts).
 */
import type { CustomerDelivery } from '../../src/live-desk/index.js';
import type { Outbound } from './outbound.js';
import type { SlackPlace } from './place.js';

/** `slack:<team>:<channel>:<user>` or `slack:<team>:<channel>:<thread_ts>:<user>` → the place; else `undefined`. */
export function placeOfKey(conversationKey: string): SlackPlace | undefined {
  const parts = conversationKey.split(':');
  if (parts[0] !== 'slack' || parts.some((part) => part === '' || part.includes('|'))) return undefined;
  const [, teamId, channelId, ...rest] = parts;
  if (!teamId || !channelId) return undefined;
  if (rest.length === 1 && rest[0]) return { teamId, channelId, userId: rest[0] };
  if (rest.length === 2 && rest[0] && rest[1] && /^\d+\.\d+$/.test(rest[0]))
    return { teamId, channelId, threadTs: rest[0], userId: rest[1] };
  return undefined;
}

export function slackDelivery(outbound: Pick<Outbound, 'show'>): CustomerDelivery {
  return {
    async deliver(conversationKey, replies) {
      const place = placeOfKey(conversationKey);
      if (!place) throw new Error('Not a Slack conversation key.');
      await outbound.show(place, replies);
    },
  };
}

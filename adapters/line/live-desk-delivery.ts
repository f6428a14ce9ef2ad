/**
 * Live desk → a LINE customer: the desk's messages (an agent joined, the agent's words, back to the bot and the
 * question shown again) are pushed into the customer's one-to-one chat, rendered as the bot's own messages; the
 * question shown again becomes the one whose acknowledgements are counted (acknowledgements.ts), as in a turn.
 * The LINE user id is read back from the conversation key (`line:<user id>`).
 */
import type { CustomerDelivery } from '../../src/live-desk/index.js';
import type { LineBot } from './bot.js';
import { userIdOfKey } from './inbound.js';

export function lineDelivery(bot: Pick<LineBot, 'show'>): CustomerDelivery {
  return {
    async deliver(conversationKey, replies, context) {
      const userId = userIdOfKey(conversationKey);
      if (!userId) throw new Error('Not a LINE customer conversation key.');
      await bot.show({ userId }, conversationKey, replies, context.locale);
    },
  };
}

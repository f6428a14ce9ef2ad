/**
 * Where a Slack conversation happens and its engine conversation key: a direct message with the bot
 * (`slack:<team>:<channel>:<user>`) or one user's conversation in a channel thread
 * (`slack:<team>:<channel>:<thread_ts>:<user>`), so two people in one thread never share a conversation.
 * Also the cleaning of Slack's message markup into the plain text the user typed.
 */

export interface SlackPlace {
  teamId: string;
  channelId: string;
  /** Set for channel threads; direct messages are answered at the top level. */
  threadTs?: string | undefined;
  userId: string;
}

export function conversationKeyOf(place: SlackPlace): string {
  const { teamId, channelId, threadTs, userId } = place;
  return threadTs === undefined
    ? `slack:${teamId}:${channelId}:${userId}`
    : `slack:${teamId}:${channelId}:${threadTs}:${userId}`;
}

/**
 * Slack message markup → what the user typed: links and mailto links become their visible text
 * (`<mailto:a@b.jp|a@b.jp>` → `a@b.jp`), mentions of the bot (`botUserId`) are removed, other user / channel
 * mentions keep their label, and `&amp;` `&lt;` `&gt;` are unescaped.
 */
export function plainTextOf(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_whole, target: string, label: string | undefined) => {
      if (target.startsWith('@')) {
        const id = target.slice(1);
        if (id === botUserId) return '';
        return label ? `@${label}` : `@${id}`;
      }
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) return label ?? '';
      if (label !== undefined) return label;
      return target.replace(/^mailto:/, '').replace(/^tel:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

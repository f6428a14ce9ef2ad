/**
 * The few Slack Web API methods the adapter uses, behind a narrow interface (so outbound logic does not depend on
 * the whole WebClient), and their implementation on Bolt's WebClient.
 */
import type { types, webApi } from '@slack/bolt';

export interface SlackApi {
  /** Posts a message; resolves with its `ts`. */
  postMessage(message: {
    channel: string;
    threadTs?: string | undefined;
    text: string;
    blocks: unknown[];
  }): Promise<string>;
  update(message: { channel: string; ts: string; text: string; blocks: unknown[] }): Promise<void>;
  /** The user's direct-message channel with the bot. */
  openDirectMessage(userId: string): Promise<string>;
  publishHome(userId: string, view: types.HomeView): Promise<void>;
  usergroupMembers(usergroupId: string): Promise<string[]>;
}

/**
 * Blocks are built by `render.ts` from Slack's own types, or come back from Slack in action payloads (as JSON);
 * the client's parameter type cannot express the latter, hence the cast at this one boundary.
 */
function asBlocks(blocks: unknown[]): types.KnownBlock[] {
  return blocks as types.KnownBlock[];
}

export function webClientApi(client: webApi.WebClient): SlackApi {
  return {
    async postMessage({ channel, threadTs, text, blocks }) {
      const result = await client.chat.postMessage({
        channel,
        text,
        blocks: asBlocks(blocks),
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      });
      if (!result.ts) throw new Error('chat.postMessage answered without a ts');
      return result.ts;
    },
    async update({ channel, ts, text, blocks }) {
      await client.chat.update({ channel, ts, text, blocks: asBlocks(blocks) });
    },
    async openDirectMessage(userId) {
      const result = await client.conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open answered without a channel id');
      return id;
    },
    async publishHome(userId, view) {
      await client.views.publish({ user_id: userId, view });
    },
    async usergroupMembers(usergroupId) {
      const result = await client.usergroups.users.list({ usergroup: usergroupId });
      return result.users ?? [];
    },
  };
}

/**
 * The Slack Web API methods the agents' room uses (live handoff), behind a narrow interface: post (optionally in
 * a thread), update, and an ephemeral note to one user. Implemented on Bolt's WebClient.
 */
import type { types, webApi } from '@slack/bolt';
import type { SlackApi } from './api.js';

export interface HandoffSlackApi extends Pick<SlackApi, 'postMessage' | 'update'> {
  /** A message only `user` sees, in the channel (and thread, when given). */
  postEphemeral(message: {
    channel: string;
    user: string;
    threadTs?: string | undefined;
    text: string;
  }): Promise<void>;
}

/** Blocks are built by handoff-render.ts from Slack's own types; see api.ts for why the cast is at this boundary. */
function asBlocks(blocks: unknown[]): types.KnownBlock[] {
  return blocks as types.KnownBlock[];
}

export function handoffSlackApi(client: webApi.WebClient): HandoffSlackApi {
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
    async postEphemeral({ channel, user, threadTs, text }) {
      await client.chat.postEphemeral({
        channel,
        user,
        text,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      });
    },
  };
}

/**
 * The Slack Web API methods the agents' room uses (live desk), behind a narrow interface: post (optionally in
 * a thread) and update — the same calls as the customer side (api.ts) — and an ephemeral note to one user.
 */
import type { webApi } from '@slack/bolt';
import { type SlackApi, webClientApi } from './api.js';

export interface DeskSlackApi extends Pick<SlackApi, 'postMessage' | 'update'> {
  /** A message only `user` sees, in the channel (and thread, when given). */
  postEphemeral(message: {
    channel: string;
    user: string;
    threadTs?: string | undefined;
    text: string;
  }): Promise<void>;
}

export function deskSlackApi(client: webApi.WebClient): DeskSlackApi {
  const { postMessage, update } = webClientApi(client);
  return {
    postMessage,
    update,
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

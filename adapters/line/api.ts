/**
 * The two Messaging API calls the adapter makes, through the official SDK (`@line/bot-sdk`'s
 * `MessagingApiClient`, fetch-based), with LINE_API_URL as base URL so tests talk to a local fake. The SDK is used
 * only here and in `http.ts` (signature validation), so it can be replaced in one place.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';

export type LineMessage = messagingApi.Message;

export interface LineApi {
  /** Answers one webhook event with its reply token (free, once, within about a minute). */
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  /**
   * Sends to a user at any time (counts towards the plan's message quota). `retryKey` (a UUID) makes a retried
   * request harmless: LINE refuses a second push with the same key (409) instead of delivering it twice.
   */
  push(userId: string, messages: LineMessage[], retryKey: string): Promise<void>;
}

export function lineApi(options: { channelAccessToken: string; baseURL: string }): LineApi {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseURL.replace(/\/+$/, ''),
  });
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages });
    },
    async push(userId, messages, retryKey) {
      await client.pushMessage({ to: userId, messages }, retryKey);
    },
  };
}

/** Whether LINE refused a reply because its token expired or was used (then the messages go by push). */
export function isInvalidReplyToken(error: unknown): boolean {
  return error instanceof HTTPFetchError && error.status === 400 && /reply token/i.test(error.body);
}

/** Whether LINE refused a push as a repeat of one already accepted with the same retry key (it was delivered). */
export function isDuplicatePush(error: unknown): boolean {
  return error instanceof HTTPFetchError && error.status === 409;
}

/** A failure worth retrying with the same retry key: no answer (network) or LINE's own 5xx / 429. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HTTPFetchError) return error.status >= 500 || error.status === 429;
  return error instanceof TypeError; // fetch's network failure
}

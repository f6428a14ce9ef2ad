/**
 * LINE webhook bodies as the LINE Platform sends them (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects),
 * signed with the channel secret, for driving the LINE channel in tests.
 */
import { createHmac } from 'node:crypto';

export const TEST_LINE_SECRET = '0123456789abcdef0123456789abcdef';
export const TEST_LINE_TOKEN = 'test-line-channel-access-token-0123456789';
export const TEST_LINE_DESTINATION = 'Ubot0000000000000000000000000000';

let counter = 0;

/** A fresh webhook event id (ULID-shaped: 26 characters). */
export function newWebhookEventId(): string {
  counter += 1;
  return `01TEST${String(counter).padStart(20, '0')}`;
}

export interface EventOptions {
  userId: string;
  replyToken?: string;
  webhookEventId?: string;
  redelivery?: boolean;
  timestamp?: number;
  sourceType?: 'user' | 'group' | 'room';
  mode?: 'active' | 'standby';
}

function base(type: string, options: EventOptions): Record<string, unknown> {
  return {
    type,
    mode: options.mode ?? 'active',
    timestamp: options.timestamp ?? 1_764_000_000_000,
    source:
      options.sourceType === 'group'
        ? { type: 'group', groupId: 'Cgroup', userId: options.userId }
        : { type: options.sourceType ?? 'user', userId: options.userId },
    webhookEventId: options.webhookEventId ?? newWebhookEventId(),
    deliveryContext: { isRedelivery: options.redelivery ?? false },
    ...(options.replyToken ? { replyToken: options.replyToken } : {}),
  };
}

export function textEvent(options: EventOptions & { text: string }): Record<string, unknown> {
  return {
    ...base('message', options),
    message: { type: 'text', id: '4680', quoteToken: 'q', text: options.text },
  };
}

export function stickerEvent(options: EventOptions): Record<string, unknown> {
  return {
    ...base('message', options),
    message: { type: 'sticker', id: '4681', packageId: '1', stickerId: '1' },
  };
}

export function postbackEvent(options: EventOptions & { data: string }): Record<string, unknown> {
  return { ...base('postback', options), postback: { data: options.data } };
}

export function followEvent(options: EventOptions): Record<string, unknown> {
  return { ...base('follow', options), follow: { isUnblocked: false } };
}

export function webhookBody(events: unknown[]): string {
  return JSON.stringify({ destination: TEST_LINE_DESTINATION, events });
}

/** `x-line-signature`: base64 HMAC-SHA256 of the body with the channel secret. */
export function signLine(body: string | Buffer, secret = TEST_LINE_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

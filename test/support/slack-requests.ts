/**
 * Builders for the requests Slack sends an app over HTTP, signed as Slack signs them (`v0` HMAC-SHA256 of
 * `v0:<timestamp>:<body>` with the signing secret): Events API callbacks (JSON), interactivity payloads
 * (form-encoded `payload=`), slash commands (form-encoded). `sendSlack` posts one to a Bolt endpoint.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface SlackRequest {
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
}

export interface SendOptions {
  /** `x-slack-retry-num`: Slack's redelivery counter. */
  retryNum?: number;
  /** Signs with this secret instead (a forged request). */
  signWith?: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function sendSlack(
  url: string,
  secret: string,
  request: SlackRequest,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.signWith ?? secret, timestamp, request.body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body: request.body, signal: AbortSignal.timeout(10_000) });
}

let counter = 0;
/** A fresh, increasing Slack-style timestamp (`1800000000.000001`). */
export function nextSlackTs(): string {
  counter += 1;
  return `1800000000.${String(counter).padStart(6, '0')}`;
}

export function eventCallback(
  teamId: string,
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID()}`,
): SlackRequest {
  return {
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: teamId,
      api_app_id: 'A0FAKE',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event,
    }),
  };
}

/** A user's message in their direct messages with the bot. */
export function directMessage(teamId: string, channel: string, user: string, text: string): SlackRequest {
  const ts = nextSlackTs();
  return eventCallback(teamId, {
    type: 'message',
    channel_type: 'im',
    channel,
    user,
    text,
    ts,
    event_ts: ts,
  });
}

/** `@bot text` in a channel, optionally inside a thread. */
export function mention(
  teamId: string,
  channel: string,
  user: string,
  text: string,
  options: { botUserId: string; threadTs?: string },
): SlackRequest {
  const ts = nextSlackTs();
  return eventCallback(teamId, {
    type: 'app_mention',
    channel,
    user,
    text: `<@${options.botUserId}> ${text}`,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  });
}

export function appHomeOpened(teamId: string, user: string): SlackRequest {
  return eventCallback(teamId, {
    type: 'app_home_opened',
    user,
    channel: `D${user}`,
    tab: 'home',
    event_ts: nextSlackTs(),
  });
}

export function interactivity(payload: Record<string, unknown>): SlackRequest {
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  };
}

export interface BlockActionsInput {
  teamId: string;
  user: string;
  /** The pressed element as rendered (type, action_id, value, text…) and its block's id. */
  action: Record<string, unknown>;
  blockId?: string;
  /** The message the button is on (as Slack currently stores it); absent for the Home tab. */
  message?: { channel: string; ts: string; text: string; blocks: unknown[]; threadTs?: string };
  /** `state.values` of the message's inputs. */
  values?: Record<string, Record<string, unknown>>;
}

export function blockActions(input: BlockActionsInput): SlackRequest {
  const { teamId, user, message } = input;
  const container = message
    ? { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false }
    : { type: 'view', view_id: 'VHOME' };
  return interactivity({
    type: 'block_actions',
    team: { id: teamId, domain: 'fake' },
    user: { id: user, username: user.toLowerCase(), team_id: teamId },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${randomUUID()}`,
    response_url: 'https://hooks.slack.invalid/actions/response',
    container,
    ...(message
      ? {
          channel: {
            id: message.channel,
            name: message.channel.startsWith('D') ? 'directmessage' : 'general',
          },
          message: {
            type: 'message',
            user: 'UBOT',
            bot_id: 'BBOT',
            ts: message.ts,
            text: message.text,
            blocks: message.blocks,
            ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
          },
        }
      : { view: { id: 'VHOME', type: 'home', blocks: [] } }),
    state: { values: input.values ?? {} },
    actions: [{ ...input.action, block_id: input.blockId ?? 'actions', action_ts: nextSlackTs() }],
  });
}

export function slashCommand(input: {
  teamId: string;
  user: string;
  command: string;
  text: string;
  channel?: string;
}): SlackRequest {
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: input.teamId,
      team_domain: 'fake',
      channel_id: input.channel ?? 'C0GENERAL',
      channel_name: 'general',
      user_id: input.user,
      user_name: input.user.toLowerCase(),
      command: input.command,
      text: input.text,
      api_app_id: 'A0FAKE',
      response_url: 'https://hooks.slack.invalid/commands/response',
      trigger_id: `trigger-${randomUUID()}`,
    }).toString(),
  };
}

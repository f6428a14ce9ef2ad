/**
 * Bolt's and the Web API client's log lines, through the project's redacting logger (tokens, e-mail addresses and
 * secrets masked) at the configured level, to stderr. Bolt's `setLevel` is ignored: LOG_LEVEL decides. Our own
 * faults do not go here but to `ChannelContext.onError` (see `app.error` in channel.ts).
 */
import { format } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import { createLogger, REDACTED } from '../../src/redaction/redact.js';

/** App-level tokens (`xapp-…`), which the shared redaction does not know. */
const APP_TOKEN = /\bxapp-[A-Za-z0-9-]+/g;

function line(parts: unknown[]): string {
  return format(...parts).replace(APP_TOKEN, REDACTED);
}

/** Slack user, team, channel, conversation and group ids (`U0123ABCD`, `T…`, `C…`, `D…`, `G…`, `W…`, `B…`). */
const SLACK_ID = /\b[UWTCDGB][A-Z0-9]{8,}\b/g;
const DEBUG_LINE_MAX = 200;

/**
 * Bolt's debug lines quote request bodies and API arguments and answers (customer names, messages, user ids). At
 * debug level only what the line is about is kept: its words up to the first payload (`{`, `[`, or an object
 * argument), at most 200 characters, with Slack ids masked — never a payload.
 */
export function debugLine(parts: unknown[]): string {
  const words: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' && typeof part !== 'number' && typeof part !== 'boolean') break;
    words.push(String(part));
  }
  const text = words.join(' ');
  const payloadAt = text.search(/[{[]/);
  const head = (payloadAt >= 0 ? text.slice(0, payloadAt) : text).slice(0, DEBUG_LINE_MAX).trimEnd();
  const omitted = payloadAt >= 0 || words.length < parts.length || text.length > DEBUG_LINE_MAX;
  return `${line([head]).replace(SLACK_ID, '[slack-id]')}${omitted ? ' [payload omitted]' : ''}`;
}

function boltLevel(level: LevelWithSilent): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

export function boltLogger(
  level: LevelWithSilent,
  destination: DestinationStream = pino.destination(2),
  /** Configured secret values (tokens, signing secret) masked wherever they appear in Bolt's lines. */
  secrets: readonly (string | undefined)[] = [],
): Logger {
  const logger = createLogger({
    level,
    name: 'slack',
    destination,
    secrets: secrets.filter((s): s is string => s !== undefined),
  });
  return {
    debug: (...parts: unknown[]) => logger.debug(debugLine(parts)),
    info: (...parts: unknown[]) => logger.info(line(parts)),
    warn: (...parts: unknown[]) => logger.warn(line(parts)),
    error: (...parts: unknown[]) => logger.error(line(parts)),
    setLevel: () => {},
    getLevel: () => boltLevel(level),
    setName: () => {},
  };
}

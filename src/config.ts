/**
 * Configuration from environment variables, validated once at start. Every variable is documented in
 * `.env.example`; a wrong or missing one is named in a single clear message.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseClosures } from './calendar/closures.js';
import { checkFrameAncestors } from './http/frame-ancestors.js';

/** Whether `check` accepts `value` (it throws when not). */
function passes(check: (value: string) => unknown, value: string): boolean {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

const port = z.coerce.number().int().min(0).max(65535);
/** A comma-separated list; blanks dropped. */
const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const schema = z
  .object({
    PORT: port.default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    STORE: z.enum(['sqlite', 'memory', 'redis']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('./data/conversations.sqlite'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    /**
     * PostgreSQL for the audit log (`postgres://user:password@host:5432/db`), for teams running many instances:
     * all append to one table. Unset: `audit.sqlite` beside SQLITE_PATH (memory with STORE=memory).
     */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Audit-log entries older than this many days are purged, at start and then daily. 2555 ≈ 7 years. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().max(36_500).default(2555),
    CONVERSATION_IDLE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(24),
    BACKEND_URL: z.url({ protocol: /^https?$/ }).optional(),
    BACKEND_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(5000),
    SANDBOX_PATH: z.string().min(1).default('./data/sandbox.sqlite'),
    SANDBOX_PORT: port.default(0),
    BOT_NOW: z.iso.datetime({ offset: true }).optional(),
    // The sources name no closures (DOMAIN §2e): closures are the operator's configuration, none by default.
    BOT_CLOSURES: z.string().default(''),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * The one optional satisfaction question (1–5, skippable) after a procedure completed, once per
     * conversation; answers are `satisfaction` entries of the audit log. `off` never asks.
     */
    SATISFACTION_QUESTION: z.stringbool().default(true),
    /**
     * Bearer token for `GET /metrics` (Prometheus). Set: a scrape without `Authorization: Bearer <token>` is 401.
     * Unset: `/metrics` is open (keep it on a private network then).
     */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** `production` refuses development switches (e.g. TEAMS_AUTH_DISABLED). */
    NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
    /**
     * With NODE_ENV=production the embedded sandbox backend (no BACKEND_URL) and DEMO_MODE=on are refused unless
     * this is set: a demonstration deployment must say so.
     */
    ALLOW_SANDBOX_IN_PRODUCTION: z.stringbool().default(false),
    /**
     * On SIGTERM/SIGINT: how long requests and turns in flight may take to finish (no new ones are accepted)
     * before connections are closed and the stores with them. Keep it below the orchestrator's kill timeout.
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),

    /**
     * The operations dashboard at /admin (bearer token or sign-in form). Unset: off — except in demo mode, where a
     * random token is made at start and printed in the start-up lines.
     */
    ADMIN_TOKEN: z.string().min(16).optional(),

    /** The contact center's backend key, sent for agents acting for a customer (never for customers). */
    BACKEND_AGENT_KEY: z.string().min(8).optional(),

    // Slack (adapters/slack): enabled when SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is set.
    SLACK_SIGNING_SECRET: z.string().min(8).optional(),
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-').optional(),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-').optional(),
    /** The Web API base URL; tests point it at a local fake. */
    SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
    /** Known bot ids skip Bolt's `auth.test` at start. */
    SLACK_BOT_USER_ID: z.string().min(1).optional(),
    SLACK_BOT_ID: z.string().min(1).optional(),
    SLACK_COMMAND: z
      .string()
      .regex(/^\/[a-z0-9_-]+$/)
      .default('/helpdesk'),
    /** Agents: comma-separated Slack user ids, and/or the id of a user group whose members are agents. */
    SLACK_AGENT_USERS: list,
    SLACK_AGENT_USERGROUP: z.string().min(1).optional(),
    /**
     * Live desk: the channel id (`C…`/`G…`) of the agents' private channel where requests for a person are
     * posted, claimed and answered in threads. Unset (and no Teams room): no live desk, desk contacts only. The
     * `HANDOFF` in the live desk's variable names is their deployed spelling, kept so no deployment breaks.
     */
    SLACK_HANDOFF_CHANNEL: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD')
      .optional(),

    // Teams (adapters/teams): the Bot Framework's own variable names.
    MicrosoftAppId: z.string().min(1).optional(),
    MicrosoftAppPassword: z.string().min(1).optional(),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().min(1).optional(),
    /** Local development only: accept unauthenticated Bot Framework requests. Refused when NODE_ENV=production. */
    TEAMS_AUTH_DISABLED: z.stringbool().default(false),
    /** Agents: comma-separated Microsoft Entra (AAD) object ids. */
    TEAMS_AGENT_USERS: list,
    /**
     * Live desk in Teams: the conversation id of the agents' channel (`19:…@thread.tacv2`) and the Bot
     * Connector service URL of that team (e.g. `https://smba.trafficmanager.net/apac/`).
     */
    TEAMS_HANDOFF_CONVERSATION: z.string().min(1).optional(),
    TEAMS_HANDOFF_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional(),

    // LINE (adapters/line): on when LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are both set.
    /** The channel secret (Basic settings): the webhook's `x-line-signature` is its HMAC-SHA256 of the body. */
    LINE_CHANNEL_SECRET: z
      .string()
      .regex(/^[0-9a-f]{32}$/i, 'must be the 32 hexadecimal digits of the LINE channel secret')
      .optional(),
    /** A long-lived channel access token (Messaging API tab). */
    LINE_CHANNEL_ACCESS_TOKEN: z.string().min(20).optional(),
    /** The Messaging API base URL; tests point it at a local fake. */
    LINE_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.line.me'),

    // Web chat (adapters/web).
    /**
     * The secret (HS256, ≥ 32 characters) the support site signs customer tokens with; shared with the backend,
     * which exchanges a token for a customer session. Unset in demo mode: a random one per start.
     */
    WEB_TOKEN_SECRET: z.string().min(32).optional(),
    WEB_TOKEN_AUDIENCE: z.string().min(1).default('helpdesk-bot'),
    /** `auto`: demo sign-in picker on when the backend is the embedded sandbox and NODE_ENV is not production. */
    DEMO_MODE: z.enum(['auto', 'on', 'off']).default('auto'),
    /** Who may embed the chat in a frame (CSP frame-ancestors), e.g. `https://support.example.com`. */
    WEB_FRAME_ANCESTORS: z
      .string()
      .min(1)
      .default("'self'")
      .refine((value) => passes(checkFrameAncestors, value), {
        message:
          "must be CSP sources such as 'self' https://support.example.com (no ';' or other directives)",
      }),
    // The web chat's header (operator configuration): whose service this is, the hours, the privacy policy link.
    WEB_SERVICE_NAME: z.string().min(1).optional(),
    WEB_HOURS: z.string().min(1).optional(),
    WEB_PRIVACY_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((c) => passes(parseClosures, c.BOT_CLOSURES), {
    message:
      'must be closures such as 12-29..01-03,2026-05-01 (MM-DD, MM-DD..MM-DD or YYYY-MM-DD, comma-separated)',
    path: ['BOT_CLOSURES'],
  })
  .refine(
    (c) =>
      c.MicrosoftAppId === undefined ||
      c.MicrosoftAppType === 'UserAssignedMSI' ||
      c.MicrosoftAppPassword !== undefined,
    {
      message:
        'MicrosoftAppPassword is required when MicrosoftAppId is set (except MicrosoftAppType=UserAssignedMSI)',
      path: ['MicrosoftAppPassword'],
    },
  )
  .refine((c) => c.STORE !== 'redis' || c.REDIS_URL !== undefined, {
    message: 'REDIS_URL is required when STORE=redis',
    path: ['REDIS_URL'],
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.TEAMS_AUTH_DISABLED), {
    message: 'TEAMS_AUTH_DISABLED is for local development and is refused when NODE_ENV=production',
    path: ['TEAMS_AUTH_DISABLED'],
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.DEMO_MODE === 'on' && !c.ALLOW_SANDBOX_IN_PRODUCTION), {
    message:
      'DEMO_MODE=on is refused when NODE_ENV=production (set ALLOW_SANDBOX_IN_PRODUCTION=1 for a demo)',
    path: ['DEMO_MODE'],
  })
  .refine(
    (c) => !(c.NODE_ENV === 'production' && c.BACKEND_URL === undefined && !c.ALLOW_SANDBOX_IN_PRODUCTION),
    {
      message:
        'is required when NODE_ENV=production: the embedded sandbox is for development (set ALLOW_SANDBOX_IN_PRODUCTION=1 to run a demo on it)',
      path: ['BACKEND_URL'],
    },
  )
  .refine((c) => c.TEAMS_HANDOFF_CONVERSATION === undefined || c.TEAMS_HANDOFF_SERVICE_URL !== undefined, {
    message: 'TEAMS_HANDOFF_SERVICE_URL is required when TEAMS_HANDOFF_CONVERSATION is set',
    path: ['TEAMS_HANDOFF_SERVICE_URL'],
  })
  .refine((c) => (c.LINE_CHANNEL_SECRET === undefined) === (c.LINE_CHANNEL_ACCESS_TOKEN === undefined), {
    message:
      'LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN must be set together (the LINE channel needs both)',
    path: ['LINE_CHANNEL_ACCESS_TOKEN'],
  })
  .refine(
    (c) => (c.SLACK_SIGNING_SECRET === undefined && c.SLACK_APP_TOKEN === undefined) || c.SLACK_BOT_TOKEN,
    {
      message: 'SLACK_BOT_TOKEN is required when Slack is enabled (SLACK_SIGNING_SECRET or SLACK_APP_TOKEN)',
      path: ['SLACK_BOT_TOKEN'],
    },
  );

export type Config = z.infer<typeof schema>;

/** Whether an agents' room for live desk is configured (Slack channel and/or Teams channel). */
export function agentRoomsConfigured(config: Config): boolean {
  return config.SLACK_HANDOFF_CHANNEL !== undefined || config.TEAMS_HANDOFF_CONVERSATION !== undefined;
}

/** Whether demo conveniences (sign-in picker with demo customers) are on. */
export function demoMode(config: Config): boolean {
  if (config.DEMO_MODE !== 'auto') return config.DEMO_MODE === 'on';
  return config.BACKEND_URL === undefined && config.NODE_ENV !== 'production';
}

/** Never echoed in error messages. */
const SECRET_NAMES = new Set([
  'REDIS_URL',
  'DATABASE_URL',
  'BACKEND_AGENT_KEY',
  'ADMIN_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  'WEB_TOKEN_SECRET',
  'LINE_CHANNEL_SECRET',
  'LINE_CHANNEL_ACCESS_TOKEN',
  'METRICS_TOKEN',
]);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration or throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) {
    // Demo and tests: the support site is simulated in-process, so any secret shared by bot and sandbox will do.
    if (parsed.data.WEB_TOKEN_SECRET === undefined && parsed.data.BACKEND_URL === undefined)
      return { ...parsed.data, WEB_TOKEN_SECRET: randomBytes(32).toString('base64url') };
    return parsed.data;
  }
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(config)');
    const got = present[name];
    return `  ${name}: ${issue.message}${got === undefined ? '' : ` (got "${SECRET_NAMES.has(name) ? '<redacted>' : got}")`}`;
  });
  throw new ConfigError(`Invalid configuration; see .env.example:\n${lines.join('\n')}`);
}

/**
 * Configuration from environment variables, validated once at start. Every variable is documented in
 * `.env.example`; a wrong or missing one is named in a single clear message.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

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
    // The operator's own closure days: empty by default, since the sources name no year-end or other closures.
    BOT_CLOSURES: z.string().default(''),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `production` refuses development switches (e.g. TEAMS_AUTH_DISABLED). */
    NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),

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
     * Live handoff: the channel id (`C…`/`G…`) of the agents' private channel where requests for a person are
     * posted, claimed and answered in threads. Unset (and no Teams room): no live handoff, desk contacts only.
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
     * Live handoff in Teams: the conversation id of the agents' channel (`19:…@thread.tacv2`) and the Bot
     * Connector service URL of that team (e.g. `https://smba.trafficmanager.net/apac/`).
     */
    TEAMS_HANDOFF_CONVERSATION: z.string().min(1).optional(),
    TEAMS_HANDOFF_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional(),

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
    WEB_FRAME_ANCESTORS: z.string().min(1).default("'self'"),
    // The web chat's header (operator configuration): whose service this is, the hours, the privacy policy link.
    WEB_SERVICE_NAME: z.string().min(1).optional(),
    WEB_HOURS: z.string().min(1).optional(),
    WEB_PRIVACY_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((c) => c.STORE !== 'redis' || c.REDIS_URL !== undefined, {
    message: 'REDIS_URL is required when STORE=redis',
    path: ['REDIS_URL'],
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.TEAMS_AUTH_DISABLED), {
    message: 'TEAMS_AUTH_DISABLED is for local development and is refused when NODE_ENV=production',
    path: ['TEAMS_AUTH_DISABLED'],
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.DEMO_MODE === 'on'), {
    message: 'DEMO_MODE=on is refused when NODE_ENV=production',
    path: ['DEMO_MODE'],
  })
  .refine((c) => c.TEAMS_HANDOFF_CONVERSATION === undefined || c.TEAMS_HANDOFF_SERVICE_URL !== undefined, {
    message: 'TEAMS_HANDOFF_SERVICE_URL is required when TEAMS_HANDOFF_CONVERSATION is set',
    path: ['TEAMS_HANDOFF_SERVICE_URL'],
  })
  .refine(
    (c) => (c.SLACK_SIGNING_SECRET === undefined && c.SLACK_APP_TOKEN === undefined) || c.SLACK_BOT_TOKEN,
    {
      message: 'SLACK_BOT_TOKEN is required when Slack is enabled (SLACK_SIGNING_SECRET or SLACK_APP_TOKEN)',
      path: ['SLACK_BOT_TOKEN'],
    },
  );

export type Config = z.infer<typeof schema>;

/** Whether an agents' room for live handoff is configured (Slack channel and/or Teams channel). */
export function handoffRoomsConfigured(config: Config): boolean {
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
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  'WEB_TOKEN_SECRET',
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

/**
 * Configuration from environment variables, validated once at start. Every variable is documented in
 * `.env.example`; a wrong or missing one is named in a single clear message.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z
  .object({
    PORT: port.default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    STORE: z.enum(['sqlite', 'memory', 'redis']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('./data/conversations.sqlite'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
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
    BOT_CLOSURES: z.string().default('12-29..01-03'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((c) => c.STORE !== 'redis' || c.REDIS_URL !== undefined, {
    message: 'REDIS_URL is required when STORE=redis',
    path: ['REDIS_URL'],
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration or throws one ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(config)');
    const got = present[name];
    return `  ${name}: ${issue.message}${got === undefined ? '' : ` (got "${name === 'REDIS_URL' ? '<redacted>' : got}")`}`;
  });
  throw new ConfigError(`Invalid configuration; see .env.example:\n${lines.join('\n')}`);
}

/**
 * Redaction for logs: nothing secret or personal reaches a log line unmasked.
 *
 * - Fields whose name is a secret (`token`, `key`, `password`, `secret`, `authorization`, `code`, `cookie`, and
 *   names such as `apiKey`, `accessToken`, `clientSecret`) become `[redacted]`, at any depth.
 * - In every string: e-mail addresses keep their first character and domain (`t***@example.com`); phone numbers
 *   become `[phone]`; bearer / basic credentials, JWTs, Slack tokens and `token=…` / `password: …` / `code=…`
 *   style pairs lose their value to `[redacted]`.
 * - Error objects keep their name, redacted message and stack, and a constant-style `code` such as `ECONNRESET`.
 * Contract numbers (`HMAO061322`), application numbers (`R-20191015-238079`) and ISO dates are left alone.
 */
import pino, {
  type Bindings,
  type DestinationStream,
  type LevelWithSilent,
  type LogFn,
  type Logger,
} from 'pino';

export const REDACTED = '[redacted]';

const SECRET_NAMES = new Set([
  'token',
  'key',
  'password',
  'passwd',
  'secret',
  'authorization',
  'code',
  'cookie',
  'setcookie',
  'apikey',
  'privatekey',
  'authcode',
  'authorizationcode',
]);
const SECRET_SUFFIXES = ['token', 'secret', 'password', 'apikey', 'privatekey'];

/** Whether a field of this name holds a credential (case, `_` and `-` are ignored). */
export function isSecretField(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z]/g, '');
  return SECRET_NAMES.has(normalized) || SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/** `token=…`, `client_secret: …`, `api_key=…`, and `key=…` / `code=…` (as in query strings). */
const KEY_VALUE =
  /\b([A-Za-z_-]*(?:token|secret|password|api[_-]?key)\s*[=:]\s*|(?:key|code)=)[^\s&,;"'`]+/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
/** Japanese numbers (`03-6631-2540`, `090 1234 5678`, `0366312540`) and `+CC …` international ones. */
const PHONE =
  /(?<![\w-])(?:\+\d{1,3}[-\s]?\(?\d{1,4}\)?(?:[-\s]?\d{2,4}){2,3}|0\d{1,4}(?:[-\s]?\d{1,4}){1,2}[-\s]?\d{3,4})(?![\w-])/g;

/** Masks e-mail addresses, phone numbers and inline credentials in free text. */
export function redactText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(SLACK_TOKEN, REDACTED)
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(KEY_VALUE, (_match, name: string) => `${name}${REDACTED}`)
    .replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`)
    .replace(PHONE, (match) => (isPhoneLength(match) ? '[phone]' : match));
}

function isPhoneLength(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  return match.startsWith('+') ? digits >= 8 && digits <= 15 : digits === 10 || digits === 11;
}

/** A deep copy of `value` with secret fields and personal data masked (see the module contract). */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet(), 0);
}

const MAX_DEPTH = 20;

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, seen, depth);
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      out[field] = isSecretField(field) ? REDACTED : redactValue(inner, seen, depth + 1);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function redactError(error: Error, seen: WeakSet<object>, depth: number): Error {
  const copy = new Error(redactText(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactText(error.stack);
  const fields: Record<string, unknown> = copy as unknown as Record<string, unknown>;
  for (const [field, inner] of Object.entries(error)) {
    const constantCode = field === 'code' && typeof inner === 'string' && /^[A-Z][A-Z0-9_]*$/.test(inner);
    fields[field] = isSecretField(field) && !constantCode ? REDACTED : redactValue(inner, seen, depth + 1);
  }
  if (error.cause !== undefined) copy.cause = redactValue(error.cause, seen, depth + 1);
  return copy;
}

const SECRET_PATHS = [
  'token',
  'key',
  'password',
  'secret',
  'authorization',
  'code',
  'cookie',
  'apiKey',
  'accessToken',
];

/** pino `redact` paths: the secret fields at the top level and one level down, plus request headers. */
export const LOG_REDACT_PATHS: readonly string[] = [
  ...SECRET_PATHS,
  ...SECRET_PATHS.map((field) => `*.${field}`),
  'req.headers.authorization',
  'req.headers.cookie',
];

export interface LoggerOptions {
  level?: LevelWithSilent;
  name?: string;
  /** Where lines go (default: stdout). Tests pass a collecting stream. */
  destination?: DestinationStream;
}

/**
 * A pino logger that redacts every argument of every log call (objects, messages and format arguments) and the
 * bindings of every child logger with {@link redact}, and applies pino's own path redaction as a second line of
 * defence.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(redact) as Parameters<LogFn>);
      },
    },
  };
  if (options.name !== undefined) config.name = options.name;
  const logger = options.destination ? pino(config, options.destination) : pino(config);
  // Children are created with Object.create(parent), so they inherit this wrapper too.
  const createChild = logger.child;
  logger.child = function child(this: Logger, bindings, childOptions) {
    return createChild.call(this, redact(bindings) as Bindings, childOptions);
  } as Logger['child'];
  return logger;
}

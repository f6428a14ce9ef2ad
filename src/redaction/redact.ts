/**
 * Redaction for logs: nothing secret or personal reaches a log line unmasked.
 *
 * - Fields whose name is a secret (`token`, `key`, `password`, `secret`, `authorization`, `code`, `cookie`,
 *   `credentials`, `assertion`, the bot's own credential names `agentKey` and `siteAssertion`, and names ending in
 *   token / secret / password / assertion such as `accessToken`, `clientSecret`) become `[redacted]`, at any depth.
 * - In every string: e-mail addresses keep their first character and domain (`t***@example.com`); phone numbers
 *   become `[phone]`; bearer / basic credentials, JWTs and Slack tokens become `[redacted]`; so does the value of
 *   any `name=value`, `name: value` or `"name":"value"` pair whose name ends in key, token, secret, password or
 *   assertion (any case, name and value optionally quoted), and of `code=…` (as in query strings).
 * - Configured secret values (`RedactOptions.secrets`: the agent key, Slack tokens…) are masked wherever they
 *   appear, whatever surrounds them; values shorter than {@link MIN_SECRET_VALUE_LENGTH} are ignored.
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
  'credentials',
  'assertion',
  // The bot's own credential names (CREDENTIAL_NAMES.agentKey, SITE_ASSERTION_CREDENTIAL).
  'agentkey',
  'siteassertion',
]);
const SECRET_SUFFIXES = ['token', 'secret', 'password', 'apikey', 'privatekey', 'agentkey', 'assertion'];

/** Whether a field of this name holds a credential (case, `_` and `-` are ignored). */
export function isSecretField(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z]/g, '');
  return SECRET_NAMES.has(normalized) || SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/**
 * An address starts where a run of local-part characters starts (the look-behind): the same matches as without
 * it, but a long run with no `@` is scanned once instead of once per character (quadratic time before).
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/**
 * `token=…`, `client_secret: …`, `agentKey=…`, `"customerToken":"…"`, `'siteAssertion': '…'` (also with the
 * quotes JSON-escaped), and `code=…`: group 1 is the name with what separates it from the value, which is kept.
 * A quoted value ends at its quote; an unquoted one at a blank or a separator. Names are at most 64 characters,
 * which bounds the work on long hyphenated text.
 */
const KEY_VALUE =
  /\b([A-Za-z0-9_-]{0,64}(?:key|token|secret|password|passwd|assertion)\\?["']?\s*[=:]\s*\\?["']?|code=)((?<=["'])[^"'\\\n]+|[^\s&,;"'`\\}]+)/gi;
/**
 * A one-time code quoted in echoed JSON or text: `"code":"123456"`, `"code": 123456`, `code: '123456'`, also
 * JSON-escaped (`\"code\":\"123456\"`). Only digit values are codes: a problem's `"code":"devices-remain"` is kept.
 */
const CODE_VALUE = /\b([A-Za-z0-9_-]{0,64}code\\?["']?\s*[:=]\s*\\?["']?)(\d{4,10})(?!\d)/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
/** Japanese numbers (`03-6631-2540`, `090 1234 5678`, `0366312540`) and `+CC …` international ones. */
const PHONE =
  /(?<![\w-])(?:\+\d{1,3}[-\s]?\(?\d{1,4}\)?(?:[-\s]?\d{2,4}){2,3}|0\d{1,4}(?:[-\s]?\d{1,4}){1,2}[-\s]?\d{3,4})(?![\w-])/g;

/** Configured secret values shorter than this are not masked (they would mangle ordinary text). */
export const MIN_SECRET_VALUE_LENGTH = 6;

export interface RedactOptions {
  /** Secret values (keys, tokens, passwords) to mask wherever they appear. */
  secrets?: readonly (string | undefined)[];
}

/** Masks the given secret values (longest first, so one containing another is masked whole). */
function valueMasker(secrets: RedactOptions['secrets']): (text: string) => string {
  const values = [...new Set(secrets ?? [])]
    .filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_VALUE_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => values.reduce((masked, value) => masked.split(value).join(REDACTED), text);
}

/** Masks configured secret values, e-mail addresses, phone numbers and inline credentials in free text. */
export function redactText(text: string, options: RedactOptions = {}): string {
  return textRedactor(valueMasker(options.secrets))(text);
}

type TextRedactor = (text: string) => string;

const textRedactor =
  (maskValues: TextRedactor): TextRedactor =>
  (text) =>
    maskValues(text)
      .replace(JWT, REDACTED)
      .replace(SLACK_TOKEN, REDACTED)
      .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
      .replace(KEY_VALUE, (_match, name: string) => `${name}${REDACTED}`)
      .replace(CODE_VALUE, (_match, name: string) => `${name}${REDACTED}`)
      .replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`)
      .replace(PHONE, (match) => (isPhoneLength(match) ? '[phone]' : match));

const plainText = textRedactor((text) => text);

function isPhoneLength(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  return match.startsWith('+') ? digits >= 8 && digits <= 15 : digits === 10 || digits === 11;
}

/** A deep copy of `value` with secret fields and personal data masked (see the module contract). */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  const text = options.secrets ? textRedactor(valueMasker(options.secrets)) : plainText;
  return redactValue(value, text, new WeakSet(), 0);
}

const MAX_DEPTH = 20;

function redactValue(value: unknown, text: TextRedactor, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return text(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, text, seen, depth);
    if (Array.isArray(value)) return value.map((item) => redactValue(item, text, seen, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      out[field] = isSecretField(field) ? REDACTED : redactValue(inner, text, seen, depth + 1);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function redactError(error: Error, text: TextRedactor, seen: WeakSet<object>, depth: number): Error {
  const copy = new Error(text(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : text(error.stack);
  const fields: Record<string, unknown> = copy as unknown as Record<string, unknown>;
  for (const [field, inner] of Object.entries(error)) {
    const constantCode = field === 'code' && typeof inner === 'string' && /^[A-Z][A-Z0-9_]*$/.test(inner);
    fields[field] =
      isSecretField(field) && !constantCode ? REDACTED : redactValue(inner, text, seen, depth + 1);
  }
  if (error.cause !== undefined) copy.cause = redactValue(error.cause, text, seen, depth + 1);
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
  'credentials',
  'assertion',
  'agentKey',
  'siteAssertion',
  'customerToken',
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
  /**
   * Secret values to mask wherever they appear (the configured agent key, Slack tokens, passwords…); `undefined`
   * entries (unset settings) are skipped.
   */
  secrets?: readonly (string | undefined)[];
}

/**
 * A pino logger that redacts every argument of every log call (objects, messages and format arguments) and the
 * bindings of every child logger with {@link redact} (masking `options.secrets` too), and applies pino's own path
 * redaction as a second line of defence.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const redactOptions: RedactOptions = options.secrets ? { secrets: options.secrets } : {};
  const clean = (value: unknown) => redact(value, redactOptions);
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(clean) as Parameters<LogFn>);
      },
    },
  };
  if (options.name !== undefined) config.name = options.name;
  const logger = options.destination ? pino(config, options.destination) : pino(config);
  // Children are created with Object.create(parent), so they inherit this wrapper too.
  const createChild = logger.child;
  logger.child = function child(this: Logger, bindings, childOptions) {
    return createChild.call(this, clean(bindings) as Bindings, childOptions);
  } as Logger['child'];
  return logger;
}

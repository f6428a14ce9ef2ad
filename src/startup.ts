/**
 * Start-up failures as the operator reads them (item 8 of the outside probe): one line naming the variable to fix,
 * exit status 2 — never a stack trace, never a hang.
 *
 * - {@link preflight} checks, before anything opens, that the directories the SQLite files go in can be created
 *   and written (`SQLITE_PATH=/proc/nope/x` would otherwise hang inside the SQLite driver);
 * - {@link startWithin} bounds the whole start (stores, audit log, backend, channels, listening) by a deadline;
 * - {@link describeStartupFailure} names the variable behind a failure: PORT (address in use or not allowed),
 *   REDIS_URL, DATABASE_URL, SQLITE_PATH / SANDBOX_PATH, or the audit schema (`npm run db:migrate`; SQLITE_PATH for
 *   the SQLite file's schema, DATABASE_URL for PostgreSQL's).
 * No message carries a password or a full connection string.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Config } from './config.js';

export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    /** The environment variable (or command) the operator must look at. */
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The default bound of a start, every dependency included. */
export const STARTUP_DEADLINE_MS = 30_000;

/** The SQLite files this configuration writes, by the variable that places them. */
function sqliteDirectories(config: Config): { variable: string; path: string }[] {
  const found: { variable: string; path: string }[] = [];
  // Conversations (STORE=sqlite), and the audit log beside them when there is no DATABASE_URL.
  if (config.STORE === 'sqlite' || (config.STORE !== 'memory' && config.DATABASE_URL === undefined))
    found.push({ variable: 'SQLITE_PATH', path: config.SQLITE_PATH });
  if (config.BACKEND_URL === undefined) found.push({ variable: 'SANDBOX_PATH', path: config.SANDBOX_PATH });
  return found;
}

/**
 * Creates `directory` one level at a time from its nearest existing ancestor. Not `mkdir({ recursive: true })`:
 * under `/proc` that loops for ever in Node 20 (the reported hang).
 */
async function createDirectory(directory: string): Promise<void> {
  const missing: string[] = [];
  let current = directory;
  for (;;) {
    try {
      const found = await stat(current);
      if (!found.isDirectory())
        throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      missing.unshift(current);
      const parent = dirname(current);
      if (parent === current) throw error;
      current = parent;
    }
  }
  for (const path of missing) await mkdir(path);
  await access(directory, constants.W_OK);
}

/** Fails with a {@link StartupError} when a SQLite file's directory cannot be created or written. */
export async function preflight(config: Config): Promise<void> {
  for (const { variable, path } of sqliteDirectories(config)) {
    const directory = dirname(resolve(path));
    try {
      await createDirectory(directory);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new StartupError(
        variable,
        `${variable}: cannot create or write the directory ${directory}${typeof code === 'string' ? ` (${code})` : ''}; set ${variable} to a writable path.`,
        { cause: error },
      );
    }
  }
}

/** Error codes and messages along the cause chain, lower-cased, for classification. */
function chain(error: unknown): { codes: string[]; text: string } {
  const codes: string[] = [];
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (typeof record.message === 'string') texts.push(record.message);
    if (Array.isArray(record.errors)) {
      for (const inner of record.errors) {
        const code = (inner as { code?: unknown }).code;
        if (typeof code === 'string') codes.push(code);
      }
    }
    current = record.cause;
  }
  return { codes, text: texts.join(' | ').toLowerCase() };
}

/** The one line an operator reads for a failed start, naming the variable. */
export function describeStartupFailure(error: unknown, config: Config): StartupError {
  if (error instanceof StartupError) return error;
  const { codes, text } = chain(error);
  const code = codes[0];
  const because = code ? ` (${code})` : '';
  if (codes.includes('EADDRINUSE'))
    return new StartupError(
      'PORT',
      `PORT: ${config.HOST}:${config.PORT} is already in use; set PORT to a free port.`,
    );
  if (codes.includes('EACCES') && text.includes('listen'))
    return new StartupError(
      'PORT',
      `PORT: not allowed to listen on ${config.PORT}${because}; use a port above 1024.`,
    );
  if (text.includes('sqlite audit schema'))
    return new StartupError('SQLITE_PATH', `SQLITE_PATH: ${firstLine(error)}`);
  if (text.includes('audit schema') || text.includes('db:migrate'))
    return new StartupError('DATABASE_URL', `DATABASE_URL: ${firstLine(error)}`);
  if (text.includes('postgresql') || text.includes('postgres'))
    return new StartupError(
      'DATABASE_URL',
      `DATABASE_URL: the PostgreSQL audit log is unreachable or refused the connection${because}.`,
    );
  if (text.includes('redis'))
    return new StartupError(
      'REDIS_URL',
      `REDIS_URL: Redis is unreachable or refused the connection${because}.`,
    );
  if (text.includes('sqlite') || codes.some((c) => c.startsWith('SQLITE_')))
    return new StartupError('SQLITE_PATH', `SQLITE_PATH: the SQLite files could not be opened${because}.`);
  return new StartupError('(start-up)', `Could not start: ${firstLine(error)}`);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/\w+:\/\/[^\s]*@/g, '***@');
}

/**
 * Runs the pre-flight check, then `start`, bounded by `deadlineMs`. Any failure is a {@link StartupError}
 * naming the variable; a start that does not finish in time names the variables of what it waits on.
 */
export async function startWithin<T>(
  config: Config,
  start: () => Promise<T>,
  deadlineMs = STARTUP_DEADLINE_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      preflight(config).then(start),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          const waitedOn = [
            config.STORE === 'redis' ? 'REDIS_URL' : config.STORE === 'sqlite' ? 'SQLITE_PATH' : undefined,
            config.DATABASE_URL !== undefined ? 'DATABASE_URL' : undefined,
            config.BACKEND_URL !== undefined ? 'BACKEND_URL' : undefined,
          ].filter(Boolean);
          reject(
            new StartupError(
              waitedOn[0] ?? '(start-up)',
              `Start-up did not finish within ${Math.round(deadlineMs / 1000)} s; check ${waitedOn.join(', ') || 'the configuration'}.`,
            ),
          );
        }, deadlineMs);
        timer.unref();
      }),
    ]);
  } catch (error) {
    throw describeStartupFailure(error, config);
  } finally {
    clearTimeout(timer);
  }
}

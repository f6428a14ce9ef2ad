/**
 * Start-up failures (item 8 of the outside probe): one line naming the variable, exit status 2, never a stack
 * trace and never a hang. Configuration mistakes are checked by loadConfig; the rest by starting `src/server.ts`
 * in a child process against a port in use, an unreachable Redis and PostgreSQL (closed loopback ports), and a
 * SQLite path under /proc (which used to hang).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../src/audit-log/sqlite-migrations.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { describeStartupFailure, preflight, StartupError } from '../src/startup.js';

const dir = mkdtempSync(join(tmpdir(), 'startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const SERVER = new URL('../src/server.ts', import.meta.url).pathname;

/** Runs the server with `env`; resolves with its exit code and output (killed after `limitMs`). */
function start(
  env: Record<string, string>,
  limitMs = 90_000,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [SERVER], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        TMPDIR: tmpdir(),
        PORT: '0',
        SQLITE_PATH: join(dir, 'conversations.sqlite'),
        SANDBOX_PATH: join(dir, 'sandbox.sqlite'),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 9));
    });
  });
}

function expectOneLine(result: { code: number | null; stderr: string }, variable: string): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${variable}: `));
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
}

describe('configuration mistakes name the variable', () => {
  it.each([
    [{ MicrosoftAppId: '00000000-0000-0000-0000-000000000000' }, 'MicrosoftAppPassword'],
    [{ WEB_FRAME_ANCESTORS: "'self'; script-src *" }, 'WEB_FRAME_ANCESTORS'],
    [{ BOT_CLOSURES: '13-45' }, 'BOT_CLOSURES'],
  ])('%j → %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\n  ${variable}: `));
  });

  it('a managed identity needs no password', () => {
    expect(() =>
      loadConfig({ MicrosoftAppId: 'x', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }),
    ).not.toThrow();
  });
});

describe('failures while starting', () => {
  it('classifies failures by what failed, without secrets', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://bot:secret@db.example:5432/audit' });
    const pg = describeStartupFailure(
      new Error('Could not open the PostgreSQL audit log at postgres://bot:***@db.example:5432/audit.', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
      config,
    );
    expect(pg).toBeInstanceOf(StartupError);
    expect(pg.variable).toBe('DATABASE_URL');
    expect(pg.message).not.toContain('secret');
    const port = describeStartupFailure(
      Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }),
      config,
    );
    expect(port.variable).toBe('PORT');
  });

  it('SQLITE_PATH under /proc fails at once instead of hanging', async () => {
    const started = performance.now();
    await expect(preflight(loadConfig({ SQLITE_PATH: '/proc/nope/x' }))).rejects.toThrow(/^SQLITE_PATH: /);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('the server: a port in use, unreachable Redis and PostgreSQL, an unusable SQLite path', async () => {
    const busy: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    try {
      const address = busy.address();
      const busyPort = typeof address === 'object' && address ? address.port : 0;
      const [inUse, redis, postgres, proc] = await Promise.all([
        start({ PORT: String(busyPort) }),
        start({ STORE: 'redis', REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }),
        start({ DATABASE_URL: `postgres://postgres:pw@127.0.0.1:${await closedPort()}/x` }),
        start({ SQLITE_PATH: '/proc/nope/x' }),
      ]);
      expectOneLine(inUse, 'PORT');
      expectOneLine(redis, 'REDIS_URL');
      expectOneLine(postgres, 'DATABASE_URL');
      expect(postgres.stderr).not.toContain(':pw@');
      expectOneLine(proc, 'SQLITE_PATH');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 150_000);
});

describe('the SQLite audit schema at start', () => {
  const MIGRATE = new URL('../src/audit-log/migrate-cli.ts', import.meta.url).pathname;

  /** Runs `npm run db:migrate`'s script with `env`; resolves with its exit code and output. */
  function migrate(
    env: Record<string, string>,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(TSX, [MIGRATE], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, TMPDIR: tmpdir(), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('production with an audit file an older bot created: exit 2, one line naming npm run db:migrate, which upgrades it', async () => {
    const data = join(dir, 'older-audit');
    mkdirSync(data, { recursive: true });
    // The file as an older bot left it: the table it made at start, no version table.
    const db = new Database(join(data, 'audit.sqlite'));
    db.exec(SQLITE_MIGRATIONS[0]?.sql('audit_log') ?? '');
    db.close();
    const env = {
      NODE_ENV: 'production',
      ALLOW_SANDBOX_IN_PRODUCTION: '1',
      SQLITE_PATH: join(data, 'conversations.sqlite'),
      SANDBOX_PATH: join(data, 'sandbox.sqlite'),
    };

    const refused = await start(env);
    expectOneLine(refused, 'SQLITE_PATH');
    expect(refused.stderr).toMatch(/unversioned \(created by an older bot\).*`npm run db:migrate`/);

    const migrated = await migrate(env);
    expect(migrated.code).toBe(0);
    const latest = SQLITE_MIGRATIONS.length;
    const all = SQLITE_MIGRATIONS.map((_, i) => i + 1).join(', ');
    expect(migrated.stdout).toMatch(
      new RegExp(
        `^Audit schema in .*audit\\.sqlite \\(SQLite\\): version 0 → ${latest} \\(applied ${all}\\)\\.\n$`,
      ),
    );
    const again = await migrate(env);
    expect(again.stdout).toContain(`version ${latest} → ${latest} (nothing to apply)`);
  }, 120_000);
});

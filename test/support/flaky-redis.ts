/**
 * A private, throw-away Redis for store-fault tests: `redis-server` started by the test on a free loopback port,
 * keeping nothing on disk, that the test can stop (SIGTERM to its own pid) and start again on the same port.
 *
 * Contract:
 * - Never uses port 6379 (the machine's Redis) and only signals the process it spawned, by pid.
 * - `start()` resolves once the server answers PING (bounded by `readyTimeoutMs`); `stop()` resolves once the
 *   process has exited (SIGTERM, then SIGKILL after `stopTimeoutMs`).
 * - After a restart the data is gone (`--save '' --appendonly no`): it behaves like a Redis that lost its memory.
 * - `close()` stops the server and removes its working directory. A server is never left behind: a normal exit
 *   kills it, and a watchdog shell stops it (by pid) within a second if the test process dies abruptly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = '/usr/bin/redis-server';
const MACHINE_REDIS_PORT = 6379;

export interface FlakyRedis {
  readonly port: number;
  readonly url: string;
  /** The running server's pid, `undefined` while stopped. */
  readonly pid: number | undefined;
  /** Starts the server (again) on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops the server with SIGTERM (SIGKILL if it lingers); resolves once it has exited. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface FlakyRedisOptions {
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

/** Whether this machine can run the tests that need a private Redis. */
export function redisServerAvailable(): boolean {
  return existsSync(REDIS_SERVER);
}

/** A port that was free a moment ago: bound on 127.0.0.1 port 0, then released. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        const chosen = typeof address === 'object' && address ? address.port : 0;
        probe.close(() => resolve(chosen));
      });
    });
    if (port !== MACHINE_REDIS_PORT && port !== 0) return port;
  }
}

/** Sends PING once; true when the answer is +PONG. */
function ping(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString('utf8').startsWith('+PONG')));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A shell that stops `server` once this process is gone (SIGKILLed test workers run no exit handlers). */
function watch(server: ChildProcess): ChildProcess | undefined {
  if (!server.pid) return undefined;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -TERM ${server.pid} 2>/dev/null`;
  const shell = spawn('/bin/sh', ['-c', script], { stdio: 'ignore', detached: true });
  shell.unref();
  return shell;
}

/**
 * The environment for a foreign server (Redis): without libfaketime, which CI preloads to move the clock of our
 * code (Redis crashes under it). Like the machine's own Redis, the test server runs on the real clock.
 */
function withoutFakeClock(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { LD_PRELOAD, FAKETIME, FAKETIME_NO_CACHE, DONT_FAKE_MONOTONIC, ...rest } = env;
  const kept = (LD_PRELOAD ?? '')
    .split(/[:\s]+/)
    .filter((library) => library && !library.includes('faketime'))
    .join(':');
  return kept ? { ...rest, LD_PRELOAD: kept } : rest;
}

export async function startFlakyRedis(options: FlakyRedisOptions = {}): Promise<FlakyRedis> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 5_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 3_000;
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'flaky-redis-'));
  let child: ChildProcess | undefined;
  let watchdog: ChildProcess | undefined;
  const killOnExit = () => {
    watchdog?.kill('SIGKILL');
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  async function start(): Promise<void> {
    if (child) throw new Error(`The test Redis on port ${port} is already running (pid ${child.pid}).`);
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const spawned = spawn(REDIS_SERVER, [...args, '--dir', dir, '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: withoutFakeClock(process.env),
    });
    child = spawned;
    watchdog = watch(spawned);
    let stderr = '';
    spawned.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const deadline = Date.now() + readyTimeoutMs;
    while (!(await ping(port))) {
      if (spawned.exitCode !== null || Date.now() > deadline) {
        spawned.kill('SIGKILL');
        watchdog?.kill('SIGKILL');
        child = undefined;
        throw new Error(
          `The test Redis did not start on port ${port}: ${stderr.trim() || 'no answer to PING'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    if (!running?.pid) return;
    child = undefined;
    // The watchdog goes first, so it can never signal a recycled pid.
    watchdog?.kill('SIGKILL');
    watchdog = undefined;
    const gone = exited(running);
    process.kill(running.pid, 'SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), stopTimeoutMs);
    await gone;
    clearTimeout(timer);
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    start,
    stop,
    async close() {
      await stop();
      process.off('exit', killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

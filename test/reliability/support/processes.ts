/**
 * Real child processes for the reliability tests: the reference sandbox (`src/sandbox/main.ts`) and bots
 * (`test/support/child-bot.ts`), each started with `node --import tsx` from the repository root and an explicit
 * environment. Every child is tracked by a `ChildTracker` whose `killAll()` (called in `afterEach`) sends SIGKILL
 * to each child still running, by its pid.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Reply, Turn } from '../../../src/engine/turn.js';
import type { ChildMessage, ChildRequest } from '../../support/child-bot.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 20_000;
const TURN_TIMEOUT_MS = 20_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningChild {
  readonly pid: number;
  readonly name: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  isRunning(): boolean;
  /** The last 8 KiB the child wrote to stderr, for failure messages. */
  stderr(): string;
}

/** SIGKILL by pid; a child that has just exited on its own is not an error. */
function killByPid(child: RunningChild): void {
  if (!child.isRunning()) return;
  try {
    process.kill(child.pid, 'SIGKILL');
  } catch {
    // ESRCH: it exited between the check and the kill.
  }
}

/** Children started by one test file; `killAll` kills each one still running by its pid and waits for it. */
export class ChildTracker {
  private readonly children: RunningChild[] = [];

  constructor() {
    // Should the test worker end without afterEach (a crash, a timeout), no child outlives it.
    process.once('exit', () => {
      for (const child of this.children) killByPid(child);
    });
  }

  track<T extends RunningChild>(child: T): T {
    this.children.push(child);
    return child;
  }

  async killAll(): Promise<void> {
    const running = this.children.splice(0);
    for (const child of running) killByPid(child);
    await Promise.all(running.map((child) => child.exited));
  }
}

/** A minimal environment: the child's configuration comes from `env` only, never from the test runner's. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
  const base = Object.fromEntries(
    keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  return { ...base, NODE_ENV: 'test', ...env };
}

function startNode(name: string, script: string, env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${name}`);
  let errText = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errText = (errText + chunk.toString('utf8')).slice(-8192);
  });
  let running = true;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  // A child killed while we write to it must not crash the test runner.
  child.stdin.on('error', () => undefined);
  const handle: RunningChild = {
    pid,
    name,
    exited,
    isRunning: () => running,
    stderr: () => errText,
  };
  return { child, handle };
}

/** Rejects with the child's stderr when it exits or stays silent before `ready` resolves. */
function startupGuard<T>(handle: RunningChild, ready: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${handle.name} not ready in ${STARTUP_TIMEOUT_MS} ms:\n${handle.stderr()}`)),
      STARTUP_TIMEOUT_MS,
    );
    handle.exited.then((exit) =>
      reject(
        new Error(`${handle.name} exited during start-up (${JSON.stringify(exit)}):\n${handle.stderr()}`),
      ),
    );
  });
  return Promise.race([ready, failed]).finally(() => clearTimeout(timer));
}

export interface SandboxProcess extends RunningChild {
  readonly url: string;
  /** The next one-time code mailed to `email` that no caller has taken yet (waits up to 10 s for it). */
  takeCode(email: string): Promise<string>;
}

/**
 * Starts `src/sandbox/main.ts` on 127.0.0.1 and a free port, keeping its state in the SQLite file `db`
 * (`memory` for none) with the clock fixed at `now`. One-time codes are read from its log.
 */
export async function startSandboxProcess(
  tracker: ChildTracker,
  options: { db: string; now: string },
): Promise<SandboxProcess> {
  const { child, handle } = startNode('sandbox', 'src/sandbox/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    SANDBOX_DB: options.db,
    BOT_NOW: options.now,
  });
  tracker.track(handle);
  const codes = new Map<string, string[]>();
  const taken = new Map<string, number>();
  const waiters: (() => void)[] = [];
  let resolveUrl: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    resolveUrl = resolve;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const listening = /^sandbox: listening on (http:\/\/\S+)/.exec(line);
    if (listening?.[1]) resolveUrl(listening[1]);
    const mail = /^sandbox: one-time code for (\S+): (\S+) /.exec(line);
    if (mail?.[1] && mail[2]) {
      codes.set(mail[1], [...(codes.get(mail[1]) ?? []), mail[2]]);
      for (const wake of waiters.splice(0)) wake();
    }
  });
  const listeningAt = await startupGuard(handle, url);

  const takeCode = async (email: string): Promise<string> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const index = taken.get(email) ?? 0;
      const code = codes.get(email)?.[index];
      if (code !== undefined) {
        taken.set(email, index + 1);
        return code;
      }
      if (Date.now() > deadline) throw new Error(`The sandbox mailed no new code to ${email}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  return {
    ...handle,
    url: listeningAt,
    takeCode,
  };
}

export interface BotProcess extends RunningChild {
  /** Sends one turn; resolves with the replies, rejects when the child dies first or after 20 s. */
  send(turn: Turn): Promise<Reply[]>;
  /** SIGKILL now: no clean-up, no last write. */
  kill(): Promise<Exit>;
  /** Ends stdin: the bot finishes the turns in progress, closes its stores and exits. */
  close(): Promise<Exit>;
}

/** Starts a bot child with `env` as its whole configuration (STORE, SQLITE_PATH, BACKEND_URL, BOT_NOW, …). */
export async function startBotProcess(
  tracker: ChildTracker,
  name: string,
  env: Record<string, string>,
): Promise<BotProcess> {
  const { child, handle } = startNode(name, 'test/support/child-bot.ts', { LOG_LEVEL: 'warn', ...env });
  tracker.track(handle);
  const pending = new Map<number, { resolve: (r: Reply[]) => void; reject: (e: Error) => void }>();
  let nextSeq = 1;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as ChildMessage;
    if ('ready' in message) {
      resolveReady();
      return;
    }
    const waiter = pending.get(message.seq);
    pending.delete(message.seq);
    if ('replies' in message) waiter?.resolve(message.replies);
    else waiter?.reject(new Error(`${name}: ${message.error}`));
  });
  handle.exited.then((exit) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`${name} exited (${JSON.stringify(exit)}) before answering`));
    pending.clear();
  });
  await startupGuard(handle, ready);

  return {
    ...handle,
    send(turn) {
      const seq = nextSeq++;
      const request: ChildRequest = { seq, turn };
      return new Promise<Reply[]>((resolve, reject) => {
        if (!handle.isRunning()) {
          reject(new Error(`${name} is not running`));
          return;
        }
        const timer = setTimeout(() => {
          pending.delete(seq);
          reject(
            new Error(`${name} did not answer turn ${seq} in ${TURN_TIMEOUT_MS} ms:\n${handle.stderr()}`),
          );
        }, TURN_TIMEOUT_MS);
        pending.set(seq, {
          resolve: (replies) => {
            clearTimeout(timer);
            resolve(replies);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    async kill() {
      killByPid(handle);
      return handle.exited;
    },
    async close() {
      child.stdin.end();
      return handle.exited;
    },
  };
}

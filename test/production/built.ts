/**
 * The built bot (`npm run build` → dist/) as a real child process: `node dist/src/server.js`, no tsx, no
 * TypeScript. `buildOnce` compiles once per test file; `startBuilt` spawns the server with the given
 * environment and resolves with its URL once it prints "listening on".
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILT_SERVER = `${ROOT}dist/src/server.js`;

/** The newest modification time under `dir` (files only), in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const STAMP = `${ROOT}dist/.built-at`;

const LOCK = `${ROOT}dist/.build-lock`;

/** Sleeps synchronously (the build runs in a synchronous `beforeAll`). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `npm run build`'s script unless dist/ is newer than every file it is built from; throws with its output
 * when it fails. Test files running in parallel share one build: a lock directory lets one build while the others
 * wait, then find the build fresh.
 */
export function build(): void {
  const fresh = () => {
    const sources = Math.max(
      ...['src', 'adapters', 'dialogs', 'scripts'].map((dir) => newest(`${ROOT}${dir}`)),
    );
    return existsSync(STAMP) && statSync(STAMP).mtimeMs > sources;
  };
  if (fresh()) return;
  mkdirSync(`${ROOT}dist`, { recursive: true });
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a build that died more than 10 minutes ago is stale.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000)
        rmSync(LOCK, { recursive: true });
      if (Date.now() > deadline) throw new Error(`another build held ${LOCK} for 10 minutes`);
      pause(500);
    }
  }
  try {
    if (fresh()) return;
    const result = spawnSync(process.execPath, [`${ROOT}scripts/build.mjs`], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
    writeFileSync(STAMP, new Date().toISOString());
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * The machine's clock and zone as the test runner has them: CI moves the clock with libfaketime and sets TZ, and
 * a child on another clock would see the runner's signed Slack timestamps as from the future.
 */
const MACHINE_CLOCK_VARIABLES = ['TZ', 'LD_PRELOAD', 'FAKETIME', 'FAKETIME_NO_CACHE', 'DONT_FAKE_MONOTONIC'];

function machineClockEnv(): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of MACHINE_CLOCK_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** The environment a child gets: PATH, the machine's clock, and what the test passes (nothing else of the runner's). */
function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...machineClockEnv(), LOG_LEVEL: 'warn', ...env };
}

/** Runs the built server to completion (for start-up failures); resolves with its exit code and output. */
export function runBuilt(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_SERVER], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the built server did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Starts the built server; `command` runs it another way (e.g. `npm run start:prod`), whose process is then the
 * one `child` names.
 */
export function startBuilt(
  env: Record<string, string>,
  timeoutMs = 60_000,
  command: readonly string[] = [process.execPath, BUILT_SERVER],
): Promise<BuiltServer> {
  const [file = process.execPath, ...args] = command;
  const child = spawn(file, args, { cwd: ROOT, env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the built server did not start within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, stdout: () => stdout, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the built server exited (${code}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}

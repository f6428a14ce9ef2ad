/**
 * Starting a TypeScript helper process for a benchmark (`node --import tsx <file>`) with an IPC channel, and
 * waiting for its messages. Helpers exit when the parent disconnects, so nothing outlives the bench.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Helper<In, Out> {
  process: ChildProcess;
  send(message: In): void;
  /** The first unconsumed message matching `accept`, already received or still to come. */
  next<M extends Out>(accept: (message: Out) => message is M, timeoutMs?: number): Promise<M>;
  /** Disconnects and waits for the exit (kills it after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export function startHelper<In, Out>(
  file: string,
  env: Record<string, string> = {},
  execArgv: readonly string[] = [],
): Helper<In, Out> {
  const child = spawn(
    process.execPath,
    [...execArgv, '--import', 'tsx', fileURLToPath(new URL(file, `file://${ROOT}`))],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const waiters: { accept: (m: Out) => boolean; resolve: (m: Out) => void }[] = [];
  const unclaimed: Out[] = [];
  child.on('message', (raw) => {
    const message = raw as Out;
    const index = waiters.findIndex((w) => w.accept(message));
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(message);
    else unclaimed.push(message);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    send(message) {
      child.send(message as object);
    },
    next<M extends Out>(accept: (message: Out) => message is M, timeoutMs = 120_000): Promise<M> {
      const early = unclaimed.findIndex((m) => accept(m));
      if (early >= 0) return Promise.resolve(unclaimed.splice(early, 1)[0] as M);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${file}: no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const onExit = () => reject(new Error(`${file} exited with ${child.exitCode}`));
        child.once('exit', onExit);
        waiters.push({
          accept,
          resolve: (m) => {
            clearTimeout(timer);
            child.off('exit', onExit);
            resolve(m as M);
          },
        });
      });
    },
    async stop(graceMs = 5000) {
      if (child.exitCode !== null) return;
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

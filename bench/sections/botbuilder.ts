/**
 * `botbuilder`: the same 5-turn flow written with botbuilder-dialogs (bench/botbuilder/flow.ts) on TestAdapter and
 * MemoryStorage, measured like the engine: turns per second, p50/p99 per turn, bytes stored per conversation.
 *
 * botbuilder-dialogs is installed into `bench/botbuilder/` on first use, with install scripts disabled (they fail on
 * this machine) — it never becomes a dependency of the bot. When the install fails (no network), the section
 * reports why instead of numbers and the other sections still run.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  BOTBUILDER_TURNS,
  type Botbuilder,
  createBotbuilderBackend,
  createBotbuilderBot,
  loadBotbuilder,
} from '../botbuilder/flow.js';
import { DONE_TEXT } from '../flow/cancel-flow.js';
import { median, medianOfRuns, msSince, percentile, roundAll } from '../lib/stats.js';

const BOTBUILDER_DIR = fileURLToPath(new URL('../botbuilder/', import.meta.url));

export type BotbuilderRun = {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  stateBytesPeak: number;
  stateBytesFinal: number;
  conversations: number;
};

export type BotbuilderSection =
  | (BotbuilderRun & { available: true; version: string; runs: number; perRun: BotbuilderRun[] })
  | { available: false; reason: string };

/** Installs bench/botbuilder's pinned packages when its node_modules is missing; resolves to an error text or undefined. */
export async function ensureBotbuilderInstalled(log: (line: string) => void): Promise<string | undefined> {
  if (existsSync(`${BOTBUILDER_DIR}node_modules/botbuilder-dialogs/package.json`)) return undefined;
  log('installing botbuilder-dialogs into bench/botbuilder (scripts disabled)…');
  try {
    await promisify(execFile)(
      'npm',
      ['install', '--prefix', BOTBUILDER_DIR, '--ignore-scripts', '--no-audit', '--no-fund'],
      { timeout: 180_000 },
    );
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return `npm install --prefix bench/botbuilder failed: ${text.split('\n').slice(0, 3).join(' ')}`;
  }
}

export interface BotbuilderOptions {
  runs: number;
  conversations: number;
  warmup: number;
}

/** One timed run on a fresh bot and MemoryStorage. */
export async function botbuilderRun(
  bb: Botbuilder,
  { conversations, warmup }: BotbuilderOptions,
  runIndex: number,
): Promise<BotbuilderRun> {
  const memory: Record<string, string> = {};
  const backend = createBotbuilderBackend();
  const { adapter } = createBotbuilderBot(bb, backend, memory);
  const samples: number[] = [];
  const peaks: number[] = [];
  const finals: number[] = [];
  const play = async (id: string, timed: boolean) => {
    const key = `test/conversations/${id}/`;
    const measure = () => Buffer.byteLength(String(memory[key] ?? ''));
    let peak = 0;
    let last = '';
    for (const text of BOTBUILDER_TURNS) {
      const start = process.hrtime.bigint();
      await adapter.processActivity({
        type: 'message',
        text,
        locale: 'ja-JP',
        conversation: { id, name: id, isGroup: false, conversationType: 'personal' },
      });
      if (timed) samples.push(msSince(start));
      peak = Math.max(peak, measure());
      last = String(adapter.activeQueue.at(-1)?.text ?? '');
      adapter.activeQueue.length = 0;
    }
    if (!last.startsWith(DONE_TEXT)) throw new Error(`botbuilder flow did not finish: last reply "${last}"`);
    if (timed) {
      peaks.push(peak);
      finals.push(measure());
    }
  };
  for (let i = 0; i < warmup; i++) await play(`warm-${runIndex}-${i}`, false);
  const started = process.hrtime.bigint();
  for (let i = 0; i < conversations; i++) await play(`run-${runIndex}-${i}`, true);
  const elapsedMs = msSince(started);
  if (backend.cancellations.length !== warmup + conversations)
    throw new Error(`botbuilder flow cancelled ${backend.cancellations.length} contracts`);
  return {
    turnsPerSecond: (samples.length / elapsedMs) * 1000,
    p50Ms: median(samples),
    p99Ms: percentile(samples, 0.99),
    stateBytesPeak: median(peaks),
    stateBytesFinal: median(finals),
    conversations,
  };
}

/** Installs (when needed) and loads botbuilder-dialogs, or says why it cannot. */
export async function openBotbuilder(log: (line: string) => void): Promise<Botbuilder | { reason: string }> {
  const installError = await ensureBotbuilderInstalled(log);
  if (installError) return { reason: installError };
  try {
    return loadBotbuilder();
  } catch (error) {
    return { reason: `botbuilder-dialogs did not load: ${String(error)}` };
  }
}

export function summariseBotbuilderRuns(bb: Botbuilder, runs: BotbuilderRun[]): BotbuilderSection {
  return { ...medianOfRuns(runs), available: true, version: bb.version, perRun: runs.map(roundAll) };
}

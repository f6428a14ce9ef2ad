/**
 * Benchmark: the latency of one `engine.handle(turn)` on each conversation store, measured side by side in one run
 * (stores interleaved round-robin so machine noise hits all alike). Run: `npm run bench`.
 * Each round plays the same 5-turn conversation (menu → choose → pick item → acknowledge → stop) on a fresh key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../dialogs/sample/sample-dialog.js';
import { createEngine, type Engine } from '../src/engine/runtime.js';
import type { ConversationState } from '../src/engine/state.js';
import { createStore } from '../src/engine/store/index.js';
import type { ConversationStore } from '../src/engine/store/types.js';
import type { TurnInput } from '../src/engine/turn.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'bench-'));

async function stores(): Promise<[string, ConversationStore<ConversationState>][]> {
  const ttlMs = 3600_000;
  const list: [string, ConversationStore<ConversationState>][] = [
    ['memory', await createStore({ kind: 'memory', ttlMs })],
    ['sqlite', await createStore({ kind: 'sqlite', path: join(dir, 'bench.sqlite'), ttlMs })],
  ];
  try {
    list.push([
      'redis',
      await createStore({
        kind: 'redis',
        url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        ttlMs,
        namespace: `bench${Date.now()}`,
      }),
    ]);
  } catch {
    console.log('redis: not reachable, skipped');
  }
  return list;
}

async function conversation(engine: Engine, key: string, samples: number[]): Promise<void> {
  let version = 0;
  const inputs: ((v: number) => TurnInput)[] = [
    () => ({ kind: 'text', text: 'こんにちは' }),
    (v) => ({ kind: 'choice', choiceId: 'delete', stateVersion: v }),
    () => ({ kind: 'text', text: 'CameraOA' }),
    (v) => ({ kind: 'acknowledge', ackIds: ['no-refund', 'data-loss'], stateVersion: v }),
    () => ({ kind: 'text', text: 'やめる' }),
  ];
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    const replies = await engine.handle({
      conversationKey: key,
      channel: 'bench',
      actor: { kind: 'customer', id: 'b' },
      input: input(version),
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    version = replies.at(-1)?.stateVersion ?? version;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

const list = await stores();
const engines = list.map(([name, store]) => {
  const backend = createFakeBackend();
  const engine = createEngine({
    dialogs: [menuDialog, deleteDialog],
    rootDialog: 'menu',
    catalogs: sampleCatalogs,
    behaviour: sampleBehaviour,
    operations: backend.operations,
    store,
  });
  return { name, store, engine, samples: [] as number[] };
});
for (let round = 0; round < ROUNDS; round++) {
  for (const e of engines) await conversation(e.engine, `bench:${round}`, e.samples);
}
const baseline = median(engines[0]?.samples ?? []);
const lines = [
  `engine.handle per turn, ${ROUNDS} rounds × 5 turns per store, interleaved (Node ${process.version})`,
  '',
  '| store | median ms | p90 ms | median vs memory |',
  '|---|---|---|---|',
  ...engines.map((e) => {
    const m = median(e.samples);
    return `| ${e.name} | ${m.toFixed(3)} | ${percentile(e.samples, 0.9).toFixed(3)} | ×${(m / baseline).toFixed(2)} |`;
  }),
];
console.log(lines.join('\n'));
for (const e of engines) await e.store.close();
rmSync(dir, { recursive: true, force: true });

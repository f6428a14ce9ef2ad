/**
 * One bot process of the scale-out benchmark: the engine with the bench flow on the Redis conversation store
 * (namespace BENCH_NAMESPACE, shared by every process) and the Redis-backed fake backend, serving
 * `POST /turn` (a Turn as JSON → its Replies as JSON) and `POST /cpu` (CPU time used so far) on 127.0.0.1 at a
 * free port. Tells the parent
 * `{ type: 'ready', url, pid }` over IPC; exits when the parent disconnects.
 *
 * BENCH_UNSAFE_STORE=1 makes it a negative control: every write overwrites whatever is stored (last write wins,
 * no compare-and-set), so the benchmark can show that its lost-update and duplicate-mutation counters do count.
 */
import { createEngine } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createRedisStore } from '../../src/engine/store/redis.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import type { Turn } from '../../src/engine/turn.js';
import { readBody, sendJson } from '../../src/http/routes.js';
import { serve } from '../../src/http/serve.js';
import { BENCH_DIALOG_ID, benchBehaviour, benchCatalogs, benchDialog } from '../flow/cancel-flow.js';
import { openRedis, REDIS_URL } from '../lib/redis.js';
import { redisBackend } from './redis-backend.js';

export type InstanceMessage = { type: 'ready'; url: string; pid: number };

const namespace = process.env.BENCH_NAMESPACE;
if (!namespace) throw new Error('BENCH_NAMESPACE is required');

/** Last write wins: writes at whatever version is stored now, ignoring the version the turn read. */
function unsafe(inner: ConversationStore<ConversationState>): ConversationStore<ConversationState> {
  return {
    ...inner,
    async compareAndSet(key, _expected, value) {
      for (;;) {
        const current = (await inner.get(key))?.version ?? 0;
        const written = await inner.compareAndSet(key, current, value);
        if (written.ok) return written;
      }
    },
  };
}

const safeStore = await createRedisStore<ConversationState>({ url: REDIS_URL, ttlMs: 3_600_000, namespace });
const store = process.env.BENCH_UNSAFE_STORE === '1' ? unsafe(safeStore) : safeStore;
const client = await openRedis();
const engine = createEngine({
  dialogs: [benchDialog],
  rootDialog: BENCH_DIALOG_ID,
  catalogs: benchCatalogs,
  behaviour: benchBehaviour,
  operations: redisBackend(client, namespace),
  store,
  onError: (error) => process.stderr.write(`bench instance fault: ${String(error)}\n`),
});
const served = await serve(
  [
    {
      method: 'POST',
      path: '/turn',
      handle: async (request, response) => {
        const turn = JSON.parse(await readBody(request, 64 * 1024)) as Turn;
        sendJson(response, 200, await engine.handle(turn));
      },
    },
    {
      method: 'POST',
      path: '/cpu',
      // CPU time this process has used so far (user + system, ms), for CPU per turn.
      handle: (_request, response) => {
        const used = process.cpuUsage();
        sendJson(response, 200, { cpuMs: (used.user + used.system) / 1000 });
      },
    },
  ],
  { host: '127.0.0.1', port: 0 },
);

// The driver keeps connections open between phases (verification can take seconds): a server closing an idle
// keep-alive connection just as the driver reuses it would reset that request.
served.server.keepAliveTimeout = 120_000;
served.server.headersTimeout = 125_000;

process.on('disconnect', () => {
  void served
    .close()
    .then(() => store.close())
    .then(() => client.destroy())
    .finally(() => process.exit(0));
});
const ready: InstanceMessage = { type: 'ready', url: served.url, pid: process.pid };
process.send?.(ready);

/**
 * The bench's cancel flow behind the whole turn pipeline, wired as `createBot` wires it: the engine on `store`,
 * with the given engine-event and audit hooks, and the pipeline's metrics stage when `turnMetric` is given. Shared
 * by the sections that compare set-ups of the same flow (`instrumentation`, `auditWrite`), so they differ only in
 * what they pass here.
 */
import type { EngineOptions } from '../../src/engine/runtime.js';
import { createEngine, type Engine } from '../../src/engine/runtime.js';
import type { ConversationState } from '../../src/engine/state.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import { createTurnPipeline, type TurnPipelineOptions } from '../../src/pipeline/index.js';
import {
  BENCH_DIALOG_ID,
  benchBehaviour,
  benchCatalogs,
  benchDialog,
  createInProcessBackend,
} from './cancel-flow.js';

/** Engine events that exist for analytics only (issue 16): a set-up "before issue 16" does not record them. */
export const FUNNEL_ONLY_EVENTS: ReadonlySet<string> = new Set(['dialog-started', 'faq', 'satisfaction']);

export interface PipelineEngineOptions {
  store: ConversationStore<ConversationState>;
  onEvent?: EngineOptions['onEvent'];
  recordEvents?: EngineOptions['recordEvents'];
  turnMetric?: TurnPipelineOptions['metrics'];
}

export function createPipelineEngine(options: PipelineEngineOptions): Engine {
  const engine = createEngine({
    dialogs: [benchDialog],
    rootDialog: BENCH_DIALOG_ID,
    catalogs: benchCatalogs,
    behaviour: benchBehaviour,
    operations: createInProcessBackend().operations,
    store: options.store,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.recordEvents ? { recordEvents: options.recordEvents } : {}),
  });
  const pipeline = createTurnPipeline({
    engine,
    ...(options.turnMetric ? { metrics: options.turnMetric } : {}),
  });
  return {
    definition: engine.definition,
    describe: (key) => engine.describe(key),
    handle: async (turn) => (await pipeline.handleTurn(turn)).replies,
  };
}

/**
 * The one turn pipeline, as channels use it:
 *
 * ```ts
 * const pipeline = createTurnPipeline({ engine, deduper, limiter, speakers, desk, receipts, onError });
 * const { replies, outcome } = await pipeline.handle({
 *   channel: 'line', user: { platform: 'line', userId }, baseKey: `line:${userId}`,
 *   deliveryId: `line:${webhookEventId}`, locale: 'ja', input: { kind: 'text', text },
 * });
 * ```
 * The composition root builds one pipeline (`Bot.pipeline`) and hands it to every channel in `ChannelContext`;
 * a channel that knows more agents (a Slack user group) takes `pipeline.with({ speakers })`. Stages are
 * `(ctx, next) => Promise<Reply[]>`; `compose` runs any list of them (see `create.ts` for the order and why).
 */
export { compose, type Terminal } from './compose.js';
export { createTurnPipeline, type TurnPipeline, type TurnPipelineOptions, turnStages } from './create.js';
export { pipelineMessages } from './messages.js';
export { type LiveDeskStageOptions, liveDeskStage } from './stages/live-desk.js';
export type { MetricsHook, TurnMetric } from './stages/metrics.js';
export { rateLimitedReply } from './stages/rate-limit.js';
export type { ReceiptSource } from './stages/receipt-notices.js';
export type { InboundTurn, NamedStage, Stage, TurnContext, TurnOutcome, TurnResult } from './types.js';

/**
 * `engine` and `botbuilder` measured in alternation — engine run 1, botbuilder run 1, engine run 2, … — so that
 * changes in machine load during the bench hit both alike and their ratio stays meaningful.
 */
import {
  type BotbuilderOptions,
  type BotbuilderRun,
  type BotbuilderSection,
  botbuilderRun,
  openBotbuilder,
  summariseBotbuilderRuns,
} from './botbuilder.js';
import {
  type EngineOptions,
  type EngineRun,
  type EngineSection,
  engineRun,
  summariseEngineRuns,
} from './engine.js';

export interface CompareOptions {
  engine?: EngineOptions | undefined;
  botbuilder?: BotbuilderOptions | undefined;
  log: (line: string) => void;
}

export async function runEngineAndBotbuilder(
  options: CompareOptions,
): Promise<{ engine?: EngineSection; botbuilder?: BotbuilderSection }> {
  const bb = options.botbuilder ? await openBotbuilder(options.log) : undefined;
  const engineRuns: { run: EngineRun; samples: number[] }[] = [];
  const bbRuns: BotbuilderRun[] = [];
  const rounds = Math.max(options.engine?.runs ?? 0, options.botbuilder?.runs ?? 0);
  for (let i = 0; i < rounds; i++) {
    if (options.engine && i < options.engine.runs) engineRuns.push(await engineRun(options.engine, i));
    if (bb && !('reason' in bb) && options.botbuilder && i < options.botbuilder.runs)
      bbRuns.push(await botbuilderRun(bb, options.botbuilder, i));
  }
  const result: { engine?: EngineSection; botbuilder?: BotbuilderSection } = {};
  if (engineRuns.length > 0) result.engine = await summariseEngineRuns(engineRuns);
  if (bb && 'reason' in bb) result.botbuilder = { available: false, reason: bb.reason };
  else if (bb) result.botbuilder = summariseBotbuilderRuns(bb, bbRuns);
  return result;
}

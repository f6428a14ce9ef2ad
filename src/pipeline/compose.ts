/**
 * Composes stages into one function, in the manner of koa-compose / grammY's `Composer`: the first stage runs
 * first and wraps everything after it; the last calls the terminal (the engine). Calling `next()` twice in one
 * stage is a bug and throws.
 */
import type { Reply } from '../engine/turn.js';
import type { NamedStage, TurnContext } from './types.js';

export type Terminal = (ctx: TurnContext) => Promise<Reply[]>;

export function compose(
  stages: readonly NamedStage[],
  terminal: Terminal,
): (ctx: TurnContext) => Promise<Reply[]> {
  return (ctx) => {
    let last = -1;
    const dispatch = (index: number): Promise<Reply[]> => {
      if (index <= last) {
        return Promise.reject(new Error(`Stage "${stages[index - 1]?.name}" called next() twice.`));
      }
      last = index;
      const stage = stages[index];
      if (!stage) return terminal(ctx);
      return stage.run(ctx, () => dispatch(index + 1));
    };
    return dispatch(0);
  };
}

import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../../src/engine/store/keyed-mutex.js';

const tick = () => new Promise<void>((done) => setImmediate(done));

describe('KeyedMutex', () => {
  it('runs tasks on one key one at a time, in order, even when one fails', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await tick();
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      mutex.run('k', task('a')),
      mutex.run('k', task('b', true)),
      mutex.run('k', task('c')),
    ]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(mutex.activeKeys).toBe(0);
  });

  it('lets tasks on different keys overlap', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
    };
    await Promise.all([mutex.run('x', task('x')), mutex.run('y', task('y'))]);
    expect(events.slice(0, 2)).toEqual(['start x', 'start y']);
  });
});

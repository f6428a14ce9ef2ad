/**
 * The Slack work queue (adapters/slack/event-queue.ts): bounded waiting (a full queue refuses, so the delivery is
 * left for Slack's retry), bounded concurrency in arrival order, failures reported without stopping the queue,
 * and `close` finishing accepted work — or, past its grace, naming what it did not start.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../adapters/slack/event-queue.js';

/** A task that runs until released. */
function gate() {
  let release: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('EventQueue', () => {
  it('runs at most `concurrency` tasks at once, in arrival order', async () => {
    const errors: unknown[] = [];
    const queue = new EventQueue({ concurrency: 2, capacity: 10, onError: (e) => errors.push(e) });
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((label) => {
      const g = gate();
      queue.offer(label, async () => {
        started.push(label);
        await g.opened;
      });
      return g;
    });
    for (let i = 0; i < 5; i++) await tick();
    expect(started).toEqual(['a', 'b']);
    gates[0]?.release();
    for (let i = 0; i < 5; i++) await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const g of gates) g.release();
    await queue.idle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.stats).toEqual(expect.objectContaining({ accepted: 4, handled: 4, refused: 0 }));
    expect(errors).toEqual([]);
  });

  it('refuses work once `capacity` tasks are waiting, and accepts again when there is room', async () => {
    const queue = new EventQueue({ concurrency: 1, capacity: 2, onError: () => {} });
    const g = gate();
    expect(queue.offer('running', () => g.opened)).toBe(true);
    await tick();
    expect(queue.offer('w1', async () => {})).toBe(true);
    expect(queue.offer('w2', async () => {})).toBe(true);
    expect(queue.offer('w3', async () => {})).toBe(false);
    expect(queue.backlog).toBe(3);
    g.release();
    await queue.idle();
    expect(queue.offer('w4', async () => {})).toBe(true);
    await queue.idle();
    expect(queue.stats).toEqual(
      expect.objectContaining({ accepted: 4, refused: 1, handled: 4, maxBacklog: 3 }),
    );
  });

  it('reports a failing task and carries on', async () => {
    const errors: unknown[] = [];
    const queue = new EventQueue({ concurrency: 1, capacity: 5, onError: (e) => errors.push(e) });
    const done: string[] = [];
    queue.offer('bad', async () => {
      throw new Error('boom');
    });
    queue.offer('good', async () => {
      done.push('good');
    });
    await queue.idle();
    expect(done).toEqual(['good']);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('close: refuses new work and finishes every accepted task', async () => {
    const queue = new EventQueue({ concurrency: 1, capacity: 5, onError: () => {} });
    const done: string[] = [];
    for (const label of ['a', 'b', 'c'])
      queue.offer(label, async () => {
        await tick();
        done.push(label);
      });
    const closing = queue.close(10_000);
    expect(queue.offer('late', async () => {})).toBe(false);
    expect(await closing).toEqual({ abandoned: [] });
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('close past its grace: names the accepted tasks it did not start', async () => {
    const queue = new EventQueue({ concurrency: 1, capacity: 5, onError: () => {} });
    const g = gate();
    queue.offer('stuck', () => g.opened);
    queue.offer('Ev1', async () => {});
    queue.offer('Ev2', async () => {});
    expect(await queue.close(50)).toEqual({ abandoned: ['Ev1', 'Ev2'] });
    g.release();
  });
});

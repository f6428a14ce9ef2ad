/**
 * A forged choice id that names a member of Object.prototype (`toString`, `constructor`) is an unknown id like any
 * other: the question on screen is shown again, nothing is called (found by test/fuzz/engine-sequences.test.ts,
 * seed 1487234143: it used to be read as an escape command and answered with nothing).
 */
import { describe, expect, it } from 'vitest';
import { setup, toFinal } from './sample-setup.js';

describe('forged choice ids', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    '"%s" re-shows the question',
    async (id) => {
      const { h, backend } = setup();
      await toFinal(h);
      const question = h.lastText();
      const callsBefore = backend.calls.length;
      const replies = await h.click(id);
      expect(replies.length).toBeGreaterThan(0);
      expect(h.lastText()).toContain(question.split('\n').at(-1) ?? '');
      expect(backend.calls.length).toBe(callsBefore);
    },
  );
});

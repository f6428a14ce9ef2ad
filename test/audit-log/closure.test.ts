/**
 * Every way a dialog can end has a funnel closure: each end node of each registered dialog (its outcome, or
 * `completed` when it names none) and each outcome the engine gives a dialog it takes off the stack. A new outcome
 * without a mapping in `src/audit-log/closure.ts` fails here, naming the dialog and node.
 */
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { closureOf, OUTCOME_CLOSURES } from '../../src/audit-log/closure.js';
import { ENGINE_END_OUTCOMES } from '../../src/engine/events.js';

const bundle = procedureBundle();

describe('funnel closures', () => {
  it('maps the outcome of every end node of every registered dialog', () => {
    const unmapped: string[] = [];
    let ends = 0;
    for (const dialog of bundle.dialogs) {
      for (const [nodeId, node] of Object.entries(dialog.nodes)) {
        if (node.kind !== 'end') continue;
        ends += 1;
        const outcome = node.outcome ?? 'completed';
        for (const changed of [false, true]) {
          if (closureOf(outcome, changed) === undefined) unmapped.push(`${dialog.id}#${nodeId} (${outcome})`);
        }
      }
    }
    expect(ends).toBeGreaterThan(30);
    expect(unmapped).toEqual([]);
  });

  it('maps every outcome the engine itself gives (stop, expiry, back, switch, handoff…)', () => {
    expect(ENGINE_END_OUTCOMES.filter((outcome) => closureOf(outcome, false) === undefined)).toEqual([]);
    expect(closureOf('stopped', true)).toBe('stopped');
    expect(closureOf('expired', false)).toBe('abandoned');
    expect(closureOf('handoff', false)).toBe('handoff');
  });

  it('counts a success as completed only when something changed, otherwise as resolved', () => {
    expect(closureOf('completed', true)).toBe('completed');
    expect(closureOf('completed', false)).toBe('resolved');
    expect(closureOf('withdrawn', true)).toBe('completed');
    expect(closureOf('unverified', true)).toBe('unknown');
    expect(closureOf('cancelled', false)).toBe('stopped');
    expect(closureOf('failed', false)).toBe('failed');
    // Not a prototype property by accident.
    expect(closureOf('toString', false)).toBeUndefined();
    expect(closureOf('no-such-outcome', false)).toBeUndefined();
    expect(Object.keys(OUTCOME_CLOSURES).length).toBeGreaterThan(20);
  });
});

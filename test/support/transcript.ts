/**
 * Transcript tests: conversations written as data (user says → bot replies contain … → backend calls made),
 * and a coverage report of the dialog nodes no transcript visits.
 */
import { expect } from 'vitest';
import type { Dialog } from '../../src/engine/tree/schema.js';
import type { TestBot } from './bot-harness.js';

export type TranscriptStep = (
  | { user: string }
  | { click: string }
  | { tick: string[] }
  | { type: string }
  /** Identification with the demo customer's e-mail (the code is read from the sandbox outbox). */
  | { verify: string }
) & {
  expect?: {
    contains?: string[];
    notContains?: string[];
    /** Choice ids offered by the last reply. */
    choices?: string[];
    /** Acknowledgement ids asked by the last reply, in order (`[]`: none asked). */
    acknowledgements?: string[];
    /** Backend operations called during this step, in order (e.g. `['deleteMiemasuDevice', 'listMiemasuDevices']`). */
    calls?: string[];
    /** No destructive or other backend call during this step. */
    noCalls?: boolean;
  };
};

export interface Transcript {
  name: string;
  /** The sandbox's "now" (ISO with offset); default DEFAULT_TEST_NOW. */
  now?: string;
  steps: TranscriptStep[];
}

/** Plays one transcript on a bot and checks every expectation, naming the step that failed. */
export async function playTranscript(bot: TestBot, transcript: Transcript): Promise<void> {
  for (const [index, step] of transcript.steps.entries()) {
    const before = bot.calls.length;
    if ('user' in step) await bot.say(step.user);
    else if ('click' in step) await bot.click(step.click);
    else if ('tick' in step) await bot.tick(step.tick);
    else if ('type' in step) await bot.type(step.type);
    else await bot.verify(step.verify);
    const where = `${transcript.name} — step ${index + 1} (${JSON.stringify(step).slice(0, 80)})`;
    const text = bot.lastText();
    const made = bot.calls.slice(before).map((c) => c.operation);
    for (const expected of step.expect?.contains ?? [])
      expect(text, `${where}: bot said\n${text}`).toContain(expected);
    for (const unexpected of step.expect?.notContains ?? []) expect(text, where).not.toContain(unexpected);
    if (step.expect?.choices) {
      const offered = bot.last.at(-1)?.choices?.map((c) => c.id) ?? [];
      expect(offered, where).toEqual(expect.arrayContaining(step.expect.choices));
    }
    if (step.expect?.acknowledgements) {
      const asked = bot.last.at(-1)?.acknowledgements?.map((a) => a.id) ?? [];
      expect(asked, where).toEqual(step.expect.acknowledgements);
    }
    if (step.expect?.calls) expect(made, where).toEqual(step.expect.calls);
    if (step.expect?.noCalls) expect(made, where).toEqual([]);
  }
}

/** The nodes of `dialogs` that no transcript entered. */
export function unvisitedNodes(
  dialogs: readonly Dialog[],
  visited: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  return dialogs.flatMap((dialog) =>
    Object.keys(dialog.nodes)
      .filter((node) => !visited.get(dialog.id)?.has(node))
      .map((node) => `${dialog.id}#${node}`),
  );
}

/** Merges the node visits of several bots (one per transcript). */
export function mergeVisits(
  into: Map<string, Set<string>>,
  from: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  for (const [dialog, nodes] of from) {
    const target = into.get(dialog) ?? new Set<string>();
    for (const node of nodes) target.add(node);
    into.set(dialog, target);
  }
}

/** Prints the coverage report: per dialog, visited/total and the unvisited nodes. */
export function coverageReport(
  dialogs: readonly Dialog[],
  visited: ReadonlyMap<string, ReadonlySet<string>>,
): string {
  return dialogs
    .map((dialog) => {
      const nodes = Object.keys(dialog.nodes);
      const missing = nodes.filter((n) => !visited.get(dialog.id)?.has(n));
      const seen = nodes.length - missing.length;
      return `${dialog.id}: ${seen}/${nodes.length} nodes visited${missing.length ? `; unvisited: ${missing.join(', ')}` : ''}`;
    })
    .join('\n');
}

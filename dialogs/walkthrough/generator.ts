/**
 * Builds a self-service walkthrough dialog from a list of portal steps.
 *
 * Shape of the generated tree (node ids in brackets):
 * - optional [intro] `say` (notices to read before starting), then the first step;
 * - per step [<step.id>]: an `ask` showing the step with 「次へ」 (→ next step, or [done] after the last one) and
 *   「できない」 (→ [<step.id>-trouble]). Going back to the previous step is the engine's global 「戻る」;
 * - [<step.id>-trouble] `say`: that step's troubleshooting text, then [<step.id>-recover] `ask`: try this step
 *   again (→ the step) / see contact details (→ [contact]) / stop (→ [stopped]), plus, when the step has a
 *   `detour`, an option running another walkthrough as a `sub` ([<step.id>-detour]) and coming back to the step;
 * - [contact] `handoff` (the engine adds the desks and their hours), [stopped] `end` (outcome `stopped`),
 *   [done] `end` (success, outcome `completed`), and, when any step has a detour, [detour-stopped]: a silent
 *   `end` used when the user stops inside the detour (the detour already said so).
 *
 * Walkthroughs make no backend calls: the customer acts on the portal, the chat changes nothing, and every end
 * text says so.
 */
import type { Dialog, DialogNode, FactSpec } from '../../src/engine/tree/schema.js';

/** A notice row shown with a step: a label key and a text key (both message keys). */
export interface WalkthroughFact {
  label: string;
  text: string;
}

/** Another walkthrough offered from a step's trouble menu; the user returns to the step afterwards. */
export interface WalkthroughDetour {
  /** The id of the dialog to run as a `sub`. */
  dialog: string;
  /** The option label (message key). */
  label: string;
}

export interface WalkthroughStep {
  /** Node id of the step, e.g. `step3` (letters, digits, `_ . -`). */
  id: string;
  /** Message key of the step's instructions (number and button names as the source writes them). */
  prompt: string;
  /** Message key shown when the user answers 「できない」. */
  trouble: string;
  facts?: readonly WalkthroughFact[];
  tone?: 'info' | 'warning';
  /** Overrides the 「次へ」 / 「できない」 labels (message keys), e.g. for a precondition question. */
  nextLabel?: string;
  cannotLabel?: string;
  detour?: WalkthroughDetour;
}

export interface WalkthroughOptions {
  /** Message key of the success message after the last step. */
  done: string;
  /** Message key of notices shown once before the first step. */
  intro?: string;
  introFacts?: readonly WalkthroughFact[];
}

/** Message keys shared by every walkthrough (defined in `messages.ts`). */
export const WALKTHROUGH_KEYS = {
  next: 'walkthrough.choice.next',
  cannot: 'walkthrough.choice.cannot',
  retry: 'walkthrough.choice.retry',
  contact: 'walkthrough.choice.contact',
  stop: 'walkthrough.choice.stop',
  stepReprompt: 'walkthrough.step.reprompt',
  recoverPrompt: 'walkthrough.recover.prompt',
  recoverReprompt: 'walkthrough.recover.reprompt',
  contactReason: 'walkthrough.contact',
  stopped: 'walkthrough.stopped',
} as const;

/** Option ids, stable across walkthroughs (tests and adapters click them). */
export const WALKTHROUGH_CHOICES = {
  next: 'next',
  cannot: 'cannot',
  retry: 'retry',
  contact: 'contact',
  stop: 'stop',
  detour: 'detour',
} as const;

const RESERVED_IDS = new Set(['intro', 'contact', 'stopped', 'done', 'detour-stopped']);

function factSpecs(facts: readonly WalkthroughFact[] | undefined): { facts?: FactSpec[] } {
  return facts && facts.length > 0 ? { facts: facts.map((f) => ({ label: f.label, text: f.text })) } : {};
}

function stepNodes(step: WalkthroughStep, following: string): Record<string, DialogNode> {
  const troubleId = `${step.id}-trouble`;
  const recoverId = `${step.id}-recover`;
  const detourId = `${step.id}-detour`;
  const nodes: Record<string, DialogNode> = {
    [step.id]: {
      kind: 'ask',
      slot: 'stepAnswer',
      prompt: step.prompt,
      ...(step.tone ? { tone: step.tone } : {}),
      ...factSpecs(step.facts),
      reprompt: WALKTHROUGH_KEYS.stepReprompt,
      input: {
        type: 'choice',
        options: [
          {
            id: WALKTHROUGH_CHOICES.next,
            label: step.nextLabel ?? WALKTHROUGH_KEYS.next,
            style: 'primary',
            next: following,
          },
          {
            id: WALKTHROUGH_CHOICES.cannot,
            label: step.cannotLabel ?? WALKTHROUGH_KEYS.cannot,
            next: troubleId,
          },
        ],
      },
      next: following,
    },
    [troubleId]: { kind: 'say', text: step.trouble, tone: 'warning', next: recoverId },
    [recoverId]: {
      kind: 'ask',
      slot: 'recovery',
      prompt: WALKTHROUGH_KEYS.recoverPrompt,
      reprompt: WALKTHROUGH_KEYS.recoverReprompt,
      input: {
        type: 'choice',
        options: [
          { id: WALKTHROUGH_CHOICES.retry, label: WALKTHROUGH_KEYS.retry, style: 'primary', next: step.id },
          ...(step.detour
            ? [{ id: WALKTHROUGH_CHOICES.detour, label: step.detour.label, next: detourId }]
            : []),
          { id: WALKTHROUGH_CHOICES.contact, label: WALKTHROUGH_KEYS.contact, next: 'contact' },
          { id: WALKTHROUGH_CHOICES.stop, label: WALKTHROUGH_KEYS.stop, next: 'stopped' },
        ],
      },
      next: step.id,
    },
  };
  if (step.detour) {
    nodes[detourId] = {
      kind: 'sub',
      dialog: step.detour.dialog,
      next: step.id,
      outcomes: { stopped: 'detour-stopped' },
    };
  }
  return nodes;
}

/**
 * Turns `steps` into a walkthrough dialog (see the file comment for its shape). Throws when there are no steps or
 * a step id repeats or collides with a generated node id: an authoring error, reported with the offending id.
 */
export function walkthroughDialog(
  id: string,
  titleKey: string,
  steps: readonly WalkthroughStep[],
  options: WalkthroughOptions,
): Dialog {
  const first = steps[0];
  if (!first) throw new Error(`Walkthrough "${id}" needs at least one step.`);
  const seen = new Set<string>();
  for (const step of steps) {
    const clash = RESERVED_IDS.has(step.id) || /-(trouble|recover|detour)$/.test(step.id);
    if (clash || seen.has(step.id)) {
      throw new Error(`Walkthrough "${id}": step id "${step.id}" is repeated or reserved; use e.g. "step3".`);
    }
    seen.add(step.id);
  }
  const nodes: Record<string, DialogNode> = {};
  if (options.intro) {
    nodes.intro = {
      kind: 'say',
      text: options.intro,
      tone: 'warning',
      ...factSpecs(options.introFacts),
      next: first.id,
    };
  }
  steps.forEach((step, index) => {
    Object.assign(nodes, stepNodes(step, steps[index + 1]?.id ?? 'done'));
  });
  nodes.contact = { kind: 'handoff', reason: WALKTHROUGH_KEYS.contactReason };
  nodes.stopped = { kind: 'end', text: WALKTHROUGH_KEYS.stopped, outcome: 'stopped' };
  nodes.done = { kind: 'end', text: options.done, tone: 'success', outcome: 'completed' };
  if (steps.some((step) => step.detour)) nodes['detour-stopped'] = { kind: 'end', outcome: 'stopped' };
  return { id, version: 1, title: titleKey, start: options.intro ? 'intro' : first.id, nodes };
}

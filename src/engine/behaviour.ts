/**
 * Behaviour the tree data cannot express, supplied in code and referenced from the data by name
 * (like XState's `setup({ actions, guards })`). The checker proves every name used by a tree exists here.
 */
import type { FaqReport } from './hooks.js';
import type { Json, Slots } from './state.js';
import type { Translator } from './text/catalog.js';
import type { Actor, Fact } from './turn.js';

/** One dynamic choice: `value` is written to the ask node's slot when chosen. */
export interface DynamicOption {
  id: string;
  /** Already-localised label. */
  label: string;
  value: Json;
  style?: 'primary' | 'danger' | 'default';
  /** Extra words that select this option when typed (e.g. a contract number). */
  aliases?: string[];
}

export interface BehaviourContext {
  slots: Readonly<Slots>;
  text: Translator;
  now: Date;
  actor: Actor;
  /** Names of the credentials the conversation holds (never their values), e.g. `customerToken`. */
  credentials: readonly string[];
}

/**
 * A validator's verdict. A validator that consulted the FAQ says what it found in `faq` (the engine reports it as a
 * `faq` event; `declined` carries the question, which the audit trail redacts).
 */
export type ValidatorResult =
  | { ok: true; value: Json; faq?: FaqReport | undefined }
  | { ok: false; message: string };

export interface DialogBehaviour {
  optionsFrom?: Record<string, (ctx: BehaviourContext) => DynamicOption[]>;
  /** Validates free text; `message` is a message key shown as the re-prompt. */
  validators?: Record<string, (input: string, ctx: BehaviourContext) => ValidatorResult>;
  facts?: Record<string, (ctx: BehaviourContext) => Fact[]>;
  guards?: Record<string, (ctx: BehaviourContext) => boolean>;
  /**
   * For a call's `reconcile`: given the read's answer, the item the call created (found by what this conversation
   * sent), or `undefined` when it is not there.
   */
  reconcilers?: Record<string, (answer: unknown, ctx: BehaviourContext) => Json | undefined>;
}

export function mergeBehaviour(...parts: DialogBehaviour[]): Required<DialogBehaviour> {
  const merged: Required<DialogBehaviour> = {
    optionsFrom: {},
    validators: {},
    facts: {},
    guards: {},
    reconcilers: {},
  };
  for (const part of parts) {
    for (const kind of ['optionsFrom', 'validators', 'facts', 'guards', 'reconcilers'] as const) {
      for (const [name, fn] of Object.entries(part[kind] ?? {})) {
        if (name in merged[kind]) throw new Error(`Behaviour ${kind}.${name} is defined twice.`);
        (merged[kind] as Record<string, unknown>)[name] = fn;
      }
    }
  }
  return merged;
}

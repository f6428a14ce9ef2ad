/**
 * Dialog trees are plain, JSON-serialisable data, validated here when loaded.
 *
 * Edges (`next`, per-choice `next`, call outcomes, branch cases) live in the data so that the static checker,
 * the Mermaid export and the transcript coverage report can read them. Behaviour the data cannot express is
 * referenced by name (`optionsFrom`, `validator`, `factsFrom`, `guard`) and supplied in code.
 *
 * Every user-visible string is a message key; message templates interpolate slot values with `{slot.path}`
 * and format them with `{slot.path|date}`, `{slot.path|month}`, `{slot.path|yen}` or `{slot.path|number}`.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, _ . -');
const slotName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'slot names are identifiers');
/** A slot path: a slot name optionally followed by `.field` segments, e.g. `device.name`. */
const slotPath = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'slot paths look like a.b.c');
const messageKey = z.string().min(1);
const tone = z.enum(['info', 'warning', 'danger', 'success']);

/** A fact row: a label key and either a slot value (formatted) or a message key. */
const factSchema = z.strictObject({
  label: messageKey,
  slot: slotPath.optional(),
  format: z.enum(['text', 'date', 'month', 'yen', 'number']).optional(),
  text: messageKey.optional(),
});

const sayNode = z.strictObject({
  kind: z.literal('say'),
  text: messageKey,
  tone: tone.optional(),
  facts: z.array(factSchema).optional(),
  factsFrom: z.string().optional(),
  next: id,
});

const staticOption = z.strictObject({
  id,
  label: messageKey,
  style: z.enum(['primary', 'danger', 'default']).optional(),
  /** Where this option leads; defaults to the node's `next`. */
  next: id.optional(),
});

const choiceInput = z.strictObject({
  type: z.literal('choice'),
  options: z.array(staticOption).optional(),
  /** A named provider returning options computed from slots (e.g. the customer's devices). */
  optionsFrom: z.string().optional(),
});
const textInput = z.strictObject({
  type: z.literal('text'),
  /** `identifier` unifies width, case, hyphens and long-vowel marks (contract numbers, device names). */
  normalize: z.enum(['plain', 'identifier']).optional(),
  maxLength: z.number().int().positive().max(2000).optional(),
  validator: z.string().optional(),
});
const dateInput = z.strictObject({ type: z.literal('date') });
const numberInput = z.strictObject({
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});

const acknowledgement = z.strictObject({
  /** The consequence this acknowledgement covers, e.g. `no-refund`, `data-loss`. */
  consequence: z.string().min(1),
  text: messageKey,
});

/**
 * Consequences an `ask` shows as statements (not ticked) about the item in slot `target`, below its prompt, e.g.
 * the terms of a cancellation before its draft is created: invariant 10 wants every consequence SHOWN before the
 * procedure's first write (checker/disclosure.ts counts these), invariant 1 wants them ACKNOWLEDGED at the
 * destructive call's own confirmation. Reported as a `disclosed` event when the question is shown.
 */
const disclosure = z.strictObject({
  target: slotName,
  consequences: z.array(acknowledgement).min(1),
});

const askNode = z.strictObject({
  kind: z.literal('ask'),
  /** The slot this answer is written to. */
  slot: slotName,
  prompt: messageKey,
  tone: tone.optional(),
  facts: z.array(factSchema).optional(),
  factsFrom: z.string().optional(),
  discloses: disclosure.optional(),
  input: z.discriminatedUnion('type', [choiceInput, textInput, dateInput, numberInput]),
  reprompt: messageKey,
  /** Free-text questions are the expected answer here (e.g. "ask a question"), not an interruption. */
  acceptsQuestions: z.boolean().optional(),
  /** Invalid answers allowed before a person is offered (default 3). */
  maxAttempts: z.number().int().min(1).max(10).optional(),
  next: id,
});

const confirmNode = z.strictObject({
  kind: z.literal('confirm'),
  /** The slot holding the item acted on; a destructive call must target the same slot. */
  target: slotName,
  intro: messageKey,
  facts: z.array(factSchema).optional(),
  factsFrom: z.string().optional(),
  acknowledgements: z.array(acknowledgement),
  /** The final question; must name the exact item via interpolation, e.g. 「{device.name}」を削除します。 */
  final: messageKey,
  confirmLabel: messageKey,
  /** For the most severe actions: a phrase (message key) the user must type. */
  typed: messageKey.optional(),
  next: id,
  cancel: id,
});

const callNode = z.strictObject({
  kind: z.literal('call'),
  operation: z.string().min(1),
  /** Operation argument name → slot path. */
  args: z.record(z.string(), slotPath).optional(),
  /** The slot naming the item acted on; required for destructive operations. */
  target: slotName.optional(),
  /** Where the operation's result is written. */
  result: slotName.optional(),
  /**
   * A compensation: this call undoes the write of the named `call` node of the same dialog (e.g. withdraws the
   * draft the bot created). Its target must be that node's `result` slot, written by no other node, so the call
   * can only ever act on what the bot itself created in this conversation. It then needs no confirmation of its
   * own (the customer's stop or decline is the decision; see checker/safety.ts) and its idempotency key is derived
   * from that item. Entered from the dialog's `onStop` or any edge.
   */
  compensates: id.optional(),
  /**
   * How to find out what a non-destructive write did when its outcome is unknown (timeout, 5xx, an answer off its
   * contract): the read-only `operation` is sent (with `args`), and the named `match` (behaviour `reconcilers`)
   * picks from its answer the item THIS call created. Found: it becomes this call's `result` and the `ok` edge is
   * taken (the write happened). The read answered and nothing matches: `none` (it was not created). The read
   * fails too: the `unreachable` edge, as without a reconciliation (the outcome is still unknown).
   */
  reconcile: z
    .strictObject({
      operation: z.string().min(1),
      args: z.record(z.string(), slotPath).optional(),
      match: z.string().min(1),
      none: id,
    })
    .optional(),
  next: z.strictObject({
    ok: id,
    /** Business refusal code → node. */
    errors: z.record(z.string(), id).optional(),
    /** The backend could not be reached or the outcome is unknown. */
    unreachable: id.optional(),
    /** Any other failure. */
    failed: id,
  }),
});

const condition = z.union([
  z.strictObject({ slot: slotPath, equals: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  z.strictObject({ slot: slotPath, in: z.array(z.union([z.string(), z.number()])) }),
  z.strictObject({ slot: slotPath, exists: z.boolean() }),
  z.strictObject({ guard: z.string().min(1) }),
]);

const branchNode = z.strictObject({
  kind: z.literal('branch'),
  cases: z.array(z.strictObject({ when: condition, next: id })).min(1),
  otherwise: id,
});

const subNode = z.strictObject({
  kind: z.literal('sub'),
  dialog: id,
  /** Child slot name → parent slot path, copied in when the child starts. */
  args: z.record(slotName, slotPath).optional(),
  /** The slot receiving the child's `end.result` value. */
  result: slotName.optional(),
  next: id,
  /** Per child outcome (the child's `end.outcome`), overriding `next`. */
  outcomes: z.record(z.string(), id).optional(),
});

const handoffNode = z.strictObject({
  kind: z.literal('handoff'),
  reason: messageKey,
});

const endNode = z.strictObject({
  kind: z.literal('end'),
  text: messageKey.optional(),
  tone: tone.optional(),
  outcome: z.string().min(1).optional(),
  /** A slot path returned to the calling `sub` node. */
  result: slotPath.optional(),
});

export const nodeSchema = z.discriminatedUnion('kind', [
  sayNode,
  askNode,
  confirmNode,
  callNode,
  branchNode,
  subNode,
  handoffNode,
  endNode,
]);

export const dialogSchema = z.strictObject({
  id,
  /** Bumped by authors for humans; the engine compares content hashes, not this number. */
  version: z.number().int().positive(),
  title: messageKey,
  start: id,
  nodes: z.record(id, nodeSchema),
  /**
   * What "stop" (やめる, the escape prompt's stop, restart, switching procedure) does while this dialog is on the
   * stack: the first case whose condition holds on the dialog's slots is entered (in this dialog's frame, alone on
   * the stack) instead of dropping the conversation, so the dialog can undo what it wrote (invariant 10: a draft
   * the bot created is never left behind silently). The path must finish at an `end`; the conversation is over
   * when it does. No case holds (or none given): the stop drops the conversation as before.
   */
  onStop: z.array(z.strictObject({ when: condition, next: id })).optional(),
});

export type DialogNode = z.infer<typeof nodeSchema>;
export type Dialog = z.infer<typeof dialogSchema>;
export type NodeOf<K extends DialogNode['kind']> = Extract<DialogNode, { kind: K }>;
export type FactSpec = z.infer<typeof factSchema>;
export type Condition = z.infer<typeof condition>;
export type StopCase = NonNullable<Dialog['onStop']>[number];
export type StaticOption = z.infer<typeof staticOption>;

/**
 * Renders the current interactive node (an `ask`, or a `confirm` in its current phase) as a Reply.
 */
import type { DynamicOption } from '../behaviour.js';
import type { ReplyContent } from '../hooks.js';
import type { Frame } from '../state.js';
import { readPath } from '../text/catalog.js';
import { formatValue } from '../text/format.js';
import { CANCEL_CHOICE, CONFIRM_CHOICE } from '../text/reserved.js';
import type { FactSpec, NodeOf } from '../tree/schema.js';
import type { Choice, Fact } from '../turn.js';
import { behaviourContext, text, topFrame, type Work } from './work.js';

export { CANCEL_CHOICE, CONFIRM_CHOICE };

export function renderFacts(
  w: Work,
  frame: Frame,
  specs: FactSpec[] | undefined,
  from: string | undefined,
): Fact[] {
  const t = text(w);
  const facts = (specs ?? []).map((spec) => ({
    label: t.t(spec.label, frame.slots),
    value: spec.text
      ? t.t(spec.text, frame.slots)
      : formatValue(readPath(frame.slots, spec.slot ?? ''), spec.format ?? 'text', w.state.locale),
  }));
  const provider = from ? w.def.behaviour.facts[from] : undefined;
  return provider ? [...facts, ...provider(behaviourContext(w, frame))] : facts;
}

/** The options of a choice question, static (localised) or dynamic (from a named provider). */
export function optionsOf(w: Work, frame: Frame, node: NodeOf<'ask'>): DynamicOption[] {
  if (node.input.type !== 'choice') return [];
  const t = text(w);
  const statics: DynamicOption[] = (node.input.options ?? []).map((o) => ({
    id: o.id,
    label: t.t(o.label, frame.slots),
    value: o.id,
    style: o.style ?? 'default',
  }));
  const provider = node.input.optionsFrom ? w.def.behaviour.optionsFrom[node.input.optionsFrom] : undefined;
  return [...(provider ? provider(behaviourContext(w, frame)) : []), ...statics];
}

function toChoices(options: DynamicOption[]): Choice[] {
  return options.map((o) => ({ id: o.id, label: o.label, style: o.style ?? 'default' }));
}

function renderAsk(w: Work, frame: Frame, node: NodeOf<'ask'>, promptKey: string): ReplyContent {
  const t = text(w);
  // Consequences shown as statements (`discloses`), one line each below the prompt.
  const lines = (node.discloses?.consequences ?? []).map((c) => `・${t.t(c.text, frame.slots)}`);
  const reply: ReplyContent = {
    text: [t.t(promptKey, frame.slots), ...lines].join('\n'),
    tone: node.tone ?? 'info',
  };
  const facts = renderFacts(w, frame, node.facts, node.factsFrom);
  if (facts.length > 0) reply.facts = facts;
  const choices = toChoices(optionsOf(w, frame, node));
  if (choices.length > 0) reply.choices = choices;
  return reply;
}

function renderConfirm(w: Work, frame: Frame, node: NodeOf<'confirm'>): ReplyContent {
  const t = text(w);
  const cancel: Choice = { id: CANCEL_CHOICE, label: t.t('engine.choice.confirm-cancel'), style: 'default' };
  switch (frame.phase ?? 'ack') {
    case 'ack': {
      const reply: ReplyContent = {
        // An agent ticks on the customer's behalf: each tick records that the customer was told and agreed.
        text: [
          t.t(node.intro, frame.slots),
          t.t('engine.ack.hint'),
          ...(w.scope.actor.kind === 'agent' && w.scope.actor.onBehalfOf
            ? [t.t('engine.ack.agent-hint')]
            : []),
        ].join('\n'),
        tone: 'warning',
        acknowledgements: node.acknowledgements.map((a) => ({
          id: a.consequence,
          label: t.t(a.text, frame.slots),
        })),
        choices: [cancel],
      };
      const facts = renderFacts(w, frame, node.facts, node.factsFrom);
      if (facts.length > 0) reply.facts = facts;
      return reply;
    }
    case 'final':
      return {
        text: t.t(node.final, frame.slots),
        tone: 'danger',
        choices: [
          { id: CONFIRM_CHOICE, label: t.t(node.confirmLabel, frame.slots), style: 'danger' },
          cancel,
        ],
      };
    case 'typed': {
      const phrase = t.t(node.typed ?? '', frame.slots);
      return {
        text: t.t('engine.typed.prompt', { phrase }),
        tone: 'danger',
        typedConfirmation: phrase,
        choices: [cancel],
      };
    }
  }
}

/**
 * Shows the current question again after something else was said (help, a person's contacts, an answer to a
 * question, a stale click, an unclear answer, the escape prompt). A confirmation gets a fresh version, so only
 * this showing of it can be answered by a button (invariant 7).
 */
export function reshowQuestion(w: Work, promptOverride?: string): void {
  const frame = topFrame(w);
  const node = frame ? w.def.dialogs.get(frame.dialogId)?.nodes[frame.nodeId] : undefined;
  if (node?.kind === 'confirm') w.state.step += 1;
  renderCurrent(w, promptOverride);
}

/** Pushes the current question (as it stands: the version is the caller's business). */
export function renderCurrent(w: Work, promptOverride?: string): void {
  const frame = topFrame(w);
  if (!frame) return;
  const node = w.def.dialogs.get(frame.dialogId)?.nodes[frame.nodeId];
  if (node?.kind === 'ask') w.replies.push(renderAsk(w, frame, node, promptOverride ?? node.prompt));
  else if (node?.kind === 'confirm') w.replies.push(renderConfirm(w, frame, node));
}

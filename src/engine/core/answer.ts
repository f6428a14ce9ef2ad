/**
 * Applies the user's input to the current interactive node: an answer moves forward, anything else re-prompts,
 * answers a question in between (interruption and resume) or, after too many attempts, offers a person.
 */
import type { Frame } from '../state.js';
import { normalizeText, parseNumberList, parseYesNo } from '../text/normalize.js';
import { looksLikeQuestion } from '../text/question.js';
import { CANCEL_CHOICE, ESCAPE_HUMAN, ESCAPE_RETRY, ESCAPE_STOP } from '../text/reserved.js';
import type { NodeOf } from '../tree/schema.js';
import type { TurnInput } from '../turn.js';
import { enter } from './advance.js';
import { faqAnswerReply } from './faq-feedback.js';
import { remember, setConfirmation, setSlot } from './history.js';
import { parseFreeAnswer, pickOption } from './parse-answer.js';
import { CONFIRM_CHOICE, optionsOf, renderCurrent, renderFacts, reshowQuestion } from './render.js';
import { behaviourContext, eventBase, reportFaq, say, text, topFrame, type Work } from './work.js';

const DEFAULT_MAX_ATTEMPTS = 3;

/** A question typed where an answer was expected: answered, then the same question again. */
function tryInterruption(w: Work, input: TurnInput): boolean {
  if (input.kind !== 'text' || !w.def.faq || !looksLikeQuestion(input.text)) return false;
  const answer = w.def.faq.answer(input.text, w.state.locale, { dialogId: topFrame(w)?.dialogId });
  if (!answer) return false;
  faqAnswerReply(w, answer);
  reportFaq(w, topFrame(w)?.dialogId ?? '', input.text, answer.report);
  reshowQuestion(w);
  return true;
}

/** Counts a failed attempt: a re-prompt, or after the limit a way to a person. */
function invalid(w: Work, frame: Frame, maxAttempts: number, reprompt?: string): void {
  frame.attempts += 1;
  if (frame.attempts < maxAttempts) {
    reshowQuestion(w, reprompt);
    return;
  }
  frame.attempts = 0;
  w.state.step += 1;
  // The escape prompt is now the question on screen: nothing typed answers the node's question until it is
  // shown again (see interpret.ts).
  w.state.prompt = 'escape';
  const t = text(w);
  w.replies.push({
    text: t.t('engine.attempts-exhausted'),
    tone: 'warning',
    choices: [
      { id: ESCAPE_RETRY, label: t.t('engine.choice.retry'), style: 'primary' },
      { id: ESCAPE_HUMAN, label: t.t('engine.choice.human'), style: 'default' },
      { id: ESCAPE_STOP, label: t.t('engine.choice.stop'), style: 'default' },
    ],
  });
}

export function answerAsk(w: Work, frame: Frame, node: NodeOf<'ask'>, input: TurnInput): void {
  const maxAttempts = node.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (node.input.type === 'choice') {
    const option = pickOption(optionsOf(w, frame, node), input);
    if (!option) {
      if (!tryInterruption(w, input)) invalid(w, frame, maxAttempts, node.reprompt);
      return;
    }
    const staticNext = node.input.options?.find((o) => o.id === option.id)?.next;
    remember(frame);
    setSlot(frame, node.slot, option.value);
    enter(w, staticNext ?? node.next);
    return;
  }
  if (!node.acceptsQuestions && tryInterruption(w, input)) return;
  const parsed = parseFreeAnswer(node, input);
  if (!parsed.ok) {
    if (!tryInterruption(w, input)) invalid(w, frame, maxAttempts, node.reprompt);
    return;
  }
  let value = parsed.value;
  if (node.input.type === 'text' && node.input.validator) {
    const validator = w.def.behaviour.validators[node.input.validator];
    const checked = validator?.(String(value), behaviourContext(w, frame));
    if (!checked?.ok) {
      invalid(w, frame, maxAttempts, checked?.message ?? node.reprompt);
      return;
    }
    value = checked.value;
    reportFaq(w, frame.dialogId, String(parsed.value), checked.faq);
  }
  remember(frame);
  setSlot(frame, node.slot, value);
  enter(w, node.next);
}

function cancelConfirm(w: Work, frame: Frame, node: NodeOf<'confirm'>): void {
  remember(frame);
  enter(w, node.cancel);
}

function wantsCancel(input: TurnInput): boolean {
  if (input.kind === 'choice') return input.choiceId === CANCEL_CHOICE;
  return (input.kind === 'text' || input.kind === 'typed') && parseYesNo(input.text) === false;
}

/** Records the completed confirmation (what was shown and acknowledged) and moves on. */
function confirmed(w: Work, frame: Frame, node: NodeOf<'confirm'>): void {
  const t = text(w);
  const now = w.scope.now.toISOString();
  const record = {
    // Rendered exactly as the confirm node showed them.
    facts: renderFacts(w, frame, node.facts, node.factsFrom),
    acknowledgements: node.acknowledgements.map((a) => ({
      id: a.consequence,
      text: t.t(a.text, frame.slots),
      // Its own time, recorded when it was given (the final confirmation comes later).
      acknowledgedAt: frame.acknowledgedAt ?? now,
    })),
    finalQuestion: t.t(node.final, frame.slots),
    confirmLabel: t.t(node.confirmLabel, frame.slots),
    typedPhrase: node.typed ? t.t(node.typed, frame.slots) : undefined,
    confirmedAt: now,
  };
  const targetValue = frame.slots[node.target] ?? null;
  remember(frame);
  setConfirmation(frame, node.target, {
    id: `${w.state.step}:${frame.nodeId}:${w.scope.nonce}`,
    nodeId: frame.nodeId,
    target: node.target,
    targetValue: JSON.stringify(targetValue),
    consequences: node.acknowledgements.map((a) => a.consequence),
    confirmedAt: now,
    record,
  });
  w.events.push({
    ...eventBase(w, frame.dialogId),
    kind: 'confirmed',
    nodeId: frame.nodeId,
    target: node.target,
    targetValue,
    record,
  });
  enter(w, node.next);
}

export function answerConfirm(w: Work, frame: Frame, node: NodeOf<'confirm'>, input: TurnInput): void {
  if (wantsCancel(input)) {
    cancelConfirm(w, frame, node);
    return;
  }
  const maxAttempts = DEFAULT_MAX_ATTEMPTS;
  switch (frame.phase ?? 'ack') {
    case 'ack': {
      const all = node.acknowledgements.map((a) => a.consequence);
      let ticked: string[] = [];
      if (input.kind === 'acknowledge') ticked = input.ackIds;
      else if (input.kind === 'text') ticked = parseNumberList(input.text).map((n) => all[n - 1] ?? '');
      if (ticked.length === 0 && tryInterruption(w, input)) return;
      const missing = node.acknowledgements.filter((a) => !ticked.includes(a.consequence));
      if (missing.length > 0) {
        if (input.kind === 'acknowledge') {
          // A submit of the checkboxes is a clear answer, only incomplete: say which items are still unticked
          // (all of them when none was ticked) and ask again, without counting it as a failed attempt.
          const t = text(w);
          const items = missing.map((a) => `・${t.t(a.text, frame.slots)}`).join('\n');
          say(w, ticked.length === 0 ? 'engine.ack.none' : 'engine.ack.missing', 'warning');
          w.replies.push({ text: items, tone: 'warning' });
          reshowQuestion(w);
          return;
        }
        if (ticked.length > 0) say(w, 'engine.ack.missing', 'warning');
        invalid(w, frame, maxAttempts);
        return;
      }
      frame.acknowledged = all;
      frame.acknowledgedAt = w.scope.now.toISOString();
      frame.phase = 'final';
      frame.attempts = 0;
      w.state.step += 1;
      renderCurrent(w);
      return;
    }
    case 'final': {
      const yes =
        (input.kind === 'choice' && input.choiceId === CONFIRM_CHOICE) ||
        (input.kind === 'text' && parseYesNo(input.text) === true);
      if (!yes) {
        if (!tryInterruption(w, input)) {
          // Names the buttons actually shown (e.g. 「退会する」/「やめる」), never a 「はい」 the user cannot see.
          say(w, 'engine.final.hint', 'info', {
            confirm: text(w).t(node.confirmLabel, frame.slots),
            cancel: text(w).t('engine.choice.confirm-cancel'),
          });
          invalid(w, frame, maxAttempts);
        }
        return;
      }
      if (node.typed) {
        frame.phase = 'typed';
        frame.attempts = 0;
        w.state.step += 1;
        renderCurrent(w);
        return;
      }
      confirmed(w, frame, node);
      return;
    }
    case 'typed': {
      const phrase = text(w).t(node.typed ?? '', frame.slots);
      const typed = input.kind === 'typed' || input.kind === 'text' ? input.text : '';
      if (normalizeText(typed) === normalizeText(phrase)) {
        confirmed(w, frame, node);
        return;
      }
      say(w, 'engine.typed.mismatch', 'warning', { phrase });
      invalid(w, frame, maxAttempts);
      return;
    }
  }
}

/** The escape prompt's button labels in `ESCAPE_CHOICES` order (a label typed picks that button). */
export function escapeLabels(w: Work): string[] {
  const t = text(w);
  return [t.t('engine.choice.retry'), t.t('engine.choice.human'), t.t('engine.choice.stop')];
}

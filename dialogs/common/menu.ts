/**
 * The main menu (the root dialog): what a user meets after a greeting or an unclear request. Each procedure runs
 * as a sub-dialog; a question is answered from the FAQ, or, when the FAQ is not sure, a person is offered.
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { FaqReport } from '../../src/engine/hooks.js';
import type { Json } from '../../src/engine/state.js';
import type { Dialog } from '../../src/engine/tree/schema.js';

export const menuDialog: Dialog = {
  id: 'menu',
  version: 1,
  title: 'menu.title',
  start: 'choose',
  nodes: {
    choose: {
      kind: 'ask',
      slot: 'task',
      prompt: 'menu.prompt',
      reprompt: 'menu.reprompt',
      input: {
        type: 'choice',
        options: [
          { id: 'miemasu-delete', label: 'menu.miemasu-delete', next: 'miemasuDelete' },
          { id: 'miemasu-withdraw', label: 'menu.miemasu-withdraw', next: 'miemasuWithdraw' },
          { id: 'csps-cancel', label: 'menu.csps-cancel', next: 'cspsCancel' },
          { id: 'walkthrough', label: 'menu.walkthrough', next: 'walkthrough' },
          { id: 'question', label: 'menu.question', next: 'question' },
          { id: 'receipts', label: 'menu.receipts', next: 'receiptsIdentify' },
          { id: 'human', label: 'menu.human', next: 'human' },
        ],
      },
      next: 'choose',
    },
    miemasuDelete: { kind: 'sub', dialog: 'miemasu-delete-device', next: 'bye' },
    miemasuWithdraw: { kind: 'sub', dialog: 'miemasu-withdraw', next: 'bye' },
    cspsCancel: { kind: 'sub', dialog: 'csps-cancel', next: 'bye' },
    walkthrough: { kind: 'sub', dialog: 'walkthrough', next: 'bye' },
    question: {
      kind: 'ask',
      slot: 'faq',
      prompt: 'menu.question.prompt',
      reprompt: 'menu.question.reprompt',
      input: { type: 'text', validator: 'faqQuestion', maxLength: 500 },
      acceptsQuestions: true,
      next: 'answered',
    },
    answered: {
      kind: 'branch',
      cases: [{ when: { slot: 'faq.found', equals: true }, next: 'answer' }],
      otherwise: 'unsure',
    },
    answer: { kind: 'say', text: 'menu.question.answer', next: 'bye' },
    unsure: { kind: 'handoff', reason: 'menu.question.unsure' },
    receiptsIdentify: { kind: 'sub', dialog: 'identify', next: 'receiptsList', outcomes: { failed: 'bye' } },
    receiptsList: {
      kind: 'call',
      operation: 'listReceipts',
      result: 'receipts',
      next: { ok: 'receiptsFound', failed: 'receiptsNone' },
    },
    receiptsFound: {
      kind: 'branch',
      cases: [{ when: { slot: 'receipts.count', equals: 0 }, next: 'receiptsNone' }],
      otherwise: 'receiptsShow',
    },
    receiptsShow: { kind: 'say', text: 'menu.receipts.list', next: 'bye' },
    receiptsNone: { kind: 'say', text: 'menu.receipts.none', next: 'bye' },
    human: { kind: 'handoff', reason: 'menu.human.reason' },
    bye: { kind: 'end', text: 'menu.bye' },
  },
};

/**
 * Answers the menu's question with the FAQ; `{ found: false }` lets the dialog offer a person instead. What the
 * FAQ did is reported (`faq` events): its own report, or `declined` when it had no confident answer.
 */
export function menuBehaviour(
  answer: (text: string, locale: 'ja' | 'en') => { text: string; report?: FaqReport | undefined } | undefined,
): DialogBehaviour {
  return {
    validators: {
      faqQuestion: (input, { text }) => {
        const found = answer(input, text.locale);
        const value: Json = found ? { found: true, answer: found.text } : { found: false };
        return { ok: true, value, faq: found ? found.report : { outcome: 'declined' } };
      },
    },
  };
}

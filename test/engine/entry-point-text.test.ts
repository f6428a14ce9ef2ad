/**
 * An entry point started with text (`start` with `text`, e.g. the agent command `act portal@example.com`): the
 * text answers the question the dialog starts at, so that question is entered without showing its prompt (a
 * "silent enter", `EnterOptions.showAsk` in core/advance.ts). What the dialog says before the question is shown as
 * usual, and an answer that does not fit is re-asked with the question's own prompt, once.
 */
import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../../dialogs/sample/sample-dialog.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import { createHarness } from './harness.js';

/** Says something first ("契約番号を伝える"), then asks for the contract number, then for a count. */
const contract: Dialog = {
  id: 'contract',
  version: 1,
  title: 'menu.title',
  start: 'welcome',
  nodes: {
    welcome: { kind: 'say', text: 'menu.ask', next: 'number' },
    number: {
      kind: 'ask',
      slot: 'contract',
      prompt: 'menu.contract',
      reprompt: 'menu.contract.reprompt',
      input: { type: 'text', normalize: 'identifier', validator: 'contractNumber' },
      next: 'count',
    },
    count: {
      kind: 'ask',
      slot: 'count',
      prompt: 'menu.count',
      reprompt: 'menu.count.reprompt',
      input: { type: 'number', min: 1, max: 12, integer: true },
      next: 'done',
    },
    done: { kind: 'end', text: 'menu.bye', outcome: 'completed' },
  },
};

const PROMPT = '契約番号を入力してください。';
const REPROMPT = '契約番号は英字4文字と数字6桁です（例: HMAO061322）。';
const SAID_FIRST = '契約番号を伝える';
const NEXT_QUESTION = '台数を入力してください。';

function setup() {
  const backend = createFakeBackend();
  return createHarness({
    dialogs: [menuDialog, deleteDialog, contract],
    rootDialog: 'menu',
    catalogs: sampleCatalogs,
    behaviour: sampleBehaviour,
    operations: backend.operations,
    entryPoints: ['contract'],
  });
}

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe('an entry point started with text that answers its first question', () => {
  it('never shows that question: what the dialog says first, then the next question', async () => {
    const h = setup();
    const replies = await h.send({ kind: 'start', dialogId: 'contract', text: 'HMAO061322' });
    expect(texts(replies)).toEqual([SAID_FIRST, NEXT_QUESTION]);
    await h.say('3');
    expect(h.lastText()).not.toContain(PROMPT);
  });

  it('keeps what the dialog says before the question, in a conversation that had a procedure in progress', async () => {
    const h = setup();
    await h.send({ kind: 'start', dialogId: 'contract' });
    expect(texts(h.last)).toEqual([SAID_FIRST, PROMPT]);
    // Started again over itself, with the answer: the switch notice and the dialog's own words stay, in order.
    const replies = await h.send({ kind: 'start', dialogId: 'contract', text: 'HMAO061322' });
    const shown = texts(replies);
    expect(shown.filter((t) => t === SAID_FIRST)).toHaveLength(1);
    expect(shown.indexOf(SAID_FIRST)).toBeGreaterThan(0);
    expect(shown.at(-1)).toBe(NEXT_QUESTION);
    expect(shown).not.toContain(PROMPT);
  });

  it('re-asks an answer that does not fit with the question’s own prompt, once, after what the dialog said', async () => {
    const h = setup();
    const replies = await h.send({ kind: 'start', dialogId: 'contract', text: 'not a contract' });
    expect(texts(replies)).toEqual([SAID_FIRST, REPROMPT]);
    const version = replies.at(-1)?.stateVersion;
    await h.say('HMAO061322');
    expect(h.lastText()).toContain(NEXT_QUESTION);
    expect(h.last.at(-1)?.stateVersion).toBeGreaterThan(version ?? Number.POSITIVE_INFINITY);
  });

  it('shows the question as usual when the text is blank', async () => {
    const h = setup();
    const replies = await h.send({ kind: 'start', dialogId: 'contract', text: '   ' });
    expect(texts(replies)).toEqual([SAID_FIRST, PROMPT]);
  });

  it('shows the question with a warning when the text cannot be used at all', async () => {
    const h = setup();
    const replies = await h.send({ kind: 'start', dialogId: 'contract', text: 'x'.repeat(5000) });
    const shown = texts(replies);
    expect(shown[0]).toBe(SAID_FIRST);
    expect(shown.at(-1)).toBe(PROMPT);
    expect(shown.filter((t) => t === PROMPT)).toHaveLength(1);
  });
});

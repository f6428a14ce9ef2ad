/**
 * Reply → Adaptive Card: every reply the real dialogs produce renders to a card the Adaptive Cards SDK accepts
 * at schema 1.5, within Teams' message size, with inputs and buttons that hand the answer back faithfully.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { labelsFor } from '../../../adapters/teams/labels.js';
import {
  actionRows,
  groupReplies,
  MAX_ACTIONS_PER_ROW,
  renderAnswered,
  renderCard,
  renderReply,
  renderWelcome,
} from '../../../adapters/teams/render.js';
import type { Reply } from '../../../src/engine/turn.js';
import { collectReplyCorpus } from '../../support/reply-corpus.js';
import { parseCard } from './seen.js';
import { cardProblems } from './validate-card.js';

/** Teams refuses messages over about 28 KB; keep every card well under it. */
const TEAMS_MESSAGE_BYTES = 28 * 1024;

const ackReply: Reply = {
  text: '「CameraOA」を削除する前に、次の内容をご確認ください。\n項目をすべてご確認ください。',
  tone: 'warning',
  facts: [{ label: '機器名', value: 'CameraOA' }],
  acknowledgements: [
    { id: 'no-refund', label: '残りの期間の払い戻しはありません。' },
    { id: 'data-loss', label: '録画データが削除されます。' },
  ],
  choices: [{ id: 'cancel', label: 'やめる', style: 'default' }],
  stateVersion: 41,
};
const finalReply: Reply = {
  text: '「CameraOA」を削除（解約）します。よろしいですか？',
  tone: 'danger',
  choices: [
    { id: 'confirm', label: '削除する', style: 'danger' },
    { id: 'cancel', label: 'やめる', style: 'default' },
  ],
  stateVersion: 42,
};
const typedReply: Reply = {
  text: '確認のため「退会します」と入力してください。',
  tone: 'danger',
  typedConfirmation: '退会します',
  choices: [{ id: 'cancel', label: 'やめる', style: 'default' }],
  stateVersion: 43,
};

function json(reply: Reply) {
  return renderReply(reply, 'ja').content;
}

describe('cards the SDK validates', () => {
  let corpus: Reply[] = [];
  beforeAll(async () => {
    corpus = await collectReplyCorpus();
  }, 120_000);

  it('every reply of the corpus renders to a valid 1.5 card within the Teams message size', () => {
    expect(corpus.length).toBeGreaterThan(50);
    expect(corpus.some((r) => r.acknowledgements)).toBe(true);
    expect(corpus.some((r) => r.typedConfirmation !== undefined)).toBe(true);
    const failures: string[] = [];
    for (const reply of [...corpus, ackReply, finalReply, typedReply]) {
      for (const card of [
        renderReply(reply, 'ja'),
        renderReply(reply, 'en'),
        renderAnswered([reply], 'done'),
      ]) {
        const problems = cardProblems(card.content);
        if (problems.length > 0) failures.push(`${reply.text.slice(0, 60)} → ${problems.join('; ')}`);
        const bytes = Buffer.byteLength(JSON.stringify(card));
        if (bytes > TEAMS_MESSAGE_BYTES) failures.push(`${reply.text.slice(0, 60)} → ${bytes} bytes`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a turn of several replies is one card per question, each valid, notices first', () => {
    const notice: Reply = {
      text: 'その操作は以前の画面のものなので、実行していません。',
      tone: 'warning',
      stateVersion: 42,
    };
    const done: Reply = { text: '削除しました。', tone: 'success', stateVersion: 42 };
    const groups = groupReplies([notice, finalReply, done, notice, ackReply]);
    expect(groups).toEqual([
      [notice, finalReply],
      [done, notice, ackReply],
    ]);
    expect(groupReplies([done, notice])).toEqual([[done, notice]]);
    const parsed = parseCard('m', { attachments: [renderCard([notice, finalReply], 'ja')] });
    expect(parsed.seen.text).toContain('以前の画面');
    expect(parsed.seen.choices.map((c) => c.id)).toEqual(['confirm', 'cancel']);
    for (let i = 0; i + 3 <= corpus.length; i += 3) {
      const group = corpus
        .slice(i, i + 3)
        .filter(
          (r, j) => j === 2 || (!r.choices && !r.acknowledgements && r.typedConfirmation === undefined),
        );
      expect(cardProblems(renderCard(group, 'ja').content)).toEqual([]);
    }
  });

  it('every corpus reply reads back with its text, facts, choices and acknowledgements', () => {
    for (const reply of corpus) {
      const { seen } = parseCard('x', { attachments: [renderReply(reply, 'ja')] });
      for (const line of reply.text.split('\n').filter((l) => l.trim())) expect(seen.text).toContain(line);
      expect(seen.facts).toEqual(reply.facts ?? []);
      expect(seen.choices).toEqual(reply.choices ?? []);
      expect(seen.acks).toEqual(reply.acknowledgements ?? []);
      expect(seen.typedConfirmation).toBe(reply.typedConfirmation);
    }
  });

  it('the welcome card is valid in both languages', () => {
    expect(cardProblems(renderWelcome('ja', true).content)).toEqual([]);
    expect(cardProblems(renderWelcome('en', false).content)).toEqual([]);
  });

  it('the validator catches a broken card', () => {
    const card = structuredClone(json(ackReply)) as unknown as { body: Record<string, unknown>[] };
    const toggle = card.body.find((element) => element.type === 'Input.Toggle');
    expect(toggle).toBeDefined();
    if (!toggle) return;
    delete toggle.label;
    delete toggle.errorMessage;
    card.body.push({ ...toggle }, { type: 'Bogus.Element' });
    const problems = cardProblems(card);
    expect(problems.join('\n')).toMatch(/label/);
    expect(problems.join('\n')).toMatch(/error message/);
    expect(problems.join('\n')).toMatch(/Duplicate Id/);
    expect(problems.join('\n')).toMatch(/Unknown element type "Bogus.Element"/);
    expect(
      cardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [],
        actions: [{ type: 'Action.Submit', style: 'loud' }],
      }),
    ).not.toEqual([]);
  });
});

describe('inputs and buttons', () => {
  it('acknowledgements are required toggles, sent only by a validating submit; stop never validates', () => {
    const parsed = parseCard('m', { attachments: [renderReply(ackReply, 'ja')] });
    expect(parsed.inputs.map((i) => [i.id, i.type, i.isRequired])).toEqual([
      ['ack.no-refund', 'Input.Toggle', true],
      ['ack.data-loss', 'Input.Toggle', true],
    ]);
    const submit = parsed.actions.find((a) => a.data.hb === 'acknowledge');
    expect(submit).toMatchObject({ associatedInputs: 'auto', style: 'positive', data: { stateVersion: 41 } });
    expect(submit?.title).toBe(labelsFor('ja').acknowledgeSubmit);
    expect(parsed.actions.find((a) => a.data.choiceId === 'cancel')?.associatedInputs).toBe('none');
  });

  it('choices carry their id and state version; danger is destructive, primary positive', () => {
    const parsed = parseCard('m', {
      attachments: [
        renderReply(
          {
            ...finalReply,
            choices: [...(finalReply.choices ?? []), { id: 'go', label: '進む', style: 'primary' }],
          },
          'ja',
        ),
      ],
    });
    expect(parsed.actions.map((a) => [a.data, a.style, a.associatedInputs])).toEqual([
      [{ hb: 'choice', choiceId: 'confirm', stateVersion: 42 }, 'destructive', 'none'],
      [{ hb: 'choice', choiceId: 'cancel', stateVersion: 42 }, undefined, 'none'],
      [{ hb: 'choice', choiceId: 'go', stateVersion: 42 }, 'positive', 'none'],
    ]);
  });

  it('a typed confirmation is a required text box with a destructive validating submit', () => {
    const parsed = parseCard('m', { attachments: [renderReply(typedReply, 'en')] });
    expect(parsed.inputs).toEqual([
      expect.objectContaining({ id: 'typed', type: 'Input.Text', isRequired: true }),
    ]);
    expect(parsed.seen.typedConfirmation).toBe('退会します');
    const submit = parsed.actions.find((a) => a.data.hb === 'typed');
    expect(submit).toMatchObject({ associatedInputs: 'auto', style: 'destructive', title: 'Submit' });
  });

  it('tone colours the card: danger is attention, success good, info plain', () => {
    const style = (tone: Reply['tone']) =>
      json({ ...finalReply, tone }).body[0] as { style?: string; items: { color?: string }[] };
    expect(style('danger')).toMatchObject({ style: 'attention', items: [{ color: 'Attention' }] });
    expect(style('success')).toMatchObject({ style: 'good', items: [{ color: 'Good' }] });
    expect(style('info').items[0]?.color).toBeUndefined();
  });

  it('an answered card keeps text and facts, drops every input and button, and says what was answered', () => {
    const parsed = parseCard('m', {
      attachments: [renderAnswered([ackReply], '回答済み: すべて確認しました')],
    });
    expect(parsed.actions).toEqual([]);
    expect(parsed.inputs).toEqual([]);
    expect(parsed.seen.facts).toEqual(ackReply.facts);
    expect(parsed.seen.text).toContain('回答済み: すべて確認しました');
    expect(parsed.seen.text).toContain('録画データが削除されます。');
  });

  it('buttons are split into rows of at most five, and long labels get rows of their own', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      type: 'Action.Submit' as const,
      title: `B${i}`,
    }));
    const rows = actionRows(many);
    expect(rows.flat()).toEqual(many);
    expect(Math.max(...rows.map((r) => r.length))).toBe(MAX_ACTIONS_PER_ROW);
    const long = ['クラウドサービス（HOME／Therefore Online／uniFLOW Online）を解約する', '質問する'].map(
      (title) => ({
        type: 'Action.Submit' as const,
        title,
      }),
    );
    expect(actionRows(long).map((r) => r.length)).toEqual([1, 1]);
  });
});

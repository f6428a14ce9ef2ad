/**
 * Reply → Block Kit: every reply the real dialogs produce renders within Slack's limits, and the checker itself
 * catches a message that breaks them.
 */
import { describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../../adapters/slack/actions.js';
import { SLACK_LIMITS, slackLimitProblems } from '../../../adapters/slack/limits.js';
import { escapeAndSplit, escapeMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { closeBlocks, groupReplies, renderReplies, renderReply } from '../../../adapters/slack/render.js';
import type { Reply } from '../../../src/engine/turn.js';
import { collectReplyCorpus } from '../../support/reply-corpus.js';
import { buttonsOf, seenOf } from './seen.js';

type Json = Record<string, unknown>;

function seen(reply: Reply | Reply[]) {
  const message = Array.isArray(reply) ? renderReplies(reply) : renderReply(reply);
  return seenOf({
    channel: 'D1',
    ts: '1.1',
    text: message.text,
    blocks: message.blocks,
    original: message.blocks,
    updates: 0,
  });
}

const question: Reply = {
  text: '「CameraOA」を削除（解約）します。よろしいですか？',
  tone: 'danger',
  choices: [
    { id: 'confirm', label: '削除する', style: 'danger' },
    { id: 'cancel', label: 'やめる', style: 'default' },
  ],
  stateVersion: 7,
};

describe('the reply corpus', () => {
  it('every reply of the real dialogs renders within Slack limits, alone and grouped as a turn would be', async () => {
    const corpus = await collectReplyCorpus();
    expect(corpus.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const reply of corpus)
      for (const problem of slackLimitProblems(renderReply(reply)))
        problems.push(`${reply.text.slice(0, 40)}: ${problem}`);
    for (const group of groupReplies(corpus))
      for (const problem of slackLimitProblems(renderReplies(group))) problems.push(`group: ${problem}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows every acknowledgement in full and every choice of each reply, none with both styles', async () => {
    const corpus = await collectReplyCorpus();
    const withAcks = corpus.filter((reply) => reply.acknowledgements?.length);
    expect(
      withAcks.some((reply) =>
        reply.acknowledgements?.some((ack) => ack.label.length > SLACK_LIMITS.optionText),
      ),
    ).toBe(true);
    for (const reply of corpus) {
      const shown = seen(reply);
      expect(shown.acks).toEqual(reply.acknowledgements ?? []);
      expect(shown.choices.map((c) => c.id)).toEqual((reply.choices ?? []).map((c) => c.id));
      expect(shown.facts).toEqual(reply.facts ?? []);
    }
  }, 60_000);
});

describe('rendering', () => {
  it('a danger choice is a danger button behind a confirm dialog; primary is primary; default has no style', () => {
    const message = renderReply({
      ...question,
      choices: [...(question.choices ?? []), { id: 'back', label: '戻る', style: 'primary' }],
    });
    const buttons = buttonsOf(message.blocks).map((b) => b.button);
    const [danger, plain, primary] = buttons;
    expect(danger?.style).toBe('danger');
    expect((danger?.confirm as Json | undefined)?.style).toBe('danger');
    expect(JSON.stringify(danger?.confirm)).toContain('削除する');
    expect(plain?.style).toBeUndefined();
    expect(plain?.confirm).toBeUndefined();
    expect(primary?.style).toBe('primary');
    expect(primary?.confirm).toBeUndefined();
    expect(buttons.map((b) => decodeButtonValue(b.value))).toEqual([
      { k: 'c', c: 'confirm', v: 7 },
      { k: 'c', c: 'cancel', v: 7 },
      { k: 'c', c: 'back', v: 7 },
    ]);
  });

  it('escapes &, < and > in text and facts', () => {
    const message = renderReply({
      text: 'a <b> & c',
      tone: 'info',
      facts: [{ label: 'x<y', value: '1 & 2' }],
      stateVersion: 1,
    });
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('a &lt;b&gt; &amp; c');
    expect(json).toContain('*x&lt;y*\\n1 &amp; 2');
    expect(json).not.toContain('<b>');
  });

  it('splits long text across sections without losing or breaking anything', () => {
    const line = 'ご解約の前に <必ず> ご確認ください & 保存してください。';
    const text = Array.from({ length: 400 }, (_, i) => `${i}: ${line}`).join('\n');
    const message = renderReply({ text, tone: 'warning', stateVersion: 1 });
    expect(slackLimitProblems(message)).toEqual([]);
    const sections = message.blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(sections.length).toBeGreaterThan(3);
    expect(sections.join('\n')).toBe(`:warning: ${escapeMrkdwn(text)}`);
  });

  it('never cuts an escape sequence when a single line is too long', () => {
    const pieces = escapeAndSplit('&'.repeat(1000), 7);
    expect(pieces.every((piece) => /^(&amp;)+$/.test(piece))).toBe(true);
    expect(pieces.join('')).toBe('&amp;'.repeat(1000));
  });

  it('more than ten facts, 25 buttons or ten acknowledgements are split across blocks', () => {
    const reply: Reply = {
      text: '多くの項目',
      tone: 'info',
      facts: Array.from({ length: 23 }, (_, i) => ({ label: `項目${i}`, value: `値${i}` })),
      choices: Array.from({ length: 30 }, (_, i) => ({
        id: `c${i}`,
        label: `選択${i}`,
        style: 'default' as const,
      })),
      acknowledgements: Array.from({ length: 12 }, (_, i) => ({
        id: `a${i}`,
        label: `確認事項${i}`.repeat(20),
      })),
      stateVersion: 3,
    };
    const message = renderReply(reply);
    expect(slackLimitProblems(message)).toEqual([]);
    const shown = seen(reply);
    expect(shown.facts).toHaveLength(23);
    expect(shown.choices).toHaveLength(30);
    expect(shown.acks).toEqual(reply.acknowledgements);
    expect(message.blocks.filter((b) => b.type === 'input')).toHaveLength(2);
  });

  it('a caption too long for a button is shortened on the button and shown in full above', () => {
    const label = `${'とても長い選択肢の説明'.repeat(10)}末尾`;
    const message = renderReply({
      text: 'お選びください',
      tone: 'info',
      choices: [{ id: 'long', label, style: 'default' }],
      stateVersion: 1,
    });
    expect(slackLimitProblems(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('末尾');
    const button = buttonsOf(message.blocks)[0]?.button;
    expect([...String((button?.text as Json | undefined)?.text)]).toHaveLength(SLACK_LIMITS.buttonText);
  });

  it('a huge turn still fits in 50 blocks and keeps its question', () => {
    const notices: Reply[] = Array.from({ length: 80 }, (_, i) => ({
      text: `お知らせ${i}`,
      tone: 'info',
      facts: [{ label: 'a', value: 'b' }],
      stateVersion: 1,
    }));
    const message = renderReplies([...notices, question]);
    expect(slackLimitProblems(message)).toEqual([]);
    expect(seen([...notices, question]).choices.map((c) => c.id)).toEqual(['confirm', 'cancel']);
  });

  it('a typed confirmation is an input with the phrase as placeholder, plus a submit button', () => {
    const reply: Reply = {
      text: '「退会します」と入力してください。',
      tone: 'danger',
      typedConfirmation: '退会します',
      choices: [{ id: 'cancel', label: 'やめる', style: 'default' }],
      stateVersion: 9,
    };
    const shown = seen(reply);
    expect(shown.typedConfirmation).toBe('退会します');
    const values = buttonsOf(renderReply(reply).blocks).map((b) => decodeButtonValue(b.button.value));
    expect(values).toContainEqual({ k: 't', v: 9 });
  });

  it('groups a turn so each notice travels with the question after it', () => {
    const notice: Reply = { text: 'その操作は以前の画面のものです。', tone: 'warning', stateVersion: 7 };
    const done: Reply = { text: '完了しました。', tone: 'success', stateVersion: 8 };
    expect(groupReplies([notice, question, done, notice])).toEqual([
      [notice, question],
      [done, notice],
    ]);
    const shown = seen([notice, question]);
    expect(shown.text).toContain('以前の画面');
    expect(shown.choices).toHaveLength(2);
  });
});

describe('closing an answered message', () => {
  it('drops buttons, checkboxes and inputs, keeps the text and adds one answered line', () => {
    const reply: Reply = {
      text: '次の内容をご確認ください。',
      tone: 'warning',
      facts: [{ label: '機器名', value: 'CameraOA' }],
      acknowledgements: [{ id: 'no-refund', label: '払い戻しはありません。' }],
      choices: [{ id: 'cancel', label: 'やめる', style: 'default' }],
      stateVersion: 2,
    };
    const closed = closeBlocks(renderReply(reply).blocks, '回答: 確認して進む');
    const again = closeBlocks(closed, '回答: 確認して進む');
    expect(again).toEqual(closed);
    expect(closed.map((b) => b.type)).not.toContain('actions');
    expect(closed.map((b) => b.type)).not.toContain('input');
    const shown = seenOf({ channel: 'D1', ts: '1', text: '', blocks: closed, original: closed, updates: 1 });
    expect(shown.text).toContain('次の内容をご確認ください');
    expect(shown.text).toContain('払い戻しはありません');
    expect(shown.text).toContain('回答: 確認して進む');
    expect(shown.facts).toEqual(reply.facts);
    expect(shown.choices).toEqual([]);
    expect(shown.acks).toEqual([]);
  });
});

describe('slackLimitProblems', () => {
  it('flags what Slack would refuse', () => {
    const problems = slackLimitProblems({
      text: 'x'.repeat(40_001),
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'y'.repeat(3001) },
          fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })),
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'a',
              text: { type: 'plain_text', text: 'b'.repeat(76) },
              style: 'default',
            },
            {
              type: 'button',
              action_id: 'a',
              text: { type: 'plain_text', text: 'ok' },
              value: 'v'.repeat(2001),
            },
          ],
        },
        {
          type: 'input',
          label: { type: 'plain_text', text: 'l' },
          element: {
            type: 'checkboxes',
            action_id: 'c',
            options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'v' }],
          },
        },
        ...Array.from({ length: 48 }, () => ({ type: 'divider' })),
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'text: 40001 characters > 40000',
        'blocks: 51 blocks > 50',
        'blocks[0].text: 3001 characters > 3000',
        'blocks[0].fields: 11 fields > 10',
        'blocks[1].elements[0].text: 76 characters > 75',
        'blocks[1].elements[0].style: "default" is neither primary nor danger',
        'blocks[1].elements[1].value: 2001 characters > 2000',
        'blocks[1]: action_id "a" is repeated',
        'blocks[2].element.options[0].text: 76 characters > 75',
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('finds nothing wrong with a plain question', () => {
    expect(slackLimitProblems(renderReply(question))).toEqual([]);
  });
});

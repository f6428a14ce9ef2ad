/**
 * Reply → LINE messages: every turn of the reply corpus (all transcripts in Japanese and English, the FAQ questions,
 * help and handoff) renders to one request within LINE's documented limits — five messages, Flex bubble size,
 * text and altText lengths, button and quick reply labels, postback data — with nothing shortened, and every
 * button hands back exactly what the engine offered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LINE_LIMITS, lineLimitProblems } from '../../../adapters/line/limits.js';
import { decodePostback } from '../../../adapters/line/postback.js';
import { groupReplies, renderReplies, renderWelcome } from '../../../adapters/line/render.js';
import type { Reply } from '../../../src/engine/turn.js';
import { collectTurnCorpus } from '../../support/reply-corpus.js';
import { parseMessages } from './seen.js';

const ackReply: Reply = {
  text: '「CameraOA」を削除する前に、次の内容をご確認ください。',
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
const notice: Reply = { text: 'その操作は以前の画面のものです。', tone: 'warning', stateVersion: 42 };

describe('every turn of the reply corpus fits LINE', () => {
  let turns: Reply[][] = [];
  beforeAll(async () => {
    turns = await collectTurnCorpus();
  }, 180_000);

  it('renders within the documented limits, nothing shortened, in both languages', () => {
    const replies = turns.flat();
    expect(turns.length).toBeGreaterThan(100);
    expect(replies.some((r) => r.acknowledgements)).toBe(true);
    expect(replies.some((r) => r.typedConfirmation !== undefined)).toBe(true);
    expect(replies.some((r) => r.choices?.some((c) => c.style === 'danger'))).toBe(true);
    const failures: string[] = [];
    let largestBubble = 0;
    for (const turn of turns) {
      if (turn.length === 0) continue;
      const locale = turn.find((r) => r.locale)?.locale ?? 'ja';
      const question = turn.at(-1);
      // As first shown, and with every acknowledgement but the last already given one by one.
      const states = [new Set<string>()];
      const acks = question?.acknowledgements ?? [];
      if (acks.length > 1) states.push(new Set(acks.slice(0, -1).map((a) => a.id)));
      for (const acknowledged of states) {
        const { messages, truncated } = renderReplies(turn, locale, { acknowledged });
        const problems = [...lineLimitProblems(messages), ...truncated];
        if (problems.length > 0) failures.push(`${turn[0]?.text.slice(0, 50)} → ${problems.join('; ')}`);
        for (const message of messages)
          if (message.type === 'flex')
            largestBubble = Math.max(largestBubble, Buffer.byteLength(JSON.stringify(message.contents)));
      }
    }
    expect(failures).toEqual([]);
    expect(largestBubble).toBeLessThan(LINE_LIMITS.bubbleBytes);
  });

  it('every button gives back the choice or acknowledgement the engine offered, at its version', () => {
    for (const turn of turns) {
      const question = turn.at(-1);
      if (!question || turn.length === 0) continue;
      const { messages } = renderReplies(turn, question.locale ?? 'ja');
      const seen = parseMessages('m', messages).at(-1);
      expect(seen?.choices.map((c) => c.id)).toEqual((question.choices ?? []).map((c) => c.id));
      expect(seen?.choices.map((c) => c.style)).toEqual((question.choices ?? []).map((c) => c.style));
      expect(seen?.acks.map((a) => a.id)).toEqual((question.acknowledgements ?? []).map((a) => a.id));
      for (const version of seen?.versions ?? []) expect(version).toBe(question.stateVersion);
    }
  });
});

describe('rendering', () => {
  it('a question with its notice is one Flex message; facts as rows; danger button in red, no quick reply', () => {
    const { messages } = renderReplies([notice, finalReply], 'ja');
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.type).toBe('flex');
    expect(message?.quickReply).toBeUndefined();
    const json = JSON.stringify(message);
    expect(json).toContain('以前の画面');
    expect(json).toContain('#C5221F');
    const seen = parseMessages('m', messages)[0];
    expect(seen?.choices).toEqual([
      { id: 'confirm', label: '削除する', style: 'danger' },
      { id: 'cancel', label: 'やめる', style: 'default' },
    ]);
  });

  it('short non-destructive choices are also quick replies carrying the version', () => {
    const reply: Reply = {
      text: 'どちらの機器ですか？',
      tone: 'info',
      choices: [
        { id: 'DEV-0001', label: 'CameraOA', style: 'default' },
        { id: 'DEV-0002', label: 'CameraOB', style: 'default' },
      ],
      stateVersion: 7,
    };
    const [message] = renderReplies([reply], 'ja').messages;
    const items = message?.quickReply?.items ?? [];
    expect(items).toHaveLength(2);
    const data = items.map((item) => (item.action?.type === 'postback' ? item.action.data : undefined));
    expect(data.map((d) => (d ? decodePostback(d) : undefined))).toEqual([
      { kind: 'choice', choiceId: 'DEV-0001', stateVersion: 7 },
      { kind: 'choice', choiceId: 'DEV-0002', stateVersion: 7 },
    ]);
  });

  it('acknowledgements: one button per item; given items are marked and lose their button', () => {
    const first = parseMessages('m', renderReplies([ackReply], 'ja').messages)[0];
    expect(first?.acks.map((a) => a.id)).toEqual(['no-refund', 'data-loss']);
    expect(first?.text).toContain('確認済み 0/2');
    const after = renderReplies([ackReply], 'ja', { acknowledged: new Set(['no-refund']) }).messages;
    const second = parseMessages('m', after)[0];
    expect(second?.acks.map((a) => a.id)).toEqual(['data-loss']);
    expect(second?.text).toContain('✓ 1. 残りの期間の払い戻しはありません。');
    expect(second?.text).toContain('確認済み 1/2');
  });

  it('plain notices are text messages; more than five groups are folded into the first message', () => {
    const plain: Reply = { text: '中止しました。何も変更していません。', tone: 'info', stateVersion: 1 };
    expect(renderReplies([plain], 'ja').messages).toEqual([{ type: 'text', text: plain.text }]);
    const many = Array.from({ length: 7 }, (_, i) => ({ ...finalReply, text: `質問 ${i}` }));
    expect(groupReplies(many)).toHaveLength(7);
    const { messages } = renderReplies(many, 'ja');
    expect(messages).toHaveLength(LINE_LIMITS.messagesPerRequest);
    expect(messages[0]).toEqual({ type: 'text', text: '質問 0\n\n質問 1\n\n質問 2' });
    expect(lineLimitProblems(messages)).toEqual([]);
  });

  it('a long label is shown whole (wrapped); only its unseen accessibility label is cut to 40', () => {
    const label = 'クラウドサービス（HOME／Therefore Online／uniFLOW Online）を解約する';
    const reply: Reply = {
      text: '選んでください',
      tone: 'info',
      choices: [{ id: 'a', label, style: 'default' }],
      stateVersion: 1,
    };
    const { messages, truncated } = renderReplies([reply], 'ja');
    expect(truncated).toEqual([]);
    expect(lineLimitProblems(messages)).toEqual([]);
    expect(parseMessages('m', messages)[0]?.choices[0]?.label).toBe(label);
    expect(messages[0]?.quickReply).toBeUndefined(); // over 20 characters: no quick reply
  });

  it('a text over 5000 characters is shortened to the limit and reported (never silently)', () => {
    const long: Reply = { text: 'x'.repeat(6000), tone: 'info', stateVersion: 1 };
    const { messages, truncated } = renderReplies([long], 'ja');
    expect(lineLimitProblems(messages)).toEqual([]);
    expect(truncated).toEqual(['text message: 6000 > 5000']);
  });

  it('the checker catches what LINE refuses', () => {
    expect(lineLimitProblems([])).toEqual(['no messages']);
    expect(lineLimitProblems(Array.from({ length: 6 }, () => ({ type: 'text', text: 'a' })))).toContain(
      '6 messages > 5',
    );
    const bad = {
      type: 'flex',
      altText: 'a',
      contents: {
        type: 'bubble',
        body: {
          type: 'box',
          layout: 'vertical',
          contents: [
            { type: 'button', action: { type: 'postback', label: 'l'.repeat(41), data: 'd'.repeat(301) } },
          ],
        },
      },
      quickReply: { items: [{ type: 'action', action: { type: 'postback', label: 'q', data: 'x' } }] },
    };
    const problems = lineLimitProblems([bad]);
    expect(problems.join('\n')).toMatch(/label: 41 characters > 40/);
    expect(problems.join('\n')).toMatch(/data: 301 characters > 300/);
    expect(problems.join('\n')).toMatch(/displayText: required/);
  });

  it('the welcome message offers the entry points within the limits', () => {
    const welcome = renderWelcome('ja');
    expect(lineLimitProblems([welcome])).toEqual([]);
    expect(lineLimitProblems([renderWelcome('en')])).toEqual([]);
  });
});

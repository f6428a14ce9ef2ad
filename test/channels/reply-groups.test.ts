/** Every chat channel groups replies with the one shared definition (`src/channels/reply-groups.ts`), no twins. */
import { describe, expect, it } from 'vitest';
import * as line from '../../adapters/line/render.js';
import * as slack from '../../adapters/slack/render.js';
import * as teams from '../../adapters/teams/render.js';
import { groupReplies, isInteractive } from '../../src/channels/reply-groups.js';
import type { Reply } from '../../src/engine/turn.js';

const notice: Reply = { text: 'その操作は以前の画面のものです。', tone: 'info', stateVersion: 3 };
const question: Reply = {
  text: '削除しますか？',
  tone: 'danger',
  stateVersion: 3,
  choices: [{ id: 'yes', label: '削除する', style: 'danger' }],
};

describe('reply groups', () => {
  it.each([
    ['LINE', line],
    ['Slack', slack],
    ['Teams', teams],
  ])('%s uses the shared groupReplies / isInteractive', (_name, adapter) => {
    expect(adapter.groupReplies).toBe(groupReplies);
    expect(adapter.isInteractive).toBe(isInteractive);
  });

  it('ends each group with its only interactive reply; the plain tail is its own group', () => {
    expect(groupReplies([notice, question, notice])).toEqual([[notice, question], [notice]]);
    expect(isInteractive(question)).toBe(true);
    expect(isInteractive(notice)).toBe(false);
  });
});

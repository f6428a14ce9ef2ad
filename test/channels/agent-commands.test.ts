/** Agent-mode commands typed in a chat channel become entry points, in English and Japanese, width-insensitive. */
import { describe, expect, it } from 'vitest';
import { agentCommandOrText } from '../../src/channels/agent-commands.js';

describe('agentCommandOrText', () => {
  it('starts acting for a customer, with or without the customer named', () => {
    expect(agentCommandOrText('act portal@example.com')).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'portal@example.com',
    });
    expect(agentCommandOrText('代理対応　HMMH061530')).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'HMMH061530',
    });
    expect(agentCommandOrText('ACT')).toEqual({ kind: 'start', dialogId: 'agent-session' });
  });

  it('ends acting from anywhere', () => {
    expect(agentCommandOrText('end')).toEqual({ kind: 'start', dialogId: 'agent-end' });
    expect(agentCommandOrText(' 代理終了 ')).toEqual({ kind: 'start', dialogId: 'agent-end' });
  });

  it('leaves everything else as typed text', () => {
    for (const text of [
      'actually I want to cancel',
      'the end of the month?',
      '代理対応について教えて？',
      'カメラを削除したい',
    ])
      expect(agentCommandOrText(text)).toEqual({ kind: 'text', text });
  });
});

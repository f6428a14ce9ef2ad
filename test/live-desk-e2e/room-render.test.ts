/**
 * The agents' room messages as the platforms get them: Slack Block Kit within Slack's limits (even for a long
 * summary and a long relayed message, with markup escaped), Teams cards valid Adaptive Cards 1.5, and button
 * data that names only the ticket.
 */
import { describe, expect, it } from 'vitest';
import { slackLimitProblems } from '../../adapters/slack/limits.js';
import {
  claimedPost,
  closedPost,
  relayMessage,
  threadControls,
  ticketPost,
} from '../../adapters/slack/live-desk-render.js';
import {
  controlsCard,
  deskSubmitOf,
  noteCard,
  relayCard,
  settledCard,
  ticketCard,
} from '../../adapters/teams/live-desk-cards.js';
import { teamsKeyParts } from '../../adapters/teams/live-desk-delivery.js';
import type { Ticket } from '../../src/live-desk/index.js';
import { cardProblems } from '../adapters/teams/validate-card.js';

const ticket: Ticket = {
  id: 'HK-ABCDEFGHJK',
  conversationKey: 'web:abc',
  channel: 'web',
  locale: 'ja',
  status: 'claimed',
  claimedBy: 'slack:UAGENT1',
  claimedByLabel: 'sato',
  summary: {
    customer: { actorId: 'web:abc' },
    position: [],
    acknowledged: [],
    confirmed: [],
    recentReplies: [],
  },
  stateVersion: 3,
  threads: {},
  createdAt: '2026-11-24T01:00:00.000Z',
  updatedAt: '2026-11-24T01:00:00.000Z',
};
const longSummary = `【チャット対応のご依頼】\n${'ご契約の内容を確認しています。'.repeat(600)}`;
const markup = '<!channel> *太字* <https://evil.example|こちら> & more';

describe('Slack room messages', () => {
  it('stay within Block Kit limits with a very long summary and relayed text', () => {
    const messages = [
      ticketPost(ticket, longSummary, 'ja'),
      claimedPost(ticket, longSummary, 'sato', 'ja'),
      closedPost(longSummary, 'ボットに戻しました。'),
      threadControls(ticket, 'sato', 'en'),
      relayMessage('あ'.repeat(20_000), { kind: 'customer' }, 'ja'),
    ];
    for (const message of messages) expect(slackLimitProblems(message)).toEqual([]);
  });

  it('escape a customer’s markup, so it cannot ping the channel or disguise a link', () => {
    const text = JSON.stringify(relayMessage(markup, { kind: 'customer' }, 'ja'));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<https://evil.example');
  });

  it('name a Slack claimer by mention and carry only the ticket id in buttons', () => {
    expect(JSON.stringify(claimedPost(ticket, 'summary', 'sato', 'ja').blocks)).toContain(
      '<@UAGENT1> さんが対応中です。',
    );
    const teamsClaimer = { ...ticket, claimedBy: 'teams:aad-1' };
    expect(JSON.stringify(claimedPost(teamsClaimer, 'summary', 'Suzuki <b>', 'ja').blocks)).toContain(
      'Suzuki &lt;b&gt; さんが対応中です。',
    );
    const values = JSON.stringify(ticketPost(ticket, 'summary', 'ja').blocks).match(/"value":"[^"]*"/g);
    expect(values).toEqual([`"value":"${ticket.id}"`]);
  });
});

describe('Teams room cards', () => {
  it('are valid Adaptive Cards 1.5', () => {
    const cards = [
      ticketCard(ticket.id, longSummary, 'ja'),
      settledCard(longSummary, '🔒 担当者が終了しました。'),
      controlsCard(ticket.id, 'Suzuki', 'en'),
      noteCard('note'),
      relayCard('お客様の\nメッセージ', { kind: 'customer' }, 'ja'),
      relayCard('hello', { kind: 'agent', label: 'sato' }, 'en'),
    ];
    for (const card of cards) expect(cardProblems(card.content)).toEqual([]);
  });

  it('read back only well-formed room submits', () => {
    expect(deskSubmitOf({ hh: 'claim', ticketId: ticket.id })).toEqual({
      hh: 'claim',
      ticketId: ticket.id,
    });
    expect(deskSubmitOf({ hh: 'claim', ticketId: 'x' })).toBeUndefined();
    expect(deskSubmitOf({ hh: 'delete', ticketId: ticket.id })).toBeUndefined();
    expect(deskSubmitOf({ hb: 'choice', choiceId: 'a', stateVersion: 1 })).toBeUndefined();
  });

  it('reads a Teams customer’s conversation back from the key, whatever colons the conversation id has', () => {
    expect(teamsKeyParts('teams:tenant-1:a:personal-aad-1:aad-1')).toEqual({
      tenantId: 'tenant-1',
      conversationId: 'a:personal-aad-1',
      userId: 'aad-1',
    });
    expect(teamsKeyParts('teams:t:19:x@thread.tacv2;messageid=1:aad')?.conversationId).toBe(
      '19:x@thread.tacv2;messageid=1',
    );
    expect(teamsKeyParts('teams:t:conv:aad|for:CUS-1')).toBeUndefined();
    expect(teamsKeyParts('slack:T:D:U')).toBeUndefined();
  });
});

/**
 * Teams activity → engine input, without HTTP: keys, mentions, text commands, card submits, locales.
 */
import { describe, expect, it } from 'vitest';
import { localeOf, parseInbound, stripMentions, textToInput } from '../../../adapters/teams/inbound.js';
import { submitToInput } from '../../../adapters/teams/submit.js';
import {
  botAddedActivity,
  channelMentionActivity,
  messageActivity,
  submitActivity,
  type TeamsActivity,
} from '../../support/teams-activities.js';

const SERVICE = 'http://127.0.0.1:1/';
/** The builders' loose shape, typed as the adapter's input (its Activity type stays inside adapters/teams). */
const asActivity = (activity: TeamsActivity) => activity as unknown as Parameters<typeof parseInbound>[0];

describe('messages', () => {
  it('a personal message is a text turn keyed by tenant, conversation and AAD user', () => {
    const activity = messageActivity({
      serviceUrl: SERVICE,
      aadObjectId: 'aad-1',
      text: 'カメラを削除したい',
      id: 'm1',
    });
    expect(parseInbound(asActivity(activity))).toEqual({
      kind: 'turn',
      userId: 'aad-1',
      baseKey: 'teams:tenant-1:a:personal-aad-1:aad-1',
      deliveryId: 'teams:a:personal-aad-1:m1',
      input: { kind: 'text', text: 'カメラを削除したい' },
      locale: 'ja',
      fromCard: undefined,
    });
  });

  it('a channel message counts only when it mentions the bot; the mention is removed', () => {
    const base = {
      serviceUrl: SERVICE,
      aadObjectId: 'aad-1',
      conversationId: '19:c@thread.tacv2;messageid=9',
    };
    const mentioned = parseInbound(asActivity(channelMentionActivity({ ...base, text: ' 解約したい ' })));
    expect(mentioned).toMatchObject({ kind: 'turn', input: { kind: 'text', text: '解約したい' } });
    expect(mentioned).toMatchObject({ baseKey: 'teams:tenant-1:19:c@thread.tacv2;messageid=9:aad-1' });
    const plain = parseInbound(
      asActivity(channelMentionActivity({ ...base, text: '解約したい', mention: false })),
    );
    expect(plain.kind).toBe('ignore');
    expect(stripMentions('<at>Helpdesk</at>  act  <at>Other</at> x@example.com')).toBe('act x@example.com');
  });

  it('the bot added to a conversation asks for the welcome; other members do not', () => {
    const added = botAddedActivity({ serviceUrl: SERVICE, aadObjectId: 'aad-1' });
    expect(parseInbound(asActivity(added)).kind).toBe('welcome');
    expect(parseInbound(asActivity({ ...added, membersAdded: [{ id: '29:someone' }] })).kind).toBe('ignore');
  });

  it('the bot ignores its own messages and activity types it does not handle', () => {
    const own = messageActivity({ serviceUrl: SERVICE, aadObjectId: 'aad-1', text: 'x' });
    expect(parseInbound(asActivity({ ...own, from: own.recipient })).kind).toBe('ignore');
    expect(parseInbound(asActivity({ ...own, type: 'typing' })).kind).toBe('ignore');
  });
});

describe('agent commands', () => {
  it('`act <query>` starts agent mode with the query, `end` ends it, anything else is text', () => {
    expect(textToInput('act portal@example.com')).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'portal@example.com',
    });
    expect(textToInput('ACT  HMMH061530')).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'HMMH061530',
    });
    expect(textToInput('act')).toEqual({ kind: 'start', dialogId: 'agent-session' });
    expect(textToInput('end')).toEqual({ kind: 'start', dialogId: 'agent-end' });
    expect(textToInput('actually, stop')).toEqual({ kind: 'text', text: 'actually, stop' });
    expect(textToInput('the end')).toEqual({ kind: 'text', text: 'the end' });
  });
});

describe('card submits', () => {
  it('a choice keeps its id and state version; the card it came from is remembered', () => {
    const activity = submitActivity({
      serviceUrl: SERVICE,
      aadObjectId: 'aad-1',
      value: { hb: 'choice', choiceId: 'confirm', stateVersion: 7 },
      replyToId: 'card-1',
    });
    expect(parseInbound(asActivity(activity))).toMatchObject({
      kind: 'turn',
      input: { kind: 'choice', choiceId: 'confirm', stateVersion: 7 },
      fromCard: 'card-1',
    });
  });

  it('acknowledgements: the ticked toggles only, as one acknowledge input', () => {
    expect(
      submitToInput({
        hb: 'acknowledge',
        stateVersion: 3,
        'ack.no-refund': 'true',
        'ack.data-loss': 'false',
        'ack.license-forfeit': 'true',
        typed: 'true',
      }),
    ).toEqual({ kind: 'acknowledge', ackIds: ['no-refund', 'license-forfeit'], stateVersion: 3 });
  });

  it('a typed confirmation, an entry point, and anything forged', () => {
    expect(submitToInput({ hb: 'typed', stateVersion: 5, typed: '退会します' })).toEqual({
      kind: 'typed',
      text: '退会します',
      stateVersion: 5,
    });
    expect(submitToInput({ hb: 'typed', stateVersion: 5 })).toEqual({
      kind: 'typed',
      text: '',
      stateVersion: 5,
    });
    expect(submitToInput({ hb: 'start', dialogId: 'csps-cancel' })).toEqual({
      kind: 'start',
      dialogId: 'csps-cancel',
    });
    for (const forged of [
      { hb: 'choice', choiceId: 'confirm' },
      { hb: 'choice', choiceId: 'confirm', stateVersion: '7' },
      { hb: 'delete-everything' },
      { choiceId: 'confirm', stateVersion: 7 },
      'confirm',
      null,
    ])
      expect(submitToInput(forged)).toBeUndefined();
  });
});

describe('locale', () => {
  it('reads ja* and en* from Teams, nothing else', () => {
    expect(localeOf('ja-JP')).toBe('ja');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('fr-FR')).toBeUndefined();
    expect(localeOf(undefined)).toBeUndefined();
    expect(localeOf('jam')).toBeUndefined();
  });
});

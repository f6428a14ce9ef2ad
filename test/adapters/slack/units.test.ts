/** The Slack adapter's pure pieces: markup cleaning, the slash command, button values, agents, logging. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  decodeButtonValue,
  encodeButtonValue,
  inputOfButton,
  tickedAcknowledgements,
  typedText,
} from '../../../adapters/slack/actions.js';
import { slackUsergroupDirectory } from '../../../adapters/slack/agents.js';
import { commandInput } from '../../../adapters/slack/command.js';
import { InFlight } from '../../../adapters/slack/in-flight.js';
import { boltLogger } from '../../../adapters/slack/logger.js';
import { conversationKeyOf, plainTextOf } from '../../../adapters/slack/place.js';
import { localeOfText } from '../../../adapters/slack/texts.js';

describe('plainTextOf', () => {
  it('turns Slack markup back into what the user typed', () => {
    expect(plainTextOf('<mailto:camera-two@example.com|camera-two@example.com>')).toBe(
      'camera-two@example.com',
    );
    expect(plainTextOf('<@UBOT> カメラを削除したい', 'UBOT')).toBe('カメラを削除したい');
    expect(plainTextOf('<@UBOT> ask <@U2|sato> in <#C1|general>', 'UBOT')).toBe('ask @sato in #general');
    expect(plainTextOf('see <https://example.com/a?b=1&amp;c=2>')).toBe('see https://example.com/a?b=1&c=2');
    expect(plainTextOf('a &lt;b&gt; &amp;amp; c')).toBe('a <b> &amp; c');
    expect(plainTextOf('<tel:0312345678|03-1234-5678>')).toBe('03-1234-5678');
  });
});

describe('conversation keys', () => {
  it('one per direct message and user, one per thread and user', () => {
    expect(conversationKeyOf({ teamId: 'T1', channelId: 'D1', userId: 'U1' })).toBe('slack:T1:D1:U1');
    expect(conversationKeyOf({ teamId: 'T1', channelId: 'C1', threadTs: '17.5', userId: 'U1' })).toBe(
      'slack:T1:C1:17.5:U1',
    );
  });
});

describe('commandInput', () => {
  it('maps the slash command arguments to entry points and text', () => {
    expect(commandInput('')).toEqual({ kind: 'start', dialogId: 'menu' });
    expect(commandInput('  act  portal@example.com ')).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'portal@example.com',
    });
    expect(commandInput('ACT HMMH061530')).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'HMMH061530',
    });
    expect(commandInput('act')).toEqual({ kind: 'start', dialogId: 'agent-session' });
    expect(commandInput('end')).toEqual({ kind: 'start', dialogId: 'agent-end' });
    expect(commandInput('actually I want help')).toEqual({ kind: 'text', text: 'actually I want help' });
  });
});

describe('button values', () => {
  it('round-trip, and anything else is ignored', () => {
    const value = { k: 'c', c: 'DEV-0001', v: 42 } as const;
    expect(decodeButtonValue(encodeButtonValue(value))).toEqual(value);
    expect(decodeButtonValue('{"k":"c","c":"x"}')).toBeUndefined();
    expect(decodeButtonValue('{"k":"z","v":1}')).toBeUndefined();
    expect(decodeButtonValue('not json')).toBeUndefined();
    expect(decodeButtonValue(undefined)).toBeUndefined();
  });

  it('read the ticks and the typed phrase from the message state', () => {
    const values = {
      'helpdesk.acks.0': {
        'helpdesk.ack-input': {
          type: 'checkboxes',
          selected_options: [{ value: 'no-refund' }, { value: 'data-loss' }],
        },
      },
      'helpdesk.acks.1': {
        'helpdesk.ack-input': { type: 'checkboxes', selected_options: [{ value: 'license-forfeit' }] },
      },
      'helpdesk.typed': { 'helpdesk.typed-input': { type: 'plain_text_input', value: '退会します' } },
      other: { x: { type: 'checkboxes', selected_options: [{ value: 'forged' }] } },
    };
    expect(tickedAcknowledgements(values)).toEqual(['no-refund', 'data-loss', 'license-forfeit']);
    expect(typedText(values)).toBe('退会します');
    expect(typedText({ 'helpdesk.typed': { 'helpdesk.typed-input': { value: null } } })).toBe('');
    expect(inputOfButton({ k: 'a', v: 5 }, values)).toEqual({
      kind: 'acknowledge',
      ackIds: ['no-refund', 'data-loss', 'license-forfeit'],
      stateVersion: 5,
    });
    expect(inputOfButton({ k: 't', v: 6 }, values)).toEqual({
      kind: 'typed',
      text: '退会します',
      stateVersion: 6,
    });
    expect(inputOfButton({ k: 'c', c: 'confirm', v: 7 }, values)).toEqual({
      kind: 'choice',
      choiceId: 'confirm',
      stateVersion: 7,
    });
    expect(inputOfButton({ k: 's', d: 'menu' }, values)).toEqual({ kind: 'start', dialogId: 'menu' });
  });
});

describe('slackUsergroupDirectory', () => {
  it('caches the members for the time to live, keeps the last list when Slack fails, and is never other platforms', async () => {
    let now = 0;
    let reads = 0;
    let fail = false;
    const errors: unknown[] = [];
    const directory = slackUsergroupDirectory({
      members: async () => {
        reads += 1;
        if (fail) throw new Error('ratelimited');
        return ['UA'];
      },
      onError: (error) => errors.push(error),
      ttlMs: 1000,
      now: () => now,
    });
    expect(await directory.isAgent({ platform: 'slack', userId: 'UA' })).toBe(true);
    expect(await directory.isAgent({ platform: 'slack', userId: 'UB' })).toBe(false);
    expect(await directory.isAgent({ platform: 'teams', userId: 'UA' })).toBe(false);
    expect(reads).toBe(1);
    now = 1500;
    fail = true;
    expect(await directory.isAgent({ platform: 'slack', userId: 'UA' })).toBe(true);
    expect(reads).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('with no list at all, nobody is an agent from the group', async () => {
    const directory = slackUsergroupDirectory({
      members: async () => {
        throw new Error('missing_scope');
      },
      onError: () => {},
    });
    expect(await directory.isAgent({ platform: 'slack', userId: 'UA' })).toBe(false);
  });
});

describe('localeOfText', () => {
  it('frames a message in the language the engine wrote it in', () => {
    expect(localeOfText('ご確認ください')).toBe('ja');
    expect(localeOfText('削除')).toBe('ja');
    expect(localeOfText('Please confirm: CameraOA')).toBe('en');
  });
});

describe('InFlight', () => {
  it('is idle only once every tracked delivery has settled, failed ones included', async () => {
    const inFlight = new InFlight();
    await inFlight.idle();
    let finish: () => void = () => {};
    let idle = false;
    void inFlight.track(
      new Promise<void>((resolve) => {
        finish = resolve;
      }),
    );
    inFlight.track(Promise.reject(new Error('x'))).catch(() => {});
    const waiting = inFlight.idle().then(() => {
      idle = true;
    });
    await Promise.resolve();
    expect(idle).toBe(false);
    finish();
    await waiting;
    expect(idle).toBe(true);
  });
});

describe('boltLogger', () => {
  it('never writes tokens or e-mail addresses', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = boltLogger('debug', sink);
    logger.warn('token xoxb-1234-abcd and xapp-1-A0-999-ffff for user', 'camera-two@example.com');
    logger.error(new Error('failed with xoxb-9999-zzzz'));
    const output = lines.join('');
    expect(output).toContain('[redacted]');
    expect(output).not.toMatch(/xoxb-|xapp-|camera-two@/);
    expect(lines).toHaveLength(2);
  });
});

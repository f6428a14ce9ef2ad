/**
 * LINE events → what the adapter does, and postback data both ways: ours round-trip; anything else is not an
 * input (ignored), and an event of the wrong shape is ignored without stopping the others.
 */
import { describe, expect, it } from 'vitest';
import { lineActorId, linePlatformUser } from '../../../adapters/line/identity.js';
import { conversationKeyOf, parseEvent, userIdOfKey } from '../../../adapters/line/inbound.js';
import { decodePostback, encodePostback, type Postback } from '../../../adapters/line/postback.js';
import { followEvent, postbackEvent, stickerEvent, textEvent } from '../../support/line-events.js';

const USER = 'U4af4980629c0f8a8f1a2b3c4d5e6f708';

describe('postback data', () => {
  it('round-trips every kind, ids with any characters included', () => {
    const examples: Postback[] = [
      { kind: 'choice', choiceId: 'DEV-0001', stateVersion: 1_764_000_000_123 },
      { kind: 'choice', choiceId: 'a&b=c d/é', stateVersion: 0 },
      { kind: 'ack', ackId: 'no-refund', stateVersion: 42 },
      { kind: 'start', dialogId: 'miemasu-delete-device' },
    ];
    for (const postback of examples) expect(decodePostback(encodePostback(postback))).toEqual(postback);
  });

  it('refuses what we never encode', () => {
    for (const data of [
      '',
      'confirm',
      'hb=c&id=confirm',
      'hb=c&v=-1&id=confirm',
      'hb=c&v=1.5&id=confirm',
      'hb=c&v=1e3&id=confirm',
      'hb=c&v=1&id=',
      'hb=c&v=1&id=confirm&extra=1',
      'hb=c&hb=c&v=1&id=confirm',
      'hb=s&v=1&id=menu',
      'hb=x&v=1&id=confirm',
      `hb=c&v=1&id=${'x'.repeat(300)}`,
    ])
      expect(decodePostback(data), data).toBeUndefined();
  });
});

describe('events', () => {
  it('text, postbacks, stickers and follows of a one-to-one chat', () => {
    expect(
      parseEvent(textEvent({ userId: USER, text: ' カメラを削除したい ', webhookEventId: 'E1' })),
    ).toMatchObject({
      kind: 'turn',
      userId: USER,
      baseKey: `line:${USER}`,
      deliveryId: 'line:event:E1',
      input: { kind: 'text', text: 'カメラを削除したい' },
    });
    expect(parseEvent(textEvent({ userId: USER, text: 'act portal@example.com' }))).toMatchObject({
      input: { kind: 'start', dialogId: 'agent-session', text: 'portal@example.com' },
    });
    const data = encodePostback({ kind: 'ack', ackId: 'data-loss', stateVersion: 9 });
    expect(parseEvent(postbackEvent({ userId: USER, data }))).toMatchObject({
      kind: 'ack',
      ackId: 'data-loss',
      stateVersion: 9,
    });
    expect(parseEvent(stickerEvent({ userId: USER }))).toMatchObject({ kind: 'text-only' });
    expect(parseEvent(followEvent({ userId: USER }))).toMatchObject({ kind: 'welcome' });
  });

  it('ignores groups, standby, foreign postbacks, empty text and malformed events', () => {
    const ignored = [
      textEvent({ userId: USER, text: 'ヘルプ', sourceType: 'group' }),
      textEvent({ userId: USER, text: 'ヘルプ', sourceType: 'room' }),
      textEvent({ userId: USER, text: 'ヘルプ', mode: 'standby' }),
      textEvent({ userId: USER, text: '   ' }),
      postbackEvent({ userId: USER, data: 'action=buy&itemid=111' }),
      { ...textEvent({ userId: USER, text: 'x' }), webhookEventId: 5 },
      { ...textEvent({ userId: USER, text: 'x' }), source: 'user' },
      { ...textEvent({ userId: USER, text: 'x' }), message: { type: 'text', text: 42 } },
      { ...textEvent({ userId: USER, text: 'x' }), type: 'unsend' },
      null,
      'event',
      [],
    ];
    for (const event of ignored) expect(parseEvent(event).kind, JSON.stringify(event)).toBe('ignore');
  });

  it('keys: the LINE user id in the conversation key only; the pipeline sees a digest', () => {
    expect(userIdOfKey(conversationKeyOf(USER))).toBe(USER);
    expect(userIdOfKey(`slack:${USER}`)).toBeUndefined();
    expect(userIdOfKey(`line:${USER}|for:CUS-1`)).toBeUndefined();
    const user = linePlatformUser(USER);
    expect(user.platform).toBe('line');
    expect(user.userId).not.toContain(USER);
    expect(`${user.platform}:${user.userId}`).toBe(lineActorId(USER));
    expect(lineActorId(USER)).toBe(lineActorId(USER));
    expect(lineActorId(USER)).not.toBe(lineActorId(`${USER.slice(0, -1)}9`));
  });
});

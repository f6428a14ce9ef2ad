/**
 * Property 3: hostile and awkward Japanese / Unicode text (support/hostile-text.ts: width mixes, half-width kana,
 * emoji and ZWJ sequences, combining marks, 10k-character lines, right-to-left text and overrides, NUL and
 * control characters, lone surrogates) typed at every kind of step of the real procedures — idle, the menu, the
 * e-mail and code questions, a choice list, each phase of a confirmation (acknowledgements, final question, typed
 * phrase) — as text, as a typed confirmation, or as the text of an entry point.
 *
 * Each run clones a prepared conversation (the store record) under a new key, so every input meets exactly that
 * step. Always: no throw, no fault of ours, well-formed polite Japanese replies, nothing destructive or written in
 * the backend (except a yes — padded, full-width — at a final question, which is a yes). Unreadable text (control / invisible characters, blank, over 1000 characters) is refused before
 * anything else: no backend call at all and the conversation stays where it was; at a confirmation step, any text
 * that is not a yes/no, a number list or a command leaves the conversation where it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/engine/state.js';
import { detectCommand } from '../../src/engine/text/commands.js';
import { parseNumberList, parseOptionNumber, parseYesNo } from '../../src/engine/text/normalize.js';
import type { TurnInput } from '../../src/engine/turn.js';
import { asksForPassword, isPoliteJapanese, replyProblems } from './support/checks.js';
import { createFuzzBot, drive, type FuzzBot } from './support/fuzz-bot.js';
import { HOSTILE_EXAMPLES, hostileText, isUnreadable } from './support/hostile-text.js';
import { runProperty, scaled } from './support/run-property.js';

/** Steps a conversation is prepared at; `confirm` steps must not move on garbage. */
const POSITIONS = {
  idle: { confirm: false },
  menu: { confirm: false },
  'e-mail question': { confirm: false },
  'code question': { confirm: false },
  'device list': { confirm: false },
  'contract list': { confirm: false },
  'device acknowledgements': { confirm: true },
  'device final question': { confirm: true },
  'withdrawal typed phrase': { confirm: true },
} as const;
type Position = keyof typeof POSITIONS;
const POSITION_NAMES = Object.keys(POSITIONS) as Position[];

type Mode = 'text' | 'typed' | 'start';

/** Where a conversation is: each frame's dialog, node, phase and slots, and its credentials. */
function positionOf(state: ConversationState | undefined) {
  return {
    stack: (state?.stack ?? []).map((f) => ({
      dialogId: f.dialogId,
      nodeId: f.nodeId,
      phase: f.phase,
      slots: f.slots,
      confirmations: Object.keys(f.confirmations),
    })),
    credentials: state?.credentials ?? {},
    pending: state?.pending,
  };
}

/** Text the engine may legitimately act on at a confirmation step. */
function meaningful(text: string): boolean {
  return (
    parseYesNo(text) !== undefined ||
    parseNumberList(text).length > 0 ||
    parseOptionNumber(text) !== undefined ||
    detectCommand(text) !== undefined
  );
}

describe('hostile Japanese and Unicode text at every kind of step', () => {
  let bot: FuzzBot;
  const prepared = new Map<Position, ConversationState | undefined>();
  const stats = { unreadable: 0, confirmSteps: 0, byMode: { text: 0, typed: 0, start: 0 } };
  let clone = 0;

  beforeAll(async () => {
    bot = await createFuzzBot();
    const keep = async (position: Position, key: string) => {
      prepared.set(position, (await bot.store.get(key))?.value);
    };
    prepared.set('idle', undefined);
    const menu = drive(bot, 'prep:menu');
    await menu.say('こんにちは');
    await keep('menu', 'prep:menu');
    const camera = drive(bot, 'prep:camera');
    await camera.say('カメラを削除したい');
    await keep('e-mail question', 'prep:camera');
    await camera.say('camera-two@example.com');
    await keep('code question', 'prep:camera');
    const code = bot.outbox.at(-1)?.code ?? '';
    await camera.say(code);
    await keep('device list', 'prep:camera');
    await camera.click('DEV-0001');
    await camera.click('delete');
    await keep('device acknowledgements', 'prep:camera');
    await camera.tick();
    await keep('device final question', 'prep:camera');
    const withdraw = drive(bot, 'prep:withdraw');
    await withdraw.say('みえますねっとを退会したい');
    await withdraw.verify('camera-empty@example.com');
    await withdraw.tick();
    await withdraw.click('confirm');
    expect(withdraw.last.some((r) => r.typedConfirmation === '退会します')).toBe(true);
    await keep('withdrawal typed phrase', 'prep:withdraw');
    const portal = drive(bot, 'prep:portal');
    await portal.say('ポータルの契約を解約したい');
    await portal.verify('portal@example.com');
    expect(portal.last.flatMap((r) => r.choices ?? []).map((c) => c.id)).toContain('HMMH061530');
    await keep('contract list', 'prep:portal');
    expect(bot.errors).toEqual([]);
  });
  afterAll(() => bot.close());

  async function tryAt(position: Position, text: string, mode: Mode): Promise<void> {
    clone += 1;
    const key = `hostile:${clone}`;
    const state = prepared.get(position);
    if (state) {
      const written = await bot.store.compareAndSet(key, 0, structuredClone(state));
      if (!written.ok) throw new Error(`could not clone ${position}`);
    }
    const before = positionOf((await bot.store.get(key))?.value);
    const callsBefore = bot.calls.length;
    const input: TurnInput =
      mode === 'text'
        ? { kind: 'text', text }
        : mode === 'typed'
          ? { kind: 'typed', text, stateVersion: state?.step ?? 0 }
          : { kind: 'start', dialogId: 'csps-cancel', text };
    const replies = await bot.handle({
      conversationKey: key,
      channel: 'fuzz',
      actor: { kind: 'customer', id: 'fuzz:user' },
      input,
    });
    const after = (await bot.store.get(key))?.value;
    const calls = bot.calls.slice(callsBefore);
    const where = `${position} / ${mode} / ${JSON.stringify(text.slice(0, 80))}`;
    stats.byMode[mode] += 1;

    expect(bot.errors, where).toEqual([]);
    expect(replies.length, where).toBeGreaterThan(0);
    expect(replyProblems(replies), where).toEqual([]);
    expect(replies.filter(asksForPassword), where).toEqual([]);
    if (after?.locale !== 'en') expect(isPoliteJapanese(replies), `${where}: ${replies[0]?.text}`).toBe(true);
    // A padded or full-width "yes" at a final question is a yes: the only text allowed to write.
    const mayConfirm = POSITIONS[position].confirm && meaningful(text) && mode !== 'start';
    if (!mayConfirm)
      expect(
        calls.filter((c) => c.destructive || c.mutates).map((c) => c.operation),
        `backend writes at ${where}`,
      ).toEqual([]);
    if (mode === 'start') return; // an entry point starts a new procedure by design
    if (isUnreadable(text)) {
      stats.unreadable += 1;
      expect(calls, `calls on unreadable text at ${where}`).toEqual([]);
      expect(positionOf(after), `moved on unreadable text at ${where}`).toEqual(before);
    } else if (POSITIONS[position].confirm && !meaningful(text)) {
      stats.confirmSteps += 1;
      expect(positionOf(after), `moved at a confirmation on ${where}`).toEqual(before);
    }
  }

  it('answers every named example politely at every step, changing nothing', async () => {
    for (const position of POSITION_NAMES)
      for (const text of Object.values(HOSTILE_EXAMPLES)) await tryAt(position, text, 'text');
    // The typed-confirmation box and an entry point's text take the same examples.
    for (const text of Object.values(HOSTILE_EXAMPLES)) {
      await tryAt('withdrawal typed phrase', text, 'typed');
      await tryAt('idle', text, 'start');
    }
    console.log(
      `[fuzz] hostile examples: ${Object.keys(HOSTILE_EXAMPLES).length} texts × ${POSITION_NAMES.length} steps ` +
        `+ typed + entry point = ${clone} turns`,
    );
  }, 60_000);

  it('understands width variants as the same words (ＣａｍｅｒａＯＡ, ＨＭＭＨ－０６１５３０, ｶﾒﾗを削除したい)', async () => {
    const device = drive(bot, 'width:device');
    const state = prepared.get('device list');
    if (!state) throw new Error('device list not prepared');
    await bot.store.compareAndSet('width:device', 0, structuredClone(state));
    await device.say('ＣａｍｅｒａＯＡ');
    expect(device.last.map((r) => r.text).join('\n')).toContain('CameraOA');
    expect(device.last.flatMap((r) => r.choices ?? []).map((c) => c.id)).toContain('delete');

    const contract = drive(bot, 'width:contract');
    const portal = prepared.get('contract list');
    if (!portal) throw new Error('contract list not prepared');
    await bot.store.compareAndSet('width:contract', 0, structuredClone(portal));
    await contract.say('ＨＭＭＨ－０６１５３０');
    expect(contract.last.map((r) => r.text).join('\n')).toContain('解約の理由');

    const kana = drive(bot, 'width:kana');
    await kana.say('ｶﾒﾗを削除したい');
    expect(kana.last.map((r) => r.text).join('\n')).toContain('メールアドレス');
    expect(bot.errors).toEqual([]);
  });

  it('never passes a lone surrogate (ill-formed UTF-16) on to the backend, even in a free-text reason', async () => {
    const portal = drive(bot, 'surrogate:reason');
    const state = prepared.get('contract list');
    if (!state) throw new Error('contract list not prepared');
    await bot.store.compareAndSet('surrogate:reason', 0, structuredClone(state));
    await portal.say('HMAO061322');
    await portal.click('other');
    const callsBefore = bot.calls.length;
    await portal.say('理由\uD800です');
    expect(bot.calls.slice(callsBefore)).toEqual([]);
    expect(portal.last.map((r) => r.text).join('\n')).toContain('読み取れない文字が含まれています');
    await portal.say('理由です😀');
    expect(bot.calls.slice(callsBefore)).toEqual([]); // the terms are disclosed first (invariant 10)
    expect(portal.last.map((r) => r.text).join('\n')).toContain('内容をご確認ください');
    await portal.say('1'); // the terms are shown, not ticked: the first choice creates the draft
    expect(bot.calls.slice(callsBefore).map((c) => [c.operation, c.args.reason])).toEqual([
      ['createCancellationApplication', '理由です😀'],
    ]);
  });

  it('holds for generated text at random steps', async () => {
    await runProperty(
      'hostile text at every step',
      fc.asyncProperty(
        fc.constantFrom(...POSITION_NAMES),
        hostileText,
        fc.constantFrom<Mode>('text', 'text', 'text', 'typed', 'start'),
        (position, text, mode) => tryAt(position, text, mode),
      ),
      scaled({ numRuns: 4000, timeLimitMs: 15_000 }),
      () => ({ unreadable: stats.unreadable, confirmStepsHeld: stats.confirmSteps, ...stats.byMode }),
    );
  }, 60_000);
});

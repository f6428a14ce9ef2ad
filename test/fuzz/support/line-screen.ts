/**
 * The question-on-screen model for LINE, through the real adapter (support/line-fuzz.ts). The model is what the
 * LINE user sees — the messages the fake Messaging API delivered in answer to their last event, parsed back from
 * the Flex JSON (test/adapters/line/seen.ts) — and what they do is what the LINE app sends: signed webhooks with a
 * text message or a postback carrying a button's data (`hb=c&v=<version>&id=…`, `hb=a&v=…&id=…`, `hb=s&id=…`).
 * An input answers the confirmation on screen only when it is the confirm button OF the question last shown (its
 * data, so its version), a yes word while that question is the confirmation, or the typed phrase it shows;
 * consequences count as acknowledged when their own button was pressed on the card on screen (LINE acknowledges
 * one by one) or their numbers typed. The adapter's translation (versions, one-by-one acknowledgements,
 * de-duplication) is thus part of what is checked, not assumed.
 *
 * Commands mirror the engine-level ones (progress, unclear text, help, 戻る, やめる, person, language, yes/no
 * words, typed numbers, entry points as `hb=s` postbacks) plus what LINE adds: stale buttons (LINE cannot edit or
 * remove a sent message, so every old button stays pressable), the button progress would press but on an older
 * card of the same question (often right after unclear text or help re-sent it), the same button tapped again (a
 * new event), a double tap (two webhooks in flight at once), and a redelivered webhook (same `webhookEventId`,
 * `isRedelivery: true`: nothing may run or be shown again). Every fourth event carries no reply token, so answers
 * also go by push; every request to the fake Messaging API must be accepted and no fault of ours reported.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { decodePostback, encodePostback, type Postback } from '../../../adapters/line/postback.js';
import { normalizeText, parseYesNo } from '../../../src/engine/text/normalize.js';
import type { LineSeen, SeenButton } from '../../adapters/line/seen.js';
import { postbackEvent, textEvent, webhookBody } from '../../support/line-events.js';
import type { LineFuzz } from './line-fuzz.js';
import { checkDestructiveCalls, isDestructive, typedTicks, WORDS } from './on-screen.js';

export type LineAction = { kind: 'text'; text: string } | { kind: 'postback'; data: string };

export interface LineModel {
  userId: string;
  key: string;
  /** The messages shown in answer to the last event that showed any. */
  screen: LineSeen[];
  /** The interactive message among them (the question on screen), if any. */
  question: LineSeen | undefined;
  /** Every message shown before the current screen (their buttons stay pressable on LINE). */
  history: LineSeen[];
  /** The full item list of each acknowledgement question, by state version (a re-sent card marks some ✓). */
  ackLists: Map<number, string[]>;
  acknowledged: Set<string>;
  /** The last webhook event sent (for a redelivery) and the last button pressed (for a second tap). */
  lastEvent?: Record<string, unknown> | undefined;
  lastPress?: string | undefined;
  events: number;
}

export const lineStats = {
  runs: 0,
  events: 0,
  pushes: 0,
  destructive: 0,
  compensations: 0,
  stale: 0,
  olderCards: 0,
  tappedAgain: 0,
  doubleTaps: 0,
  redeliveries: 0,
};

export function newLineModel(userId: string): LineModel {
  return {
    userId,
    key: `line:${userId}`,
    screen: [],
    question: undefined,
    history: [],
    ackLists: new Map(),
    acknowledged: new Set(),
    events: 0,
  };
}

const allButtons = (m: LineSeen) => [...m.buttons, ...m.quickReplies];
const isLineQuestion = (m: LineSeen) =>
  m.choices.length > 0 || m.acks.length > 0 || m.typedConfirmation !== undefined;
const isChoice = (b: SeenButton, id?: string) =>
  b.postback.kind === 'choice' && (id === undefined || b.postback.choiceId === id);

/** The state version a question's buttons carry (all carry the same). */
function versionOf(q: LineSeen): number | undefined {
  const p = allButtons(q).find((b) => b.postback.kind !== 'start')?.postback;
  return p && p.kind !== 'start' ? p.stateVersion : undefined;
}

const idOf = (p: Postback) => (p.kind === 'choice' ? p.choiceId : p.kind === 'ack' ? p.ackId : p.dialogId);

const sameVersion = (p: Postback | undefined, q: LineSeen) =>
  p !== undefined && p.kind !== 'start' && p.stateVersion === versionOf(q);

/** What the user's LINE input answers on this screen, as a person reading it would take it. */
export function answersOnLine(action: LineAction, q: LineSeen | undefined): boolean {
  if (!q) return false;
  if (q.typedConfirmation !== undefined)
    return action.kind === 'text' && normalizeText(action.text) === normalizeText(q.typedConfirmation);
  if (!allButtons(q).some((b) => isChoice(b, 'confirm'))) return false;
  if (action.kind === 'text') return parseYesNo(action.text) === true;
  const p = decodePostback(action.data);
  return p?.kind === 'choice' && p.choiceId === 'confirm' && sameVersion(p, q);
}

function ticksOnLine(action: LineAction, q: LineSeen | undefined, m: LineModel): string[] {
  if (!q || q.acks.length === 0) return [];
  if (action.kind === 'text') return typedTicks(action.text, m.ackLists.get(versionOf(q) ?? -1) ?? []);
  const p = decodePostback(action.data);
  return p?.kind === 'ack' && sameVersion(p, q) && q.acks.some((a) => a.id === p.ackId) ? [p.ackId] : [];
}

function eventOf(m: LineModel, rig: LineFuzz, action: LineAction): Record<string, unknown> {
  m.events += 1;
  lineStats.events += 1;
  const push = m.events % 4 === 0;
  if (push) lineStats.pushes += 1;
  const base = { userId: m.userId, ...(push ? {} : { replyToken: rig.fake.issueReplyToken(m.userId) }) };
  return action.kind === 'text'
    ? textEvent({ ...base, text: action.text })
    : postbackEvent({ ...base, data: action.data });
}

/** Every request the adapter made since `before` was accepted by LINE, and nothing of ours failed. */
function deliveredCleanly(rig: LineFuzz, requestsBefore: number): void {
  const refused = rig.fake.requests.slice(requestsBefore).filter((r) => r.status !== 200);
  expect(refused, 'a request LINE refused').toEqual([]);
  expect(rig.fake.unknown).toEqual([]);
  expect(rig.bot.errors).toEqual([]);
}

/**
 * Sends `action` as `copies` webhooks in flight at once (2 = a double tap: two events, two ids), all against the
 * same screen, then checks every destructive call they caused and updates the screen.
 */
async function deliver(m: LineModel, rig: LineFuzz, action: LineAction, copies = 1): Promise<void> {
  const { bot, fake } = rig;
  const callsBefore = bot.calls.length;
  const eventsBefore = bot.events.length;
  const requestsBefore = fake.requests.length;
  const shownBefore = fake.messagesOf(m.userId).length;
  const q = m.question;
  const events = Array.from({ length: copies }, () => eventOf(m, rig, action));
  const statuses = await Promise.all(events.map((e) => rig.post(webhookBody([e]))));
  expect(statuses).toEqual(events.map(() => 200));
  m.lastEvent = events.at(-1);
  if (action.kind === 'postback') m.lastPress = action.data;
  deliveredCleanly(rig, requestsBefore);
  checkDestructiveCalls({
    bot,
    conversationKey: m.key,
    callsBefore,
    eventsBefore,
    answered: answersOnLine(action, q),
    acknowledged: m.acknowledged,
    describe: (operation) =>
      `${operation} after LINE ${JSON.stringify(action)}${copies > 1 ? ` ×${copies}` : ''} on screen ${JSON.stringify(
        q ? { buttons: allButtons(q).map((b) => b.data), typed: q.typedConfirmation } : null,
      )}`,
    stats: lineStats,
  });
  if (copies > 1) {
    // Two taps of one button: at most one call per operation and item (exactly once, invariant 2).
    const made = bot.calls
      .slice(callsBefore)
      .filter((c) => isDestructive(c.operation))
      .map((c) => JSON.stringify([c.operation, c.args]));
    expect(made, 'a double tap made the same destructive call twice').toEqual([...new Set(made)]);
  }
  for (const tick of ticksOnLine(action, q, m)) m.acknowledged.add(tick);
  show(m, rig.seen(m.userId).slice(shownBefore));
}

function show(m: LineModel, shown: LineSeen[]): void {
  if (shown.length === 0) return;
  m.history.push(...m.screen);
  m.screen = shown;
  const question = shown.findLast(isLineQuestion);
  m.question = question;
  const version = question ? versionOf(question) : undefined;
  if (question && version !== undefined && question.acks.length > 0 && !m.ackLists.has(version))
    m.ackLists.set(
      version,
      question.acks.map((a) => a.id),
    );
  // A new procedure (or a stop) starts its acknowledgements afresh.
  const asks =
    question !== undefined &&
    (question.acks.length > 0 ||
      question.typedConfirmation !== undefined ||
      allButtons(question).some((b) => isChoice(b, 'confirm')));
  if (!asks && shown.some((s) => /中止しました|Stopped/.test(s.text))) m.acknowledged.clear();
}

type Make = (m: LineModel, rig: LineFuzz) => LineAction[];

class LineSend implements fc.AsyncCommand<LineModel, LineFuzz> {
  constructor(
    readonly label: string,
    readonly make: Make,
    readonly copies = 1,
  ) {}
  check = () => true;
  async run(m: LineModel, rig: LineFuzz): Promise<void> {
    for (const action of this.make(m, rig)) await deliver(m, rig, action, this.copies);
  }
  toString = () => this.label;
}

/** LINE redelivers an event it could not confirm: same `webhookEventId`, marked; nothing may run or show twice. */
class Redeliver implements fc.AsyncCommand<LineModel, LineFuzz> {
  check = () => true;
  async run(m: LineModel, rig: LineFuzz): Promise<void> {
    if (!m.lastEvent) return;
    lineStats.redeliveries += 1;
    const { bot, fake } = rig;
    const before = { calls: bot.calls.length, turns: bot.turns.length, sent: fake.sent.length };
    const requestsBefore = fake.requests.length;
    const again = { ...m.lastEvent, deliveryContext: { isRedelivery: true } };
    expect(await rig.post(webhookBody([again]))).toBe(200);
    deliveredCleanly(rig, requestsBefore);
    expect(
      { calls: bot.calls.length, turns: bot.turns.length, sent: fake.sent.length },
      'a redelivered webhook ran or showed again',
    ).toEqual(before);
  }
  toString = () => 'redeliver the last webhook';
}

const say = (text: string): LineAction => ({ kind: 'text', text });
const press = (b: SeenButton): LineAction => ({ kind: 'postback', data: b.data });
const text = (t: string) => new LineSend(`say ${t}`, () => [say(t)]);

function progress(pick: number): LineSend {
  return new LineSend(`progress ${pick}`, (m, rig) => {
    const q = m.question;
    const last = m.screen.at(-1)?.text ?? '';
    if (q?.typedConfirmation !== undefined) return [say(q.typedConfirmation)];
    const buttons = q ? allButtons(q) : [];
    // LINE has no checkboxes: every item's own button, one event each.
    const acks = q?.buttons.filter((b) => b.postback.kind === 'ack') ?? [];
    if (acks.length > 0) return acks.map(press);
    const confirm = buttons.find((b) => isChoice(b, 'confirm'));
    if (confirm) return [press(confirm)];
    if (/確認コード|code/.test(last)) {
      const code = rig.bot.outbox.at(-1)?.code;
      if (code) return [say(code)];
    }
    if (/メールアドレス|e-mail/i.test(last)) return [say(WORDS.emails[pick % WORDS.emails.length] ?? '')];
    const choices = q?.buttons.filter((b) => isChoice(b)) ?? [];
    const choice = choices[pick % Math.max(1, choices.length)];
    if (choice) return [press(choice)];
    return [say(WORDS.starts[pick % WORDS.starts.length] ?? '')];
  });
}

/**
 * A button of a message shown before the current screen: of any of them, or of the previous question (on LINE the
 * card just above the newest one, the likeliest to be pressed late).
 */
function stale(n: number, from: 'any' | 'previous'): LineSend {
  return new LineSend(`stale button ${n} (${from})`, (m) => {
    const old =
      from === 'any'
        ? m.history.flatMap((s) => s.buttons)
        : (m.history.findLast((s) => s.buttons.some((b) => b.postback.kind !== 'start'))?.buttons ?? []);
    const hit = old[n % Math.max(1, old.length)];
    if (!hit) return [];
    lineStats.stale += 1;
    return [press(hit)];
  });
}

/**
 * What progress would press, but on an older card than the one on screen: the LINE user who got the question
 * again as a new card (after unclear text, help, a stale press…) scrolls up and presses the same button on the
 * first one (same choice or item, older version). Nothing when there is no such card.
 */
function onOlderCard(pick: number): LineSend {
  return new LineSend(`progress ${pick} on an older card`, (m, rig) =>
    progress(pick)
      .make(m, rig)
      .flatMap((action) => {
        if (action.kind !== 'postback') return [];
        const meant = decodePostback(action.data);
        if (!meant || meant.kind === 'start') return [];
        const same = (b: SeenButton) =>
          b.data !== action.data && b.postback.kind === meant.kind && idOf(b.postback) === idOf(meant);
        const hit = m.history.findLast((s) => s.buttons.some(same))?.buttons.find(same);
        if (!hit) return [];
        lineStats.olderCards += 1;
        return [press(hit)];
      }),
  );
}

class LineBurst implements fc.AsyncCommand<LineModel, LineFuzz> {
  constructor(readonly parts: LineSend[]) {}
  check = () => true;
  async run(m: LineModel, rig: LineFuzz): Promise<void> {
    for (const part of this.parts) await part.run(m, rig);
  }
  toString = () => `burst(${this.parts.map(String).join(', ')})`;
}

export const lineCommands = fc.oneof(
  { weight: 30, arbitrary: fc.nat(50).map(progress) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS.unclear).map(text) },
  {
    weight: 2,
    arbitrary: fc.constant(new LineSend('three unclear answers', () => WORDS.threeUnclear.map(say))),
  },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS.yesNo).map(text) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS.numbers).map(text) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS.ways).map(text) },
  { weight: 1, arbitrary: fc.nat(40).map((n) => stale(n, 'any')) },
  { weight: 2, arbitrary: fc.nat(40).map((n) => stale(n, 'previous')) },
  { weight: 6, arbitrary: fc.nat(50).map(onOlderCard) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...WORDS.unclear, 'ヘルプ'), fc.nat(50))
      .map(([t, pick]) => new LineBurst([text(t), onOlderCard(pick)])),
  },
  {
    weight: 1,
    arbitrary: fc.constant(
      new LineSend('tap the last button again', (m) => {
        if (m.lastPress === undefined) return [];
        lineStats.tappedAgain += 1;
        return [{ kind: 'postback', data: m.lastPress }];
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.nat(10).map(
      (n) =>
        new LineSend(
          `double tap ${n}`,
          (m) => {
            const buttons = m.question?.buttons ?? [];
            const hit = buttons[n % Math.max(1, buttons.length)];
            if (!hit) return [];
            lineStats.doubleTaps += 1;
            return [press(hit)];
          },
          2,
        ),
    ),
  },
  { weight: 1, arbitrary: fc.constant(new Redeliver()) },
  {
    weight: 1,
    arbitrary: fc.nat(20).map(
      (n) =>
        new LineSend(`entry point ${n}`, (_m, rig) => {
          const ids = [...rig.bot.engine.definition.entryPoints];
          return [
            {
              kind: 'postback',
              data: encodePostback({ kind: 'start', dialogId: ids[n % ids.length] ?? 'menu' }),
            },
          ];
        }),
    ),
  },
);

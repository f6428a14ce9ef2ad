/**
 * The question-on-screen model for a channel driven through its real adapter (web chat, Slack, Teams: see
 * web-rig.ts, slack-rig.ts, teams-rig.ts). The model is what the channel actually delivered to the user — the web
 * API's reply entries, the fake Slack Web API's posted blocks, the fake Bot Connector's Adaptive Cards — parsed by
 * the rig into {@link Shown} messages, and what the user does is what that platform's client sends: a typed
 * message, or a press of a button as it was rendered (its version, the ticks and the typed text of its message).
 * An input answers the confirmation on screen only when it is the confirm button OF the question last shown (its
 * version), a yes word while that question is the confirmation, or the phrase it shows (typed into its box, at its
 * version, or as a message); consequences count as acknowledged when ticked and submitted on the card on screen or
 * their numbers typed. The adapter's translation (versions, ticks, de-duplication) is thus checked, not assumed.
 *
 * Commands mirror the LINE ones (line-screen.ts): progress, unclear text, help, 戻る, やめる, person, language,
 * yes/no words, typed numbers, entry points — plus stale buttons of any older message as first posted (a client
 * that has not yet received the update that closed it), the button progress would press but on an older card of
 * the same question, the same button pressed again (a new delivery), a double press (two deliveries with two ids
 * in flight at once), some acknowledgements ticked but not all, a wrong phrase in the typed box, and a redelivery
 * (same delivery id: nothing may run or be shown again). Every input is checked by on-screen.ts.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { normalizeText, parseOptionNumber, parseYesNo } from '../../../src/engine/text/normalize.js';
import type { FuzzBot } from './fuzz-bot.js';
import { checkDestructiveCalls, isDestructive, typedTicks, WORDS } from './on-screen.js';

/** A button as rendered: what it means to the engine and the state version it carries. */
export interface Button {
  kind: 'choice' | 'ack' | 'typed' | 'start';
  /** The choice id, or the dialog id of an entry point ('' for the submit buttons). */
  id: string;
  version: number | undefined;
  /** The button's caption (where a rig needs it). */
  label?: string;
  /** The rig's own handle on the rendered element (the Slack button JSON, the Teams card action…). */
  ref?: unknown;
}

/** One message as the channel delivered it (as first posted: buttons included). */
export interface Shown {
  /** The platform's id of the message (web entry number, Slack ts, Teams activity id). */
  id: string;
  text: string;
  buttons: Button[];
  /** The acknowledgement ids listed with checkboxes, in order. */
  acks: string[];
  typedConfirmation: string | undefined;
}

export type Act =
  | { kind: 'text'; text: string }
  | { kind: 'press'; on: Shown; button: Button; ticks: readonly string[]; typed?: string }
  | { kind: 'start'; dialogId: string }
  /** The web page's language switch. */
  | { kind: 'locale'; locale: 'ja' | 'en' };

/** What a channel's client can do besides typing and pressing what is shown. */
export interface Abilities {
  /** The web page's language switch. */
  languageSwitch: boolean;
  /** Entry points of any registered dialog (a platform payload: Home tab, welcome card, page link). */
  entryPoints: boolean;
  /** Two deliveries of one press in flight at once, and a redelivery with the same id. */
  deliveries: boolean;
}

/** A channel under test, through its real adapter, for one user. */
export interface ScreenRig {
  channel: 'web' | 'slack' | 'teams' | 'cli';
  abilities: Abilities;
  bot: FuzzBot;
  /** The engine conversation this user's inputs go to. */
  conversationKey: string;
  /**
   * What the client actually sends for `act` on this screen, when it has no buttons (the terminal: a press is
   * typing the number or the words shown next to it). Default: `act` itself.
   */
  translate?(act: Act, screen: readonly Shown[]): Act;
  /**
   * Whether a typed number chooses the numbered choice of the last message shown (the terminal's own
   * translation, adapters/cli/translate.ts); elsewhere a number is text the engine reads.
   */
  numbersChoose?: boolean;
  /**
   * Sends `act` as the client would, `copies` deliveries in flight at once (distinct delivery ids: a double
   * press), and resolves once handled with the messages newly shown, in order; `undefined` when the client would
   * refuse to send it (e.g. Teams with a required checkbox left unticked).
   */
  deliver(act: Act, copies: number): Promise<Shown[] | undefined>;
  /** Sends the last request again with the same delivery id; resolves with the messages it newly showed. */
  redeliver(): Promise<Shown[] | undefined>;
  /** Every request to the platform's fake API was accepted, and no fault of ours was reported. */
  assertClean(): void;
  close(): Promise<void>;
}

export interface ScreenModel {
  screen: Shown[];
  question: Shown | undefined;
  /** Every message shown before the current screen (as first posted). */
  history: Shown[];
  /** The full acknowledgement list of each question, by state version. */
  ackLists: Map<number, string[]>;
  acknowledged: Set<string>;
  lastPress?: Act | undefined;
  delivered: boolean;
}

export type ScreenStats = ReturnType<typeof newScreenStats>;

export function newScreenStats() {
  return {
    runs: 0,
    inputs: 0,
    destructive: 0,
    compensations: 0,
    stale: 0,
    olderCards: 0,
    pressedAgain: 0,
    doublePresses: 0,
    partialTicks: 0,
    wrongPhrases: 0,
    redeliveries: 0,
    refusedByClient: 0,
  };
}

export function newScreenModel(): ScreenModel {
  return {
    screen: [],
    question: undefined,
    history: [],
    ackLists: new Map(),
    acknowledged: new Set(),
    delivered: false,
  };
}

const isQuestion = (m: Shown) =>
  m.buttons.some((b) => b.kind !== 'start') || m.acks.length > 0 || m.typedConfirmation !== undefined;
const isConfirm = (b: Button) => b.kind === 'choice' && b.id === 'confirm';

/** The state version a message's buttons carry. */
export function versionOf(m: Shown): number | undefined {
  return m.buttons.find((b) => b.kind !== 'start')?.version;
}

/**
 * What the user's input answers on this screen, as a person reading it would take it. `numbered`: the last message
 * shown when typed numbers choose its numbered choices (the terminal), else undefined.
 */
export function answersOnScreen(act: Act, q: Shown | undefined, numbered?: Shown): boolean {
  if (!q) return false;
  if (q.typedConfirmation !== undefined) {
    const phrase = normalizeText(q.typedConfirmation);
    if (act.kind === 'text') return normalizeText(act.text) === phrase;
    return (
      act.kind === 'press' &&
      act.button.kind === 'typed' &&
      act.button.version === versionOf(q) &&
      normalizeText(act.typed ?? '') === phrase
    );
  }
  if (!q.buttons.some(isConfirm)) return false;
  if (act.kind === 'text') {
    const number = parseOptionNumber(act.text);
    if (numbered !== undefined && number !== undefined && numbered.acks.length === 0) {
      const chosen = numbered.buttons.filter((b) => b.kind === 'choice')[number - 1];
      if (chosen) return numbered === q && isConfirm(chosen);
    }
    return parseYesNo(act.text) === true;
  }
  return act.kind === 'press' && isConfirm(act.button) && act.button.version === versionOf(q);
}

function ticksOn(act: Act, q: Shown | undefined, m: ScreenModel): string[] {
  if (!q || q.acks.length === 0) return [];
  if (act.kind === 'text') return typedTicks(act.text, m.ackLists.get(versionOf(q) ?? -1) ?? q.acks);
  if (act.kind === 'press' && act.button.kind === 'ack' && act.button.version === versionOf(q))
    return act.ticks.filter((id) => q.acks.includes(id));
  return [];
}

const plainButton = ({ kind, id, version }: Button) => ({ kind, id, version });

function describeAct(act: Act): string {
  if (act.kind !== 'press') return JSON.stringify(act);
  return JSON.stringify({
    press: plainButton(act.button),
    on: act.on.id,
    ticks: act.ticks,
    typed: act.typed,
  });
}

function show(m: ScreenModel, shown: Shown[]): void {
  if (shown.length === 0) return;
  m.history.push(...m.screen);
  m.screen = shown;
  const question = shown.findLast(isQuestion);
  m.question = question;
  const version = question ? versionOf(question) : undefined;
  if (question && version !== undefined && question.acks.length > 0 && !m.ackLists.has(version))
    m.ackLists.set(version, [...question.acks]);
  // A new procedure (or a stop) starts its acknowledgements afresh.
  const asks =
    question !== undefined &&
    (question.acks.length > 0 ||
      question.typedConfirmation !== undefined ||
      question.buttons.some(isConfirm));
  if (!asks && shown.some((s) => /中止しました|Stopped/.test(s.text))) m.acknowledged.clear();
}

/** Sends `act` (`copies` at once), checks every destructive call it caused, and updates the screen. */
async function deliver(
  m: ScreenModel,
  rig: ScreenRig,
  stats: ScreenStats,
  meant: Act,
  copies = 1,
): Promise<void> {
  const { bot } = rig;
  const act = rig.translate ? rig.translate(meant, m.screen) : meant;
  const callsBefore = bot.calls.length;
  const eventsBefore = bot.events.length;
  const q = m.question;
  const shown = await rig.deliver(act, copies);
  if (shown === undefined) {
    stats.refusedByClient += 1;
    return;
  }
  stats.inputs += copies;
  m.delivered = true;
  if (meant.kind === 'press') m.lastPress = meant;
  rig.assertClean();
  checkDestructiveCalls({
    bot,
    conversationKey: rig.conversationKey,
    callsBefore,
    eventsBefore,
    answered: answersOnScreen(act, q, rig.numbersChoose ? m.screen.at(-1) : undefined),
    acknowledged: m.acknowledged,
    describe: (operation) =>
      `${operation} after ${rig.channel} ${describeAct(act)}${copies > 1 ? ` ×${copies}` : ''} on screen ${JSON.stringify(
        q
          ? { id: q.id, buttons: q.buttons.map(plainButton), acks: q.acks, typed: q.typedConfirmation }
          : null,
      )}`,
    stats,
  });
  if (copies > 1) {
    // Two presses of one button: at most one call per operation and item (exactly once, invariant 2).
    const made = bot.calls
      .slice(callsBefore)
      .filter((c) => isDestructive(c.operation))
      .map((c) => JSON.stringify([c.operation, c.args]));
    expect(made, 'a double press made the same destructive call twice').toEqual([...new Set(made)]);
  }
  for (const tick of ticksOn(act, q, m)) m.acknowledged.add(tick);
  show(m, shown);
}

export type Make = (m: ScreenModel, rig: ScreenRig) => Act[];

export class ScreenSend implements fc.AsyncCommand<ScreenModel, ScreenRig> {
  constructor(
    readonly label: string,
    readonly make: Make,
    readonly stats: ScreenStats,
    readonly copies = 1,
  ) {}
  check = () => true;
  async run(m: ScreenModel, rig: ScreenRig): Promise<void> {
    for (const act of this.make(m, rig)) await deliver(m, rig, this.stats, act, this.copies);
  }
  toString = () => this.label;
}

/** The platform delivers the last request again (same id): nothing may run or be shown twice. */
class Redeliver implements fc.AsyncCommand<ScreenModel, ScreenRig> {
  constructor(readonly stats: ScreenStats) {}
  check = () => true;
  async run(m: ScreenModel, rig: ScreenRig): Promise<void> {
    if (!m.delivered) return;
    this.stats.redeliveries += 1;
    const { bot } = rig;
    const calls = bot.calls.length;
    const shown = await rig.redeliver();
    rig.assertClean();
    expect(bot.calls.length, 'a redelivered request made a backend call').toBe(calls);
    expect(shown ?? [], 'a redelivered request showed something again').toEqual([]);
  }
  toString = () => 'redeliver the last request';
}

class Burst implements fc.AsyncCommand<ScreenModel, ScreenRig> {
  constructor(readonly parts: ScreenSend[]) {}
  check = () => true;
  async run(m: ScreenModel, rig: ScreenRig): Promise<void> {
    for (const part of this.parts) await part.run(m, rig);
  }
  toString = () => `burst(${this.parts.map(String).join(', ')})`;
}

export const say = (text: string): Act => ({ kind: 'text', text });

/** Presses `button` of `on` as its client sends it: ack submits with every item ticked, the phrase typed. */
export function press(on: Shown, button: Button, ticks?: readonly string[], typed?: string): Act {
  return {
    kind: 'press',
    on,
    button,
    ticks: ticks ?? (button.kind === 'ack' ? on.acks : []),
    ...(button.kind === 'typed' ? { typed: typed ?? on.typedConfirmation ?? '' } : {}),
  };
}

/** What progress (answering what is on screen) sends: the demo e-mail, the mailed code, a choice, every tick, the
 * final button, the typed phrase. */
export const progressActs =
  (pick: number): Make =>
  (m, rig) => {
    const q = m.question;
    const last = m.screen.at(-1)?.text ?? '';
    if (q?.typedConfirmation !== undefined) {
      const box = q.buttons.find((b) => b.kind === 'typed');
      return [box && pick % 4 !== 0 ? press(q, box) : say(q.typedConfirmation)];
    }
    const submit = q?.buttons.find((b) => b.kind === 'ack');
    if (q && submit) return [press(q, submit)];
    const confirm = q?.buttons.find(isConfirm);
    if (q && confirm) return [press(q, confirm)];
    if (/確認コード|code/.test(last)) {
      const code = rig.bot.outbox.at(-1)?.code;
      if (code) return [say(code)];
    }
    if (/メールアドレス|e-mail/i.test(last)) return [say(WORDS.emails[pick % WORDS.emails.length] ?? '')];
    const choices = q?.buttons.filter((b) => b.kind === 'choice') ?? [];
    const choice = choices[pick % Math.max(1, choices.length)];
    if (q && choice) return [press(q, choice)];
    return [say(WORDS.starts[pick % WORDS.starts.length] ?? '')];
  };

/** The commands of a channel with these abilities, counting into `stats`. */
export function screenCommands(stats: ScreenStats, abilities: Abilities) {
  const send = (label: string, make: Make, copies = 1) => new ScreenSend(label, make, stats, copies);
  const text = (t: string) => send(`say ${t}`, () => [say(t)]);

  const progress = (pick: number) => send(`progress ${pick}`, progressActs(pick));

  /** A button of a message shown before the current screen: of any of them, or of the previous question. */
  const stale = (n: number, from: 'any' | 'previous') =>
    send(`stale button ${n} (${from})`, (m) => {
      const messages = from === 'any' ? m.history : m.history.filter(isQuestion).slice(-1);
      const old = messages.flatMap((on) => on.buttons.map((button) => ({ on, button })));
      const hit = old[n % Math.max(1, old.length)];
      if (!hit) return [];
      stats.stale += 1;
      return [press(hit.on, hit.button)];
    });

  /** What progress would press, but on an older card of the same question (same button, older version). */
  const onOlderCard = (pick: number) =>
    send(`progress ${pick} on an older card`, (m, rig) =>
      progressActs(pick)(m, rig).flatMap((act) => {
        if (act.kind !== 'press') return [];
        const same = (b: Button) =>
          b.kind === act.button.kind && b.id === act.button.id && b.version !== act.button.version;
        const on = m.history.findLast((s) => s.buttons.some(same));
        const button = on?.buttons.find(same);
        if (!on || !button) return [];
        stats.olderCards += 1;
        return [press(on, button)];
      }),
    );

  type Weighted = fc.WeightedArbitrary<fc.AsyncCommand<ScreenModel, ScreenRig>>;
  const always: Weighted[] = [
    { weight: 30, arbitrary: fc.nat(50).map(progress) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS.unclear).map(text) },
    { weight: 2, arbitrary: fc.constant(send('three unclear answers', () => WORDS.threeUnclear.map(say))) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS.yesNo).map(text) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS.numbers).map(text) },
    { weight: 2, arbitrary: fc.constantFrom(...WORDS.ways).map(text) },
    { weight: 1, arbitrary: fc.nat(40).map((n) => stale(n, 'any')) },
    { weight: 2, arbitrary: fc.nat(40).map((n) => stale(n, 'previous')) },
    { weight: 5, arbitrary: fc.nat(50).map(onOlderCard) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...WORDS.unclear, 'ヘルプ'), fc.nat(50))
        .map(([t, pick]) => new Burst([text(t), onOlderCard(pick)])),
    },
    {
      weight: 1,
      arbitrary: fc.constant(
        send('press the last button again', (m) => {
          if (!m.lastPress) return [];
          stats.pressedAgain += 1;
          return [m.lastPress];
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.nat(1023).map((mask) =>
        send(`tick some ${mask}`, (m) => {
          const q = m.question;
          const submit = q?.buttons.find((b) => b.kind === 'ack');
          if (!q || !submit) return [];
          stats.partialTicks += 1;
          return [
            press(
              q,
              submit,
              q.acks.filter((_id, i) => (mask >> i) & 1),
            ),
          ];
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom('削除', 'はい', 'DELETE', ' ').map((wrong) =>
        send(`type ${wrong} in the box`, (m) => {
          const q = m.question;
          const box = q?.buttons.find((b) => b.kind === 'typed');
          if (!q || !box) return [];
          stats.wrongPhrases += 1;
          return [press(q, box, [], wrong)];
        }),
      ),
    },
  ];
  const deliveries: Weighted[] = [
    {
      weight: 2,
      arbitrary: fc.nat(10).map((n) =>
        send(
          `double press ${n}`,
          (m) => {
            const q = m.question;
            const hit = q?.buttons[n % Math.max(1, q.buttons.length)];
            if (!q || !hit) return [];
            stats.doublePresses += 1;
            return [press(q, hit)];
          },
          2,
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constant(new Redeliver(stats)) },
  ];
  const languageSwitch: Weighted[] = [
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<'ja' | 'en'>('ja', 'en')
        .map((locale) => send(`switch the page to ${locale}`, () => [{ kind: 'locale', locale }])),
    },
  ];
  const entryPoints: Weighted[] = [
    {
      weight: 1,
      arbitrary: fc.nat(20).map((n) =>
        send(`entry point ${n}`, (_m, rig) => {
          const ids = [...rig.bot.engine.definition.entryPoints];
          return [{ kind: 'start', dialogId: ids[n % ids.length] ?? 'menu' }];
        }),
      ),
    },
  ];
  return fc.oneof(
    ...always,
    ...(abilities.deliveries ? deliveries : []),
    ...(abilities.languageSwitch ? languageSwitch : []),
    ...(abilities.entryPoints ? entryPoints : []),
  );
}

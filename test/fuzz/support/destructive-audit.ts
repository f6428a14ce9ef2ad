/**
 * Invariant 1 checked from the outside, after a run: every destructive backend call the bot made is backed by a
 * completed confirmation of that exact item, which the user gave turn by turn. For each destructive call:
 *
 * 1. an earlier-or-same-turn `confirmed` event of the same conversation whose target value deep-equals the item the
 *    call acted on (each confirmation backs one call), and every argument of the call is a value of that item;
 * 2. the confirm node (read from the dialog data, not from the engine) acknowledges every consequence the backend
 *    spec declares for the operation, and the confirmation record lists them all;
 * 3. the transcript shows the user doing it: a turn that acknowledged all those consequences (ticks, or their
 *    numbers typed) after the bot showed them, then the final "confirm" (button or a typed yes) after the bot
 *    offered it, then — when the node requires one — the typed phrase the bot asked for.
 *
 * The one exception (invariant 10's compensation, engine/checker/safety.ts): a destructive call with no
 * confirmation passes only when the dialog data has a compensation node for that operation (`compensates: X`) and
 * the item it acted on is exactly what X's operation returned earlier in the same conversation — the bot undoes
 * what it created itself, once, with arguments read from that item.
 */
import { isDeepStrictEqual } from 'node:util';
import type { OperationCatalog } from '../../../src/engine/operations.js';
import { normalizeText, parseYesNo } from '../../../src/engine/text/normalize.js';
import type { Dialog } from '../../../src/engine/tree/schema.js';
import type { Reply, TurnInput } from '../../../src/engine/turn.js';
import type { FuzzBot, FuzzTurn } from './fuzz-bot.js';

/** Whether `needle` occurs as a value anywhere inside `haystack`. */
function containsValue(haystack: unknown, needle: unknown): boolean {
  if (isDeepStrictEqual(haystack, needle)) return true;
  if (typeof haystack !== 'object' || haystack === null) return false;
  return Object.values(haystack).some((inner) => containsValue(inner, needle));
}

/** The replies shown just before turn `index` of the same conversation (what the user acted on). */
function shownBefore(turns: readonly FuzzTurn[], index: number): Reply[] {
  const key = turns[index]?.turn.conversationKey;
  for (let i = index - 1; i >= 0; i--) {
    const entry = turns[i];
    if (entry && entry.turn.conversationKey === key && entry.replies.length > 0) return entry.replies;
  }
  return [];
}

const versionOf = (replies: readonly Reply[]) => replies.at(-1)?.stateVersion;

function acknowledgedAll(input: TurnInput, shown: readonly Reply[], needed: readonly string[]): boolean {
  const offered = shown.flatMap((r) => r.acknowledgements ?? []).map((a) => a.id);
  if (!needed.every((id) => offered.includes(id))) return false;
  let ticked: string[] = [];
  if (input.kind === 'acknowledge' && input.stateVersion === versionOf(shown)) ticked = input.ackIds;
  if (input.kind === 'text' && /^[\d\s,、と及びand&]+$/i.test(input.text.normalize('NFKC').trim()))
    ticked = [...input.text.normalize('NFKC').matchAll(/\d{1,3}/g)].map(
      (m) => offered[Number(m[0]) - 1] ?? '',
    );
  return needed.every((id) => ticked.includes(id));
}

function saidFinalYes(input: TurnInput, shown: readonly Reply[]): boolean {
  const offered = shown.some((r) => (r.choices ?? []).some((c) => c.id === 'confirm'));
  if (!offered) return false;
  if (input.kind === 'choice') return input.choiceId === 'confirm' && input.stateVersion === versionOf(shown);
  return input.kind === 'text' && parseYesNo(input.text) === true;
}

function typedThePhrase(input: TurnInput, shown: readonly Reply[], phrase: string): boolean {
  if (!shown.some((r) => r.typedConfirmation === phrase)) return false;
  if (input.kind !== 'typed' && input.kind !== 'text') return false;
  if (input.kind === 'typed' && input.stateVersion !== versionOf(shown)) return false;
  return normalizeText(input.text) === normalizeText(phrase);
}

type CallCompleted = Extract<FuzzBot['events'][number]['event'], { kind: 'call-completed' }>;

/** Why an unconfirmed destructive call is not a compensation of the bot's own creation, or undefined if it is. */
function compensationProblem(
  bot: Pick<FuzzBot, 'events'>,
  dialogs: readonly Dialog[],
  event: CallCompleted,
  callTurn: number,
  compensated: Set<string>,
): string | undefined {
  const creators = dialogs.flatMap((d) =>
    Object.values(d.nodes).flatMap((node) => {
      if (node.kind !== 'call' || node.operation !== event.operation || !node.compensates) return [];
      const undone = d.nodes[node.compensates];
      return undone?.kind === 'call' ? [undone.operation] : [];
    }),
  );
  if (creators.length === 0) return 'and no compensation node for it';
  const created = bot.events.some(
    (e) =>
      e.turn <= callTurn &&
      e.event.kind === 'call-completed' &&
      e.event.conversationKey === event.conversationKey &&
      creators.includes(e.event.operation) &&
      e.event.outcome.ok &&
      isDeepStrictEqual(e.event.outcome.data, event.target ?? null),
  );
  if (!created) return 'and not an item the bot created in this conversation';
  for (const [name, value] of Object.entries(event.args))
    if (!containsValue(event.target, value)) return `and argument ${name} is not a value of the created item`;
  const key = `${event.conversationKey}\u0000${JSON.stringify(event.target)}`;
  if (compensated.has(key) && event.outcome.ok) return 'and that item was already undone';
  if (event.outcome.ok) compensated.add(key);
  return undefined;
}

/** Problems found (empty when every destructive call was properly confirmed). */
export function auditDestructiveCalls(
  bot: Pick<FuzzBot, 'turns' | 'calls' | 'events'>,
  catalog: OperationCatalog,
  dialogs: readonly Dialog[],
): string[] {
  const problems: string[] = [];
  const consumed = new Set<number>();
  const compensated = new Set<string>();
  const confirmations = bot.events.flatMap((e, i) =>
    e.event.kind === 'confirmed' ? [{ ...e, index: i }] : [],
  );
  const completed = bot.events.filter((e) => e.event.kind === 'call-completed' && e.event.destructive);
  const recorded = bot.calls.filter((c) => catalog[c.operation]?.destructive);
  if (recorded.length !== completed.length)
    problems.push(`${recorded.length} destructive calls recorded but ${completed.length} reported completed`);

  for (const { event, turn: callTurn } of completed) {
    if (event.kind !== 'call-completed') continue;
    const what = `${event.operation}(${JSON.stringify(event.args)}) in turn ${callTurn}`;
    const needed = catalog[event.operation]?.consequences ?? [];
    const match = confirmations
      .filter(
        (c) =>
          !consumed.has(c.index) &&
          c.turn <= callTurn &&
          c.event.conversationKey === event.conversationKey &&
          c.event.kind === 'confirmed' &&
          isDeepStrictEqual(c.event.targetValue, event.target ?? null),
      )
      .at(-1);
    if (match?.event.kind !== 'confirmed') {
      const undone = compensationProblem(bot, dialogs, event, callTurn, compensated);
      if (undone) problems.push(`${what}: no confirmation of that exact item, ${undone}`);
      continue;
    }
    consumed.add(match.index);
    const confirmed = match.event;
    for (const [name, value] of Object.entries(event.args))
      if (!containsValue(confirmed.targetValue, value))
        problems.push(`${what}: argument ${name} is not a value of the confirmed item`);
    const node = dialogs.find((d) => d.id === confirmed.dialogId)?.nodes[confirmed.nodeId];
    if (node?.kind !== 'confirm') {
      problems.push(
        `${what}: confirmed at ${confirmed.dialogId}/${confirmed.nodeId}, which is not a confirm node`,
      );
      continue;
    }
    const declared = node.acknowledgements.map((a) => a.consequence);
    const recordedAcks = confirmed.record.acknowledgements.map((a) => a.id);
    for (const consequence of needed) {
      if (!declared.includes(consequence)) problems.push(`${what}: the confirm node omits ${consequence}`);
      if (!recordedAcks.includes(consequence)) problems.push(`${what}: the record omits ${consequence}`);
    }

    // The transcript: ack turn < final-yes turn ≤ confirmation turn (typed phrase last when required).
    const conversation = bot.turns
      .map((entry, index) => ({ entry, index }))
      .filter(
        ({ entry, index }) => entry.turn.conversationKey === confirmed.conversationKey && index <= match.turn,
      );
    const confirmTurn = conversation.at(-1);
    if (!confirmTurn || confirmTurn.index !== match.turn) {
      problems.push(`${what}: the confirming turn is missing`);
      continue;
    }
    let finalTurn = confirmTurn.index;
    if (node.typed) {
      const phrase = confirmed.record.typedPhrase ?? '';
      if (!typedThePhrase(confirmTurn.entry.turn.input, shownBefore(bot.turns, confirmTurn.index), phrase))
        problems.push(`${what}: confirmed without typing the phrase "${phrase}" the bot asked for`);
      const yes = conversation.filter(
        ({ entry, index }) =>
          index < confirmTurn.index && saidFinalYes(entry.turn.input, shownBefore(bot.turns, index)),
      );
      finalTurn = yes.at(-1)?.index ?? -1;
      if (finalTurn < 0) problems.push(`${what}: no final "confirm" before the typed phrase`);
    } else if (!saidFinalYes(confirmTurn.entry.turn.input, shownBefore(bot.turns, confirmTurn.index))) {
      problems.push(`${what}: the confirming turn was not a "confirm" the bot had offered`);
    }
    const acknowledged = conversation.some(
      ({ entry, index }) =>
        index < finalTurn && acknowledgedAll(entry.turn.input, shownBefore(bot.turns, index), needed),
    );
    if (!acknowledged)
      problems.push(`${what}: the consequences ${needed.join(', ')} were never all acknowledged`);
  }
  return problems;
}

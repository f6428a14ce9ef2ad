/**
 * Turns an abstract engine action (engine-actions.ts) into a Turn input against what the user was last shown:
 * the buttons, acknowledgements and typed phrase on screen, the state version they were rendered from, and the
 * latest one-time code mailed.
 */
import type { Reply, TurnInput } from '../../../src/engine/turn.js';
import { type Action, EMAILS, REQUESTS, type VersionMode } from './engine-actions.js';

/** What the user of one conversation has been shown so far. */
export interface Screen {
  last: Reply[];
  /** Every choice ever shown, with the version it was rendered from. */
  seen: { id: string; version: number }[];
}

export function newScreen(): Screen {
  return { last: [], seen: [] };
}

export function currentVersion(screen: Screen): number {
  return screen.last.at(-1)?.stateVersion ?? 0;
}

export function versionFor(mode: VersionMode, current: number): number {
  switch (mode) {
    case 'current':
      return current;
    case 'previous':
      return current - 1;
    case 'next':
      return current + 1;
    case 'zero':
      return 0;
    case 'negative':
      return -1;
    case 'huge':
      return Number.MAX_SAFE_INTEGER;
    case 'fraction':
      return current + 0.5;
    case 'nan':
      return Number.NaN;
  }
}

const toWide = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/**
 * The Turn input for an action given what is on screen and the latest mailed code; `undefined` for actions that
 * are not inputs (replay, wait) — the caller handles those.
 */
export function inputFor(
  action: Action,
  screen: Screen,
  latestCode: string | undefined,
): TurnInput | undefined {
  const current = currentVersion(screen);
  const choices = screen.last.flatMap((r) => r.choices ?? []);
  const acks = screen.last.flatMap((r) => r.acknowledgements ?? []).map((a) => a.id);
  const phrase = screen.last.map((r) => r.typedConfirmation).find((p) => p !== undefined);
  switch (action.a) {
    case 'auto': {
      const text = screen.last.map((r) => r.text).join('\n');
      if (acks.length > 0) return { kind: 'acknowledge', ackIds: acks, stateVersion: current };
      if (phrase !== undefined) return { kind: 'typed', text: phrase, stateVersion: current };
      if (choices.length > 0) {
        const choice = choices[action.pick % choices.length];
        if (choice) return { kind: 'choice', choiceId: choice.id, stateVersion: current };
      }
      if (/6桁|コードを入力|6-digit|the code/i.test(text))
        return { kind: 'text', text: latestCode ?? '000000' };
      if (/メールアドレス|e-mail/i.test(text))
        return { kind: 'text', text: EMAILS[action.pick % 5] ?? 'portal@example.com' };
      return { kind: 'text', text: REQUESTS[action.pick % REQUESTS.length] ?? '解約したい' };
    }
    case 'click': {
      const choice = choices[action.pick % Math.max(choices.length, 1)];
      return choice
        ? { kind: 'choice', choiceId: choice.id, stateVersion: current }
        : { kind: 'text', text: 'こんにちは' };
    }
    case 'clickSeen': {
      const seen = screen.seen[action.pick % Math.max(screen.seen.length, 1)];
      if (!seen)
        return { kind: 'choice', choiceId: 'confirm', stateVersion: versionFor(action.version, current) };
      const version = action.version === 'current' ? seen.version : versionFor(action.version, current);
      return { kind: 'choice', choiceId: seen.id, stateVersion: version };
    }
    case 'clickForged':
      return { kind: 'choice', choiceId: action.id, stateVersion: versionFor(action.version, current) };
    case 'ackAll':
      return { kind: 'acknowledge', ackIds: acks, stateVersion: current };
    case 'ackSome': {
      const some = acks.filter((_, i) => (action.mask >> i) & 1);
      return {
        kind: 'acknowledge',
        ackIds: [...some, ...action.extra],
        stateVersion: versionFor(action.version, current),
      };
    }
    case 'typePhrase':
      return {
        kind: 'typed',
        text: phrase ?? '退会します',
        stateVersion: versionFor(action.version, current),
      };
    case 'typed':
      return { kind: 'typed', text: action.text, stateVersion: versionFor(action.version, current) };
    case 'email':
      return { kind: 'text', text: action.email };
    case 'code': {
      const code = latestCode ?? '123456';
      const text =
        action.mode === 'exact'
          ? code
          : action.mode === 'wide'
            ? toWide(code)
            : action.mode === 'spaced'
              ? code.split('').join(' ')
              : '000000';
      return { kind: 'text', text };
    }
    case 'say':
      return { kind: 'text', text: action.text };
    case 'start':
      return {
        kind: 'start',
        dialogId: action.dialogId,
        ...(action.text !== undefined ? { text: action.text } : {}),
      };
    case 'replay':
    case 'wait':
      return undefined;
  }
}

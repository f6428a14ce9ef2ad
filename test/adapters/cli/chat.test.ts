import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/cli/render.js';
import { toTurnInput } from '../../../adapters/cli/translate.js';

const dir = mkdtempSync(join(tmpdir(), 'chat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run chat` as a user would, with a piped script. */
function chat(lines: string[], args: string[] = [], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', ...args], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      STORE: 'memory',
      SANDBOX_PATH: join(dir, `sandbox-${Math.random()}.sqlite`),
      SQLITE_PATH: join(dir, 'conversations.sqlite'),
      BOT_NOW: '2026-11-23T10:00:00+09:00',
      ...extraEnv,
    },
  });
  return { out: result.stdout, err: result.stderr, status: result.status };
}

describe('terminal chat (npm run chat)', () => {
  it('reads a piped script and prints numbered choices and the replies', () => {
    const { out, status } = chat(['こんにちは', '1', 'camera-two@example.com']);
    expect(status).toBe(0);
    expect(out).toContain('> こんにちは');
    expect(out).toMatch(/1\) みえますねっと：機器を削除（解約）する/);
    expect(out).toContain('ご登録のメールアドレスを入力してください');
    // The embedded sandbox "mails" the one-time code; the terminal shows it for the demo (address masked).
    expect(out).toMatch(/demo: one-time code \d{6} for ca\*\*\*@example\.com/);
    expect(out).not.toMatch(/one-time code.*camera-two@/);
    expect(out).toContain('6桁の確認コード');
  });

  it('answers an English question in English (issue 15: the written language decides)', () => {
    const { out, status } = chat(['Do I get a refund if I delete my camera?']);
    expect(status).toBe(0);
    expect(out).toContain('You wrote in English');
    expect(out).toContain('There is no refund');
  });

  it('outside demo mode no one-time code is written to the terminal', () => {
    const { out, status } = chat(['こんにちは', '1', 'camera-two@example.com'], [], { DEMO_MODE: 'off' });
    expect(status).toBe(0);
    expect(out).toContain('6桁の確認コード');
    expect(out).not.toMatch(/one-time code|📧/);
  });

  it('runs the engine sample end to end with --sample, stopping changes nothing', () => {
    const { out } = chat(['hello', '1', '1', 'やめる'], ['--sample']);
    expect(out).toContain('削除する項目をお選びください');
    expect(out).toContain('☐ 残りの期間の払い戻しはありません。');
    expect(out).toContain('中止しました。何も変更していません。');
  });
});

describe('terminal acknowledgement step (item 7: 「1) やめる」 listed while 1 ticks item 1)', () => {
  const ackStep = {
    text: 'ご確認ください',
    tone: 'warning' as const,
    stateVersion: 9,
    acknowledgements: [
      { id: 'no-refund', label: '返金はありません' },
      { id: 'data-loss', label: 'データは消えます' },
    ],
    choices: [{ id: 'cancel', label: 'やめる', style: 'default' as const }],
  };
  it('numbers only the items; the way out is shown as the word to type', () => {
    const shown = renderReply(ackStep);
    expect(shown).toContain('[1] ☐ 返金はありません');
    expect(shown).toContain('[2] ☐ データは消えます');
    expect(shown).not.toMatch(/\d\) やめる/);
    expect(shown).toContain('「やめる」');
    // What is on screen is what the input means: 1 is item 1, 「やめる」 is the stop word.
    expect(toTurnInput('1', [ackStep])).toEqual({ kind: 'text', text: '1' });
    expect(toTurnInput('やめる', [ackStep])).toEqual({ kind: 'text', text: 'やめる' });
  });
  it('keeps numbered choices where no items are listed', () => {
    expect(renderReply({ ...ackStep, acknowledgements: [] })).toContain('1) やめる');
  });
});

describe('terminal input translation', () => {
  const reply = {
    text: 'q',
    tone: 'info' as const,
    stateVersion: 7,
    choices: [{ id: 'a', label: 'A', style: 'default' as const }],
  };
  it('maps a number to the numbered choice with its state version', () => {
    expect(toTurnInput('１', [reply])).toEqual({ kind: 'choice', choiceId: 'a', stateVersion: 7 });
  });
  it('keeps numbers as text while acknowledgements are shown', () => {
    expect(toTurnInput('1 2', [{ ...reply, acknowledgements: [{ id: 'x', label: 'X' }] }])).toEqual({
      kind: 'text',
      text: '1 2',
    });
  });
  it('sends a typed confirmation as typed input', () => {
    expect(toTurnInput('退会', [{ ...reply, choices: [], typedConfirmation: '退会' }])).toEqual({
      kind: 'typed',
      text: '退会',
      stateVersion: 7,
    });
  });
});

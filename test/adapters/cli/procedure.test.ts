import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'chat-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A terminal conversation driven line by line, waiting for each answer like a newcomer at `npm run chat`. */
function startChat() {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'adapters/cli/main.ts'],
    {
      env: {
        ...process.env,
        STORE: 'sqlite',
        SQLITE_PATH: join(dir, 'conversations.sqlite'),
        SANDBOX_PATH: join(dir, 'sandbox.sqlite'),
        BOT_NOW: '2026-11-23T10:00:00+09:00',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const waitFor = async (pattern: RegExp, from: number): Promise<RegExpExecArray> => {
    for (let waited = 0; waited < 20_000; waited += 50) {
      const match = pattern.exec(output.slice(from));
      if (match) return match;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; output so far:\n${output.slice(from)}`);
  };
  return {
    /** Types a line and waits until the bot's answer matches. */
    async say(line: string, answer: RegExp): Promise<RegExpExecArray> {
      const from = output.length;
      child.stdin.write(`${line}\n`);
      return waitFor(answer, from);
    },
    async close() {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
    output: () => output,
  };
}

describe('a newcomer cancels a HOME contract end to end in npm run chat', () => {
  it('identifies by e-mail code, picks the contract by number, acknowledges, confirms, and gets the application number', async () => {
    const chat = startChat();
    try {
      await chat.say('HOMEを解約したい', /メールアドレスを入力してください/);
      const mail = await chat.say('portal@example.com', /one-time code (\d{6}) for po\*\*\*@example\.com/);
      await chat.say(mail[1] ?? '', /解約するご契約をお選びください/);
      await chat.say('hmao-061322', /解約の理由/);
      await chat.say('サービスを利用しなくなったため解約します。', /最低利用期間/);
      // The terms are shown before the draft is created (invariant 10), acknowledged at the final confirmation.
      await chat.say('1', /下書き（解約お申込作成中）として作成しました/);
      await chat.say('1 2', /HMAO061322 の解約を申し込みます/);
      const done = await chat.say('はい', /控え番号: (RC-[0-9A-Z]{10})/);
      expect(chat.output()).toContain('解約のお申込を承りました');
      expect(chat.output()).toMatch(/R-20261123-\d{6}/);
      expect(chat.output()).toContain('解約お申込受付中');
      expect(done[1]).toMatch(/^RC-/);
    } finally {
      await chat.close();
    }
  }, 60_000);
});

/**
 * Issue 13, as measured, through the web chat's API against a sandbox that sees every HTTP request: cancelling
 * uniFLOW contract UFOL050233 (reason chosen) must show the ¥132,000 minimum-term charge before the sandbox
 * receives any POST of the procedure (acknowledged once, at the final confirmation naming the application); やめる after the bot created the draft withdraws it (the sandbox shows the
 * application gone and the contract back to サービス開始, and the reply says so); the next attempt is not blocked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../../adapters/web/transcript.js';
import { manualClock } from '../../../src/clock.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { DEFAULT_TEST_NOW } from '../../support/bot-harness.js';
import { lastReply, startWeb, type WebClient, type WebHarness } from './support.js';

const EMAIL = 'portal@example.com';
const CONTRACT = 'UFOL050233';
const ACKS = ['service-termination', 'minimum-term-charge'];

interface Seen {
  method: string;
  path: string;
}

let web: WebHarness | undefined;
let server: Server | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The sandbox behind a recorder of every request it receives, on 127.0.0.1:0. */
async function observedSandbox(): Promise<{ sandbox: Sandbox; seen: Seen[]; url: string }> {
  const sandbox = await createSandbox({ store: 'memory', clock: manualClock(DEFAULT_TEST_NOW) });
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', path: request.url ?? '' });
    sandbox.handle(request, response);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { sandbox, seen, url: `http://127.0.0.1:${port}` };
}

/** Everything the bot showed in these entries: texts, fact rows, acknowledgement labels. */
function shown(entries: readonly Entry[]): string {
  return entries
    .flatMap((entry) =>
      entry.from === 'bot'
        ? [
            entry.reply.text,
            ...(entry.reply.facts ?? []).map((f) => `${f.label}: ${f.value}`),
            ...(entry.reply.acknowledgements ?? []).map((a) => a.label),
          ]
        : [],
    )
    .join('\n');
}

async function turn(client: WebClient, input: Record<string, unknown>): Promise<Entry[]> {
  const answer = await client.turn(input);
  expect(answer.status).toBe(200);
  return answer.json.entries;
}

const cspsPosts = (seen: readonly Seen[]) =>
  seen.filter((r) => r.method === 'POST' && r.path.includes('/csps/')).map((r) => r.path);

describe('web chat: quote before write (issue 13, uniFLOW Online)', () => {
  it('shows the ¥132,000 charge before any POST; やめる withdraws the draft; the next attempt is not blocked', async () => {
    const { sandbox, seen, url } = await observedSandbox();
    web = await startWeb({ env: { BACKEND_URL: url } });
    const client = web.client();
    const contract = () => sandbox.snapshot().contracts.find((c) => c.contractNumber === CONTRACT);
    const code = () => sandbox.outbox.filter((m) => m.to === EMAIL).at(-1)?.code ?? '';

    let entries = await turn(client, { kind: 'start', dialogId: 'csps-cancel' });
    await turn(client, { kind: 'text', text: EMAIL });
    entries = await turn(client, { kind: 'text', text: code() });
    expect(shown(entries)).toContain('解約するご契約をお選びください');
    entries = await turn(client, { kind: 'text', text: CONTRACT });
    expect(shown(entries)).toContain('解約の理由をお選びください');
    entries = await turn(client, {
      kind: 'choice',
      choiceId: 'unused',
      stateVersion: lastReply(entries).stateVersion,
    });

    // The charge, the remaining billings and the effective date are on screen (shown, not ticked here)…
    const disclosure = shown(entries);
    expect(disclosure).toContain('まとめて請求される金額（目安）: ￥132,000');
    expect(disclosure).toContain('残り6回分、￥132,000');
    expect(disclosure).toContain('解約日（サービス最終日）: 2026年12月31日');
    expect(lastReply(entries).acknowledgements ?? []).toEqual([]);
    // …while the sandbox has received no POST of the procedure, and the contract is untouched.
    expect(cspsPosts(seen)).toEqual([]);
    expect(contract()?.status).toBe('service-started');

    entries = await turn(client, {
      kind: 'choice',
      choiceId: 'proceed',
      stateVersion: lastReply(entries).stateVersion,
    });
    expect(cspsPosts(seen)).toEqual([`/csps/contracts/${CONTRACT}/cancellation-applications`]);
    expect(contract()?.status).toBe('cancellation-draft');
    const draft = sandbox.snapshot().applications.find((a) => a.contractNumber === CONTRACT);
    expect(draft?.status).toBe('cancellation-draft');
    expect(shown(entries)).toContain(
      `お申込番号「${draft?.applicationNumber}」の下書き（解約お申込作成中）として作成しました`,
    );
    // The acknowledgements are asked once, here, at the confirmation naming the application.
    expect(lastReply(entries).acknowledgements?.map((a) => a.id)).toEqual(ACKS);

    // やめる at the final confirmation: our draft is withdrawn, and the customer is told so.
    entries = await turn(client, { kind: 'text', text: 'やめる' });
    const stopped = shown(entries);
    expect(stopped).toContain(
      `お申込番号「${draft?.applicationNumber}」の下書き（解約お申込作成中）を取り消し`,
    );
    expect(stopped).toContain('「サービス開始」に戻ったことを確認しました');
    expect(stopped).not.toContain('すでに完了したお手続きは取り消されません');
    expect(cspsPosts(seen).at(-1)).toBe(`/csps/applications/${draft?.applicationNumber}/withdraw`);
    expect(contract()?.status).toBe('service-started');
    expect(sandbox.snapshot().applications.filter((a) => a.contractNumber === CONTRACT)).toEqual([]);

    // The next attempt is not blocked by a draft of ours.
    entries = await turn(client, { kind: 'text', text: 'HOMEを解約したい' });
    expect(shown(entries)).toContain('解約するご契約をお選びください');
    entries = await turn(client, { kind: 'text', text: CONTRACT });
    expect(shown(entries)).toContain('解約の理由をお選びください');
    expect(shown(entries)).not.toContain('作成中のお申込があるため');
  });
});

/**
 * A customer deletes a camera device through the web chat's API (the page's own calls), then reloads the page
 * and, after a restart on a persistent store, still sees the conversation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botText, lastReply, startWeb, type WebClient, type WebHarness } from './support.js';

const EMAIL = 'camera-two@example.com';
const ACKS = ['no-refund', 'license-forfeit', 'data-loss'];

let web: WebHarness | undefined;
let directory: string | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
  if (directory) await rm(directory, { recursive: true, force: true });
  directory = undefined;
});

async function choose(client: WebClient, choiceId: string, stateVersion: number) {
  const answer = await client.turn({ kind: 'choice', choiceId, stateVersion });
  expect(answer.status).toBe(200);
  return answer.json.entries;
}

/** Start → identify with the mailed code → the device list. Returns the list reply's entries. */
async function signInAndList(harness: WebHarness, client: WebClient) {
  const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
  expect(menu.status).toBe(200);
  const entries = await choose(client, 'miemasu-delete', lastReply(menu.json.entries).stateVersion);
  expect(botText(entries)).toContain('メールアドレス');
  await client.turn({ kind: 'text', text: EMAIL });
  const listed = await client.turn({ kind: 'text', text: harness.testBot.codeFor(EMAIL) });
  expect(botText(listed.json.entries)).toContain('削除（解約）する機器をお選びください');
  return listed.json.entries;
}

describe('web chat: deleting a camera device', () => {
  it('deletes CameraOA through the API: choice, acknowledgements, final confirmation, receipt', async () => {
    web = await startWeb();
    const client = web.client();
    const listed = await signInAndList(web, client);
    expect(lastReply(listed).choices?.map((c) => c.id)).toEqual(['DEV-0001', 'DEV-0002', 'quit']);

    let entries = await choose(client, 'DEV-0001', lastReply(listed).stateVersion);
    expect(entries[0]).toMatchObject({ from: 'user', text: expect.stringContaining('CameraOA') });
    entries = await choose(client, 'delete', lastReply(entries).stateVersion);
    const acks = lastReply(entries);
    expect(acks.acknowledgements?.map((a) => a.id)).toEqual(ACKS);
    expect(acks.facts).toContainEqual({ label: '機器名', value: 'CameraOA' });
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('deleteMiemasuDevice');

    const acknowledged = await client.turn({
      kind: 'acknowledge',
      ackIds: ACKS,
      stateVersion: acks.stateVersion,
    });
    const confirm = lastReply(acknowledged.json.entries);
    expect(confirm.choices).toContainEqual(expect.objectContaining({ id: 'confirm', style: 'danger' }));

    entries = await choose(client, 'confirm', confirm.stateVersion);
    expect(botText(entries)).toContain('「CameraOA」（cameraoa.miemasu.example）を削除（解約）しました');
    const deletions = web.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');
    expect(deletions).toHaveLength(1);
    expect(deletions[0]?.args).toMatchObject({ deviceId: 'DEV-0001' });
    const receipt = entries.find((e) => e.from === 'bot' && e.reply.receipt);
    expect(receipt?.from === 'bot' && receipt.reply.receipt?.id).toMatch(/^RC-/);

    // Every turn ran as this web session's customer, on its own conversation.
    const keys = new Set(web.turns.map((turn) => turn.conversationKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^web:[A-Za-z0-9_-]{32}$/);
    expect(web.turns.every((turn) => turn.channel === 'web' && turn.actor.kind === 'customer')).toBe(true);
  });

  it('keeps what the user typed masked in the transcript: the code and the e-mail address', async () => {
    web = await startWeb();
    const client = web.client();
    await signInAndList(web, client);
    const userLines = (await client.history()).entries.flatMap((e) => (e.from === 'user' ? [e.text] : []));
    const code = web.testBot.codeFor(EMAIL);
    expect(userLines).toContain('c•••@example.com');
    expect(userLines).toContain('••••••');
    expect(JSON.stringify(userLines)).not.toContain(code);
    expect(JSON.stringify(userLines)).not.toContain(EMAIL);
  });

  it('a reload shows the same transcript, and a second browser sees nothing of it', async () => {
    web = await startWeb();
    const client = web.client();
    const first = await client.turn({ kind: 'start', dialogId: 'menu' });
    const second = await choose(client, 'miemasu-delete', lastReply(first.json.entries).stateVersion);
    const history = await client.history();
    expect(history.entries).toEqual([...first.json.entries, ...second]);
    expect(history.entries.map((e) => e.seq)).toEqual(history.entries.map((_, i) => i + 1));

    const stranger = await web.client().history();
    expect(stranger.entries).toEqual([]);
  });

  it('after a restart on SQLite, the history is still there and the conversation continues', async () => {
    directory = await mkdtemp(join(tmpdir(), 'web-chat-'));
    web = await startWeb({
      config: { STORE: 'sqlite', SQLITE_PATH: join(directory, 'conversations.sqlite') },
    });
    const client = web.client();
    const listed = await signInAndList(web, client);
    const before = await client.history();

    await web.restart();
    const after = await client.history();
    expect(after.entries).toEqual(before.entries);
    // The restored buttons still work: the same session, the same conversation.
    const entries = await choose(client, 'DEV-0002', lastReply(listed).stateVersion);
    expect(botText(entries)).toContain('「CameraOB」のライセンスを別の機器');
    expect(new Set(web.turns.map((t) => t.conversationKey)).size).toBe(1);
  });

  it('a request sent twice with the same id is handled once', async () => {
    web = await startWeb();
    const client = web.client();
    const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
    const version = lastReply(menu.json.entries).stateVersion;
    const once = await client.turn(
      { kind: 'choice', choiceId: 'miemasu-delete', stateVersion: version },
      'req-0000001',
    );
    const again = await client.turn(
      { kind: 'choice', choiceId: 'miemasu-delete', stateVersion: version },
      'req-0000001',
    );
    expect(once.json.entries.length).toBeGreaterThan(0);
    expect(again.json).toMatchObject({ duplicate: true, entries: [] });
    expect((await client.history()).entries).toHaveLength(
      menu.json.entries.length + once.json.entries.length,
    );
  });
});

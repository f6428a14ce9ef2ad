/**
 * Regression (issue 13, item 1), through the web chat where it was seen: camera deletion of DEV-0002 by demo
 * customer CUS-1001, every acknowledgement ticked, final confirmation shown; three unclear answers bring the
 * "could not understand" prompt (retry / person / stop). A bare 「はい」 then — a natural "yes, connect me" — must
 * not delete anything: the confirmation is shown again with a fresh version first, and only answering that
 * showing deletes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { botText, lastReply, startWeb, type WebClient, type WebHarness } from './support.js';

const EMAIL = 'camera-two@example.com';
const ACKS = ['no-refund', 'license-forfeit', 'data-loss'];

let web: WebHarness | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

async function toFinalConfirmation(harness: WebHarness, client: WebClient) {
  const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
  let entries = (
    await client.turn({
      kind: 'choice',
      choiceId: 'miemasu-delete',
      stateVersion: lastReply(menu.json.entries).stateVersion,
    })
  ).json.entries;
  await client.turn({ kind: 'text', text: EMAIL });
  entries = (await client.turn({ kind: 'text', text: harness.testBot.codeFor(EMAIL) })).json.entries;
  const pick = async (choiceId: string) => {
    entries = (await client.turn({ kind: 'choice', choiceId, stateVersion: lastReply(entries).stateVersion }))
      .json.entries;
  };
  await pick('DEV-0002');
  await pick('delete');
  entries = (
    await client.turn({ kind: 'acknowledge', ackIds: ACKS, stateVersion: lastReply(entries).stateVersion })
  ).json.entries;
  const final = lastReply(entries);
  expect(final.choices?.map((c) => c.id)).toContain('confirm');
  return final;
}

const deletions = (harness: WebHarness) =>
  harness.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');

describe('web chat: only the question on screen can be answered (item 1)', () => {
  it('a bare 「はい」 after the could-not-understand prompt re-shows the confirmation and deletes nothing', async () => {
    web = await startWeb();
    const client = web.client();
    const final = await toFinalConfirmation(web, client);
    let entries = (await client.turn({ kind: 'text', text: 'えーと' })).json.entries;
    entries = (await client.turn({ kind: 'text', text: 'うーん' })).json.entries;
    entries = (await client.turn({ kind: 'text', text: 'んー' })).json.entries;
    const escapePrompt = lastReply(entries);
    expect(escapePrompt.text).toContain('うまく受け取れませんでした');
    expect(escapePrompt.choices?.map((c) => c.id)).toEqual(['__retry', '__human', '__stop']);

    entries = (await client.turn({ kind: 'text', text: 'はい' })).json.entries;
    expect(deletions(web)).toEqual([]);
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('deleteMiemasuDevice');
    const again = lastReply(entries);
    expect(again.choices?.map((c) => c.id)).toContain('confirm');
    expect(again.stateVersion).toBeGreaterThan(final.stateVersion);
    expect(botText(entries)).not.toContain('削除（解約）しました');

    // The earlier showing's button is stale now; the one on screen works, once.
    entries = (await client.turn({ kind: 'choice', choiceId: 'confirm', stateVersion: final.stateVersion }))
      .json.entries;
    expect(botText(entries)).toContain('以前の画面');
    expect(deletions(web)).toEqual([]);
    const current = lastReply(entries);
    entries = (await client.turn({ kind: 'text', text: 'はい' })).json.entries;
    expect(current.choices?.map((c) => c.id)).toContain('confirm');
    expect(deletions(web)).toHaveLength(1);
    expect(deletions(web)[0]?.args).toMatchObject({ deviceId: 'DEV-0002' });
  });

  it('a typed number answers the prompt on screen: 1 is "try again", which shows the confirmation again', async () => {
    web = await startWeb();
    const client = web.client();
    await toFinalConfirmation(web, client);
    for (const text of ['えーと', 'うーん', 'んー']) await client.turn({ kind: 'text', text });
    const entries = (await client.turn({ kind: 'text', text: '1' })).json.entries;
    expect(lastReply(entries).choices?.map((c) => c.id)).toContain('confirm');
    expect(deletions(web)).toEqual([]);
  });
});

/**
 * The cancellation draft's creation with an unknown outcome, through the real client and the fault server in front
 * of the sandbox: the bot re-reads the application list. The draft is there (the request reached the sandbox, the
 * answer was a 503): it is treated as created — the final confirmation names it, and stopping withdraws it. It is
 * not there (the request never reached the sandbox): the customer is told it was not created. The list cannot be
 * read either: the customer is told it may exist, with the desk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Driver } from '../engine/harness.js';
import { type FaultRig, startFaultRig } from './support.js';

const PORTAL_CUSTOMER = 'portal@example.com';
const CONTRACT = 'HMMH061530';
const CREATE_DRAFT = { method: 'POST', path: /^\/csps\/contracts\/HMMH061530\/cancellation-applications$/ };
const APPLICATION_LIST = { method: 'GET', path: /^\/csps\/applications$/ };
/** More than the client's attempts: every attempt of the call meets the fault. */
const EVERY_ATTEMPT = 5;

let rig: FaultRig | undefined;
let users = 0;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Signed in, type-M contract, reason and domain given: the terms are on screen, nothing written. */
async function atTheTerms(r: FaultRig): Promise<Driver> {
  const user = r.user(`faults:w-terms-csps-draft-${++users}`);
  await user.say('こんにちは');
  await user.click('csps-cancel');
  await user.say(PORTAL_CUSTOMER);
  await user.say(r.codeFor(PORTAL_CUSTOMER));
  await user.click(CONTRACT);
  await user.click('cost');
  await user.click('transfer');
  expect(user.lastText()).toContain('最終確認に進みますか');
  return user;
}

const draftsOf = (r: FaultRig) =>
  r.sandbox.snapshot().applications.filter((a) => a.contractNumber === CONTRACT);

describe('csps: the draft creation answered 503 (outcome unknown)', () => {
  it('created after all: the re-read finds it, the final confirmation names it, やめる withdraws it', async () => {
    rig = await startFaultRig({ timeoutMs: 300 });
    const user = await atTheTerms(rig);
    rig.faults.inject(CREATE_DRAFT, { kind: 'status', status: 503, forward: true }, EVERY_ATTEMPT);
    await user.click('proceed');
    const [draft] = draftsOf(rig);
    expect(draft?.status).toBe('cancellation-draft');
    expect(rig.effects('createCancellationApplication', draft?.applicationNumber ?? '')).toBe(1);
    expect(rig.faults.matching(APPLICATION_LIST).length).toBeGreaterThan(0);
    expect(user.lastText()).toContain(
      `お申込番号「${draft?.applicationNumber}」の下書き（解約お申込作成中）として作成しました`,
    );
    expect(user.last.at(-1)?.acknowledgements?.map((a) => a.id)).toEqual([
      'service-termination',
      'minimum-term-charge',
    ]);
    expect(user.lastText()).not.toContain('可能性があります');

    await user.say('やめる');
    expect(user.lastText()).toContain(
      `お申込番号「${draft?.applicationNumber}」の下書き（解約お申込作成中）を取り消し`,
    );
    expect(draftsOf(rig)).toEqual([]);
    expect(rig.sandbox.snapshot().contracts.find((c) => c.contractNumber === CONTRACT)?.status).toBe(
      'service-started',
    );
  });

  it('never reached the backend: the re-read shows no draft, and the customer is told so', async () => {
    rig = await startFaultRig({ timeoutMs: 300 });
    const user = await atTheTerms(rig);
    rig.faults.inject(CREATE_DRAFT, { kind: 'status', status: 503, forward: false }, EVERY_ATTEMPT);
    await user.click('proceed');
    expect(draftsOf(rig)).toEqual([]);
    expect(rig.faults.matching(APPLICATION_LIST).length).toBeGreaterThan(0);
    const text = user.lastText();
    expect(text).toContain('下書きは作成されていませんでした');
    expect(text).toContain('何も変更していません');
    expect(text).not.toContain('可能性があります');
  });

  it('the re-read fails too: the draft may exist, and the desk is shown', async () => {
    rig = await startFaultRig({ timeoutMs: 300 });
    const user = await atTheTerms(rig);
    rig.faults.inject(CREATE_DRAFT, { kind: 'status', status: 503, forward: true }, EVERY_ATTEMPT);
    rig.faults.inject(APPLICATION_LIST, { kind: 'status', status: 503 }, EVERY_ATTEMPT);
    await user.click('proceed');
    expect(draftsOf(rig)).toHaveLength(1);
    const text = user.lastText();
    expect(text).toContain('下書きができている可能性があります');
    expect(text).toContain('03-6631-2540'); // the HOME applications desk
    expect(text).not.toContain('作成されていませんでした');
  });
});

/**
 * A customer sees and acts only on their own devices and contracts, whatever ids the input carries — through the
 * engine (the real procedures over the in-memory sandbox). Verified as camera-two (CUS-1001: DEV-0001, DEV-0002),
 * the customer forges choices and types ids of camera-monthly's device DEV-0003 (CUS-1003); verified as portal
 * (CUS-2001), they forge and type portal-other's contract HMCX040001 (CUS-2002). Nothing is called with those ids,
 * the answer is a polite re-prompt, and the sandbox itself (read as the contact centre, on the other customer's
 * behalf) still has the other customer's device and contract unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import type { OperationRegistry } from '../../src/engine/operations.js';
import { DEMO_AGENT_KEYS } from '../../src/sandbox/demo-data.js';
import { createTestBot, type TestBot } from '../support/bot-harness.js';

const AGENT_KEY = Object.keys(DEMO_AGENT_KEYS)[0] ?? '';
const FOREIGN = ['DEV-0003', 'CameraMO', 'HMCX040001', 'CUS-1003', 'CUS-2002'];

let bot: TestBot | undefined;
let operations: OperationRegistry | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function start(): Promise<TestBot> {
  bot = await createTestBot({
    ...procedureBundle(),
    decorateOperations: (ops) => {
      operations = ops;
      return ops;
    },
  });
  return bot;
}

/** Reads the sandbox as the contact centre, on `customerId`'s behalf (not through any dialog). */
async function asContactCentre(operation: string, customerId: string, args: Record<string, unknown> = {}) {
  const op = operations?.[operation];
  if (!op) throw new Error(`no operation ${operation}`);
  return op.run(args, {
    conversationKey: 'security:check',
    actor: { kind: 'agent', id: 'security-check', onBehalfOf: customerId },
    locale: 'ja',
    credentials: { agentKey: AGENT_KEY },
  });
}

/** Every recorded call whose arguments mention another customer's id. */
function foreignCalls(testBot: TestBot) {
  return testBot.calls.filter((call) => FOREIGN.some((id) => JSON.stringify(call.args).includes(id)));
}

const version = (testBot: TestBot) => testBot.last.at(-1)?.stateVersion ?? 0;
const choiceIds = (testBot: TestBot) => testBot.last.flatMap((r) => r.choices ?? []).map((c) => c.id);

describe('a verified camera customer cannot reach another customer’s device', () => {
  it('forged and typed ids of DEV-0003 are re-prompted at every step; only the own device is deleted', async () => {
    const user = await start();
    await user.say('カメラを削除したい');
    await user.verify('camera-two@example.com');
    expect(choiceIds(user)).toEqual(['DEV-0001', 'DEV-0002', 'quit']);

    // At the device list: a forged button with the current version, then the id and name typed.
    await user.send({ kind: 'choice', choiceId: 'DEV-0003', stateVersion: version(user) });
    expect(user.lastText()).toContain('一覧の機器名でお選びください');
    await user.say('DEV-0003');
    await user.say('CameraMO');
    expect(user.lastText()).not.toContain('CameraMO（');
    // An entry point whose text names the other device starts over, it does not pick anything.
    await user.send({ kind: 'start', dialogId: 'miemasu-delete-device', text: 'DEV-0003' });
    expect(choiceIds(user)).toEqual(['DEV-0001', 'DEV-0002', 'quit']);

    // At the confirmation of the own device: forged ids in every phase.
    await user.click('DEV-0001');
    await user.click('delete');
    await user.send({ kind: 'choice', choiceId: 'DEV-0003', stateVersion: version(user) });
    await user.tick(['no-refund', 'license-forfeit', 'data-loss']);
    await user.send({ kind: 'choice', choiceId: 'DEV-0003', stateVersion: version(user) });
    await user.say('DEV-0003');
    expect(user.lastText()).toContain('「CameraOA」（cameraoa.miemasu.example）を削除（解約）します');
    await user.click('confirm');

    const deletions = user.calls.filter((c) => c.operation === 'deleteMiemasuDevice');
    expect(deletions.map((c) => [c.args.deviceId, c.outcome])).toEqual([['DEV-0001', 'ok']]);
    expect(foreignCalls(user)).toEqual([]);

    // The sandbox still has camera-monthly's device.
    const theirs = await asContactCentre('listMiemasuDevices', 'CUS-1003');
    expect(theirs.ok && JSON.stringify(theirs.data)).toContain('DEV-0003');
  });

  it('and the backend itself refuses a delete of DEV-0003 made with camera-two’s own token', async () => {
    // The last line of defence, below the dialogs: a call naming another customer's device with the customer's
    // own token is refused by the backend (it resolves devices within the token's customer only).
    const user = await start();
    const customer = {
      conversationKey: 'security:direct',
      actor: { kind: 'customer' as const, id: 'sec' },
      locale: 'ja' as const,
    };
    await operations?.startVerification?.run({ email: 'camera-two@example.com' }, customer);
    const mail = user.outbox.at(-1);
    const confirmed = await operations?.confirmVerification?.run(
      { verificationId: mail?.verificationId, code: mail?.code },
      customer,
    );
    const token =
      confirmed?.ok && typeof confirmed.data === 'object' && confirmed.data !== null
        ? (confirmed.data as { credentials?: { customerToken?: string } }).credentials?.customerToken
        : undefined;
    expect(token).toBeTruthy();
    const forged = await operations?.deleteMiemasuDevice?.run(
      { deviceId: 'DEV-0003' },
      {
        ...customer,
        idempotencyKey: 'security-forged-delete-0001',
        credentials: { customerToken: token ?? '' },
      },
    );
    expect(forged).toMatchObject({ ok: false, kind: 'refused' });
    const theirs = await asContactCentre('listMiemasuDevices', 'CUS-1003');
    expect(theirs.ok && JSON.stringify(theirs.data)).toContain('DEV-0003');
  });
});

describe('a verified portal customer cannot reach another customer’s contract', () => {
  it('HMCX040001 forged or typed at the contract list is re-prompted; nothing is quoted, drafted or submitted', async () => {
    const user = await start();
    await user.say('ポータルの契約を解約したい');
    await user.verify('portal@example.com');
    expect(choiceIds(user)).toContain('HMMH061530');
    expect(choiceIds(user)).not.toContain('HMCX040001');

    await user.send({ kind: 'choice', choiceId: 'HMCX040001', stateVersion: version(user) });
    expect(user.lastText()).toContain('一覧の番号か、契約番号（例: HMAO061322）でお選びください');
    await user.say('HMCX040001');
    await user.say('ＨＭＣＸ－０４０００１');
    await user.say('HOME type-CX');
    await user.send({ kind: 'start', dialogId: 'csps-cancel', text: 'HMCX040001' });
    expect(user.lastText()).not.toContain('HMCX040001｜');
    expect(foreignCalls(user)).toEqual([]);
    expect(
      user.calls.filter((c) =>
        ['getCancellationQuote', 'createCancellationApplication'].includes(c.operation),
      ),
    ).toEqual([]);

    const theirs = await asContactCentre('getCspsContract', 'CUS-2002', { contractNumber: 'HMCX040001' });
    expect(theirs).toMatchObject({
      ok: true,
      data: { contractNumber: 'HMCX040001', status: 'service-started' },
    });
    const applications = await asContactCentre('listCspsApplications', 'CUS-2002');
    expect(applications.ok && JSON.stringify(applications.data)).not.toContain('HMCX040001');
  });
});

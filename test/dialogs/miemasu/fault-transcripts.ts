/**
 * Conversations where the backend refuses, fails or answers unexpectedly (injected faults, see support.ts):
 * every one ends saying plainly whether anything changed.
 */
import type { OperationOutcome } from '../../../src/engine/operations.js';
import { ALL_DEVICE_ACKS, EMPTY, TWO } from './demo.js';
import type { FaultyTranscript } from './support.js';

const unreachable: OperationOutcome = { ok: false, kind: 'unreachable', detail: 'injected' };
/** The backend answered, but not as the contract allows (invariant 8). */
const offContract: OperationOutcome = {
  ok: false,
  kind: 'unreachable',
  detail: 'injected',
  offContract: true,
};
const CANNOT_SHOW = '申し訳ありません。ただいまこの内容を表示できません。';
const refused = (code: string): OperationOutcome => ({ ok: false, kind: 'refused', code });

/** Steps up to the final confirmation of deleting CameraOA (camera-two). */
const toDeleteFinal = [
  { user: 'こんにちは' },
  { click: 'delete' },
  { verify: TWO },
  { click: 'DEV-0001' },
  { click: 'delete' },
  { tick: ALL_DEVICE_ACKS },
];

/** Steps up to the typed phrase of withdrawing camera-empty. */
const toWithdrawTyped = [
  { user: 'こんにちは' },
  { click: 'withdraw' },
  { verify: EMPTY },
  { tick: ['account-deletion'] },
  { click: 'confirm' },
];

export const faultTranscripts: FaultyTranscript[] = [
  {
    name: 'identification cannot start: deletion does not continue',
    faults: [{ operation: 'startVerification', call: 1, outcome: unreachable }],
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      { user: TWO, expect: { contains: ['ご本人確認ができなかったため', '何も変更していません'] } },
    ],
  },
  {
    name: 'identification cannot start: withdrawal does not continue',
    faults: [{ operation: 'startVerification', call: 1, outcome: unreachable }],
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { user: EMPTY, expect: { contains: ['ご本人確認ができなかったため', '何も変更していません'] } },
    ],
  },
  {
    name: 'the account cannot be read: deletion says nothing changed',
    faults: [{ operation: 'getMiemasuAccount', call: 1, outcome: unreachable }],
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      { verify: TWO, expect: { contains: ['システムに接続できません', '何も変更していません'] } },
    ],
  },
  {
    name: 'the device list cannot be read: withdrawal says nothing changed',
    faults: [{ operation: 'listMiemasuDevices', call: 1, outcome: unreachable }],
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { verify: TWO, expect: { contains: ['システムに接続できません', '何も変更していません'] } },
    ],
  },
  {
    name: 'the account is answered off-contract: deletion says it cannot show this now, never "cannot connect"',
    faults: [{ operation: 'getMiemasuAccount', call: 1, outcome: offContract }],
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      {
        verify: TWO,
        expect: { contains: [CANNOT_SHOW, '何も変更していません'], notContains: ['接続できません'] },
      },
    ],
  },
  {
    name: 'the device list is answered off-contract: withdrawal says it cannot show this now, never "cannot connect"',
    faults: [{ operation: 'listMiemasuDevices', call: 1, outcome: offContract }],
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      {
        verify: TWO,
        expect: { contains: [CANNOT_SHOW, '何も変更していません'], notContains: ['接続できません'] },
      },
    ],
  },
  {
    name: 'the device was deleted elsewhere meanwhile (not-found)',
    faults: [{ operation: 'deleteMiemasuDevice', call: 1, outcome: refused('not-found') }],
    steps: [
      ...toDeleteFinal,
      {
        click: 'confirm',
        expect: { contains: ['「CameraOA」はすでに登録されていませんでした。何も変更していません。'] },
      },
    ],
  },
  {
    name: 'the backend refuses the deletion for a monthly plan',
    faults: [{ operation: 'deleteMiemasuDevice', call: 1, outcome: refused('monthly-plan-not-covered') }],
    steps: [
      ...toDeleteFinal,
      { click: 'confirm', expect: { contains: ['月額支払いのため', '何も変更していません'] } },
    ],
  },
  {
    name: 'the backend refuses the deletion for another reason',
    faults: [{ operation: 'deleteMiemasuDevice', call: 1, outcome: refused('internal-error') }],
    steps: [
      ...toDeleteFinal,
      {
        click: 'confirm',
        expect: { contains: ['「CameraOA」を削除できませんでした。機器は削除されていません。'] },
      },
    ],
  },
  {
    name: 'deleted, but the list cannot be read to verify it',
    faults: [{ operation: 'listMiemasuDevices', call: 2, outcome: unreachable }],
    steps: [
      ...toDeleteFinal,
      {
        click: 'confirm',
        expect: {
          contains: ['「CameraOA」の削除を受け付けました', '機器一覧を確認できませんでした'],
          notContains: ['確認しました'],
        },
      },
    ],
  },
  {
    name: 'the backend says deleted but the list still shows the device: the bot does not claim success',
    faults: [
      {
        operation: 'deleteMiemasuDevice',
        call: 1,
        outcome: {
          ok: true,
          data: {
            deviceId: 'DEV-0001',
            name: 'CameraOA',
            domainName: 'cameraoa.miemasu.example',
            remainingDevices: 1,
          },
        },
      },
    ],
    steps: [
      ...toDeleteFinal,
      {
        click: 'confirm',
        expect: {
          contains: ['機器一覧にまだ「CameraOA」が表示されています'],
          notContains: ['削除（解約）しました'],
        },
      },
    ],
  },
  {
    name: 'a device appears before the withdrawal (devices-remain): the list is read again and confirmed again',
    faults: [{ operation: 'withdrawAnnualPack', call: 1, outcome: refused('devices-remain') }],
    steps: [
      ...toWithdrawTyped,
      {
        type: '退会します',
        expect: {
          contains: ['まだ登録されている機器があるため、退会できませんでした', '☐ 退会すると'],
          calls: ['withdrawAnnualPack', 'listMiemasuDevices'],
        },
      },
      { tick: ['account-deletion'] },
      { click: 'confirm' },
      {
        type: '退会します',
        expect: { contains: ['退会処理完了'], calls: ['withdrawAnnualPack', 'getMiemasuAccount'] },
      },
    ],
  },
  {
    name: 'the backend refuses the withdrawal for a monthly plan: the customer is told where to go',
    faults: [{ operation: 'withdrawAnnualPack', call: 1, outcome: refused('monthly-plan-not-covered') }],
    steps: [
      ...toWithdrawTyped,
      {
        type: '退会します',
        expect: { contains: ['月額支払いのため', '何も変更していません'], choices: ['person', 'finish'] },
      },
      { click: 'finish', expect: { contains: ['何も変更していません'], noCalls: true } },
    ],
  },
  {
    name: 'the withdrawal is refused for another reason',
    faults: [{ operation: 'withdrawAnnualPack', call: 1, outcome: refused('internal-error') }],
    steps: [...toWithdrawTyped, { type: '退会します', expect: { contains: ['退会は行われていません'] } }],
  },
  {
    name: 'withdrawn, but the account still answers: the bot does not claim success',
    faults: [
      {
        operation: 'withdrawAnnualPack',
        call: 1,
        outcome: { ok: true, data: { customerId: 'CUS-1002', withdrawnAt: '2026-11-23T01:00:00.000Z' } },
      },
    ],
    steps: [
      ...toWithdrawTyped,
      {
        type: '退会します',
        expect: { contains: ['ご契約がまだ残っているように見えます'], notContains: ['退会処理完了'] },
      },
    ],
  },
  {
    name: 'withdrawn, but the result cannot be checked',
    faults: [{ operation: 'getMiemasuAccount', call: 2, outcome: unreachable }],
    steps: [
      ...toWithdrawTyped,
      {
        type: '退会します',
        expect: { contains: ['退会の処理を受け付けました', '結果を確認できませんでした'] },
      },
    ],
  },
];

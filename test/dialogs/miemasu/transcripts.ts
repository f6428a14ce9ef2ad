/**
 * Conversations with the みえますねっと dialogs against the real sandbox (demo data, 2026-11-23 10:00 JST).
 * camera-two: CameraOA/CameraOB (licences to 2027-06-30, 219 days left); camera-empty: no devices;
 * camera-monthly: monthly plan.
 */
import type { Transcript } from '../../support/transcript.js';

export const TWO = 'camera-two@example.com';
export const EMPTY = 'camera-empty@example.com';
export const MONTHLY = 'camera-monthly@example.com';
export const ALL_DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];
const SIGN_IN = ['startVerification', 'confirmVerification'];

export const happyTranscripts: Transcript[] = [
  {
    name: 'deletes CameraOA after the facts, each acknowledgement and the final confirmation, then verifies it',
    steps: [
      { user: 'こんにちは', expect: { choices: ['delete', 'withdraw'] } },
      { click: 'delete', expect: { contains: ['メールアドレス'], notContains: ['パスワードを入力'] } },
      {
        verify: TWO,
        expect: {
          contains: [
            '削除（解約）する機器をお選びください',
            'CameraOA（cameraoa.miemasu.example／有効期限 2027年6月30日',
            'CameraOB（cameraob.miemasu.example',
          ],
          choices: ['DEV-0001', 'DEV-0002', 'quit'],
          calls: [...SIGN_IN, 'getMiemasuAccount', 'listMiemasuDevices'],
        },
      },
      { click: 'DEV-0001', expect: { contains: ['「CameraOA」のライセンスを別の機器', '機器の交換'], noCalls: true } },
      {
        click: 'delete',
        expect: {
          contains: [
            '機器名: CameraOA',
            'ドメイン名: cameraoa.miemasu.example',
            'ライセンス有効期限: 2027年6月30日',
            'ライセンスの残り期間: あと219日（払い戻しはありません）',
            '☐ ライセンスの有効期間中に削除（解約）しても、残りの期間の払い戻しはありません。',
            'ライセンスキーは再利用できません',
            '録画データなどが削除されます。もう一度機器を登録しても、データは元に戻りません。',
          ],
          noCalls: true,
        },
      },
      { tick: ['no-refund', 'data-loss'], expect: { contains: ['まだ確認されていない項目があります'], noCalls: true } },
      {
        tick: ALL_DEVICE_ACKS,
        expect: {
          contains: ['「CameraOA」（cameraoa.miemasu.example）を削除（解約）します。よろしいですか？'],
          choices: ['confirm', 'cancel'],
          noCalls: true,
        },
      },
      {
        click: 'confirm',
        expect: {
          contains: [
            '「CameraOA」（cameraoa.miemasu.example）を削除（解約）しました',
            '機器一覧から「CameraOA」がなくなったことを確認しました',
            'ほかに登録されている機器はそのままです',
          ],
          notContains: ['退会手続きをしますか'],
          calls: ['deleteMiemasuDevice', 'listMiemasuDevices'],
        },
      },
    ],
  },
  {
    name: 'deleting the last device offers the withdrawal, which needs its own acknowledgement and typed phrase',
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      { verify: TWO },
      { user: 'CameraOA' },
      { click: 'delete' },
      { tick: ALL_DEVICE_ACKS },
      { click: 'confirm', expect: { calls: ['deleteMiemasuDevice', 'listMiemasuDevices'] } },
      { user: 'こんにちは' },
      // Still identified: straight to the list, which no longer has CameraOA.
      {
        click: 'delete',
        expect: { contains: ['CameraOB'], notContains: ['CameraOA'], calls: ['getMiemasuAccount', 'listMiemasuDevices'] },
      },
      { click: 'DEV-0002' },
      { click: 'delete' },
      { user: '1 2 3', expect: { contains: ['「CameraOB」（cameraob.miemasu.example）を削除（解約）します'] } },
      {
        click: 'confirm',
        expect: {
          contains: ['「CameraOB」がなくなったことを確認しました', '登録されている機器はこれですべて削除されました', '退会手続きをしますか'],
          choices: ['withdraw', 'keep'],
          calls: ['deleteMiemasuDevice', 'listMiemasuDevices'],
        },
      },
      {
        click: 'withdraw',
        expect: {
          contains: [
            'お客様番号: CUS-1001',
            '登録されている機器: なし',
            '☐ 退会すると、登録した契約者情報はすべて削除されます。元に戻すことはできません。',
          ],
          calls: ['getMiemasuAccount', 'listMiemasuDevices'],
        },
      },
      { tick: ['account-deletion'], expect: { contains: ['お客様番号 CUS-1001 の「みえますねっと年間パック」を退会します。よろしいですか？'] } },
      { click: 'confirm', expect: { contains: ['「退会します」と入力してください'], noCalls: true } },
      { type: '退会', expect: { contains: ['入力が一致しませんでした'], noCalls: true } },
      {
        type: '退会します',
        expect: {
          contains: ['退会処理完了', '契約者情報はすべて削除されました', '退会日: 2026年11月23日'],
          calls: ['withdrawAnnualPack', 'getMiemasuAccount'],
        },
      },
    ],
  },
  {
    name: 'moving the licence to another device leads to device exchange, nothing is deleted',
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      { verify: TWO },
      { click: 'DEV-0002' },
      {
        click: 'exchange',
        expect: {
          contains: ['https://panasonic.biz/cns/miemasu/guide/exchange01.html', '「CameraOB」は削除していません', '何も変更していません'],
          noCalls: true,
        },
      },
      { user: 'こんにちは' },
      { click: 'delete', expect: { contains: ['CameraOA', 'CameraOB'] } },
    ],
  },
  {
    name: 'stopping at the device choice changes nothing',
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      { verify: TWO },
      { click: 'quit', expect: { contains: ['何も変更していません'], noCalls: true } },
    ],
  },
  {
    name: 'cancelling at the final confirmation deletes nothing',
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      { verify: TWO },
      { click: 'DEV-0001' },
      { click: 'delete' },
      { tick: ALL_DEVICE_ACKS },
      { click: 'cancel', expect: { contains: ['「CameraOA」の削除を取りやめました。何も変更していません。'], noCalls: true } },
      { user: 'こんにちは' },
      { click: 'delete', expect: { contains: ['CameraOA', 'CameraOB'] } },
    ],
  },
  {
    name: 'with no device registered, deletion offers the withdrawal; keeping the pack changes nothing',
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      {
        verify: EMPTY,
        expect: { contains: ['登録されている機器はありません', '退会手続きをしますか'], choices: ['withdraw', 'keep'] },
      },
      { click: 'keep', expect: { contains: ['年間パックの退会は行っていません'], noCalls: true } },
    ],
  },
  {
    name: 'withdrawal with devices left: each is deleted with its own confirmation, the list is re-read, then withdrawal',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      {
        verify: TWO,
        expect: {
          contains: ['すべての機器を削除（解約）する必要があります', 'CameraOA: cameraoa.miemasu.example', 'CameraOB: cameraob.miemasu.example'],
          choices: ['DEV-0001', 'DEV-0002', 'quit'],
          calls: [...SIGN_IN, 'getMiemasuAccount', 'listMiemasuDevices'],
        },
      },
      { click: 'DEV-0001', expect: { contains: ['あと219日', '☐ 機器の設定、通知情報、録画データ'], noCalls: true } },
      { tick: ALL_DEVICE_ACKS },
      {
        click: 'confirm',
        expect: {
          contains: ['「CameraOA」（cameraoa.miemasu.example）を削除（解約）しました', '[CameraOB（'],
          notContains: ['[CameraOA（'],
          calls: ['deleteMiemasuDevice', 'listMiemasuDevices', 'listMiemasuDevices'],
        },
      },
      { click: 'DEV-0002' },
      {
        click: 'cancel',
        expect: { contains: ['「CameraOB」の削除を取りやめました。何も変更していません。', '[CameraOB（'], calls: ['listMiemasuDevices'] },
      },
      { user: 'CameraOB' },
      { tick: ALL_DEVICE_ACKS },
      {
        click: 'confirm',
        expect: {
          contains: ['「CameraOB」がなくなったことを確認しました', '☐ 退会すると、登録した契約者情報はすべて削除されます'],
          calls: ['deleteMiemasuDevice', 'listMiemasuDevices', 'listMiemasuDevices'],
        },
      },
      { tick: ['account-deletion'] },
      { click: 'confirm' },
      { type: '退会します', expect: { contains: ['退会処理完了'], calls: ['withdrawAnnualPack', 'getMiemasuAccount'] } },
    ],
  },
  {
    name: 'withdrawal stopped while devices remain changes nothing more',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { verify: TWO },
      { click: 'quit', expect: { contains: ['退会の手続きを中止しました。年間パックの退会は行っていません。'], noCalls: true } },
    ],
  },
  {
    name: 'cancelling the withdrawal at the typed phrase keeps the pack',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { verify: EMPTY, expect: { contains: ['お客様番号: CUS-1002'] } },
      { tick: ['account-deletion'] },
      { click: 'confirm' },
      { click: 'cancel', expect: { contains: ['退会を取りやめました', '契約者情報はそのままです'], noCalls: true } },
    ],
  },
  {
    name: 'after withdrawing, neither procedure finds an account',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { verify: EMPTY },
      { tick: ['account-deletion'] },
      { click: 'confirm' },
      { type: '退会します', expect: { contains: ['退会処理完了'] } },
      { user: 'こんにちは' },
      { click: 'withdraw', expect: { contains: ['ご契約が見つかりませんでした', '何も変更していません'], calls: ['getMiemasuAccount'] } },
      { user: 'こんにちは' },
      { click: 'delete', expect: { contains: ['ご契約が見つかりませんでした'], calls: ['getMiemasuAccount'] } },
    ],
  },
  {
    name: 'a monthly-plan customer is told deletion is not for them; nothing runs',
    steps: [
      { user: 'こんにちは' },
      { click: 'delete' },
      {
        verify: MONTHLY,
        expect: {
          contains: ['月額支払いのため、このお手続き', '担当者にご相談ください', '何も変更していません'],
          notContains: ['CameraMO'],
          calls: [...SIGN_IN, 'getMiemasuAccount'],
        },
      },
      { click: 'finish', expect: { contains: ['何も変更していません'], noCalls: true } },
    ],
  },
  {
    name: 'a monthly-plan customer asking to withdraw is pointed to a person; nothing runs',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { verify: MONTHLY, expect: { contains: ['月額支払いのため'], calls: [...SIGN_IN, 'getMiemasuAccount'] } },
      { click: 'person', expect: { contains: ['担当者の連絡先をご案内します'], noCalls: true } },
    ],
  },
];

/**
 * Device deletion conversations against the real sandbox (demo data, 2026-11-23 10:00 JST).
 * camera-two: CameraOA/CameraOB (licences to 2027-06-30, 219 days left); camera-empty: no devices.
 */
import type { Transcript } from '../../support/transcript.js';
import { ALL_DEVICE_ACKS, EMPTY, SIGN_IN, TWO } from './demo.js';

export const deleteTranscripts: Transcript[] = [
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
      {
        click: 'DEV-0001',
        expect: { contains: ['「CameraOA」のライセンスを別の機器', '機器の交換'], noCalls: true },
      },
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
      {
        tick: ['no-refund', 'data-loss'],
        expect: { contains: ['まだ確認されていない項目があります'], noCalls: true },
      },
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
        expect: {
          contains: ['CameraOB'],
          notContains: ['CameraOA'],
          calls: ['getMiemasuAccount', 'listMiemasuDevices'],
        },
      },
      { click: 'DEV-0002' },
      { click: 'delete' },
      {
        user: '1 2 3',
        expect: { contains: ['「CameraOB」（cameraob.miemasu.example）を削除（解約）します'] },
      },
      {
        click: 'confirm',
        expect: {
          contains: [
            '「CameraOB」がなくなったことを確認しました',
            '登録されている機器はこれですべて削除されました',
            '退会手続きをしますか',
          ],
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
      {
        tick: ['account-deletion'],
        expect: {
          contains: ['お客様番号 CUS-1001 の「みえますねっと年間パック」を退会します。よろしいですか？'],
        },
      },
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
          contains: [
            'https://panasonic.biz/cns/miemasu/guide/exchange01.html',
            '「CameraOB」は削除していません',
            '何も変更していません',
          ],
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
      {
        click: 'cancel',
        expect: { contains: ['「CameraOA」の削除を取りやめました。何も変更していません。'], noCalls: true },
      },
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
        expect: {
          contains: ['登録されている機器はありません', '退会手続きをしますか'],
          choices: ['withdraw', 'keep'],
        },
      },
      { click: 'keep', expect: { contains: ['年間パックの退会は行っていません'], noCalls: true } },
    ],
  },
];

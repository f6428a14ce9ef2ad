/**
 * Withdrawal (and monthly-plan) conversations against the real sandbox (demo data, 2026-11-23 10:00 JST).
 * camera-two: CameraOA/CameraOB; camera-empty: no devices; camera-monthly: monthly plan.
 */
import type { Transcript } from '../../support/transcript.js';
import { ALL_DEVICE_ACKS, EMPTY, MONTHLY, SIGN_IN, TWO } from './demo.js';

export const withdrawTranscripts: Transcript[] = [
  {
    name: 'withdrawal with devices left: each is deleted with its own confirmation, the list is re-read, then withdrawal',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      {
        verify: TWO,
        expect: {
          contains: [
            'すべての機器を削除（解約）する必要があります',
            'CameraOA: cameraoa.miemasu.example',
            'CameraOB: cameraob.miemasu.example',
          ],
          choices: ['DEV-0001', 'DEV-0002', 'quit'],
          calls: [...SIGN_IN, 'getMiemasuAccount', 'listMiemasuDevices'],
        },
      },
      {
        click: 'DEV-0001',
        expect: { contains: ['あと219日', '☐ 機器の設定、通知情報、録画データ'], noCalls: true },
      },
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
        expect: {
          contains: ['「CameraOB」の削除を取りやめました。何も変更していません。', '[CameraOB（'],
          calls: ['listMiemasuDevices'],
        },
      },
      { user: 'CameraOB' },
      { tick: ALL_DEVICE_ACKS },
      {
        click: 'confirm',
        expect: {
          contains: [
            '「CameraOB」がなくなったことを確認しました',
            '☐ 退会すると、登録した契約者情報はすべて削除されます',
          ],
          calls: ['deleteMiemasuDevice', 'listMiemasuDevices', 'listMiemasuDevices'],
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
    name: 'withdrawal stopped while devices remain changes nothing more',
    steps: [
      { user: 'こんにちは' },
      { click: 'withdraw' },
      { verify: TWO },
      {
        click: 'quit',
        expect: {
          contains: ['退会の手続きを中止しました。年間パックの退会は行っていません。'],
          noCalls: true,
        },
      },
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
      {
        click: 'cancel',
        expect: { contains: ['退会を取りやめました', '契約者情報はそのままです'], noCalls: true },
      },
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
      {
        click: 'withdraw',
        expect: {
          contains: ['ご契約が見つかりませんでした', '何も変更していません'],
          calls: ['getMiemasuAccount'],
        },
      },
      { user: 'こんにちは' },
      {
        click: 'delete',
        expect: { contains: ['ご契約が見つかりませんでした'], calls: ['getMiemasuAccount'] },
      },
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
      {
        verify: MONTHLY,
        expect: { contains: ['月額支払いのため'], calls: [...SIGN_IN, 'getMiemasuAccount'] },
      },
      { click: 'person', expect: { contains: ['担当者の連絡先をご案内します'], noCalls: true } },
    ],
  },
];

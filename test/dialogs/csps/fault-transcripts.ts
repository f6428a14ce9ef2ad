/**
 * Conversations where the backend fails or time passes: every end must say exactly what has (and has not)
 * been changed — nothing, a withdrawn draft, a draft left behind, or an accepted cancellation not yet verified.
 */
import type { BotOptions } from '../../../src/bot.js';
import type { Transcript, TranscriptStep } from '../../support/transcript.js';
import { alteredAnswer, lostAnswer, rewrite, unreachable } from './faults.js';
import { draftAfterTerms, signIn } from './transcripts.js';

export interface FaultTranscript extends Transcript {
  decorate?: BotOptions['decorateOperations'];
  /** Time passes (on the bot's and the sandbox's shared clock), then these steps follow. */
  later?: { advanceMs: number; steps: TranscriptStep[] };
}

const BOTH_ACKS = ['service-termination', 'minimum-term-charge'];

/** Sign in, choose HOME type-O (no minimum term), give a reason, acknowledge: at the final question. */
const toFinalQuestion: TranscriptStep[] = [
  ...signIn,
  { user: 'HMAO061322' },
  { click: 'cost', expect: { noCalls: true } },
  ...draftAfterTerms('R-20261123-238080'),
  { tick: BOTH_ACKS, expect: { contains: ['よろしいですか？'] } },
];

export const faultTranscripts: FaultTranscript[] = [
  {
    name: 'identification cannot start: nothing changes',
    decorate: unreachable('startVerification'),
    steps: [
      { user: '解約したい' },
      {
        user: 'portal@example.com',
        expect: { contains: ['ご本人確認ができなかったため', '何も変更していません'] },
      },
    ],
  },
  {
    name: 'the contract list cannot be read: nothing changes',
    decorate: unreachable('listCspsContracts'),
    steps: [
      { user: '解約したい' },
      {
        verify: 'portal@example.com',
        expect: {
          contains: ['ただいまお手続きを続けられません。何も変更していません'],
          calls: ['startVerification', 'confirmVerification', 'listCspsContracts'],
        },
      },
    ],
  },
  {
    name: 'the draft was created but its answer lost: the re-read finds it and the final confirmation names it',
    decorate: lostAnswer('createCancellationApplication'),
    steps: [
      ...signIn,
      { user: 'HMAO061322' },
      { click: 'cost', expect: { noCalls: true } },
      {
        click: 'proceed',
        expect: {
          calls: ['createCancellationApplication', 'listCspsApplications'],
          contains: ['お申込番号「R-20261123-238080」の下書き（解約お申込作成中）として作成しました'],
          acknowledgements: BOTH_ACKS,
        },
      },
    ],
  },
  {
    name: 'the draft creation never reached the backend: the re-read shows none, said so',
    decorate: unreachable('createCancellationApplication'),
    steps: [
      ...signIn,
      { user: 'HMAO061322' },
      { click: 'cost', expect: { noCalls: true } },
      {
        click: 'proceed',
        expect: {
          calls: ['createCancellationApplication', 'listCspsApplications'],
          contains: ['下書きは作成されていませんでした', '何も変更していません'],
        },
      },
    ],
  },
  {
    name: 'the draft may or may not have been created (the re-read fails too): said so, with the desk',
    decorate: (ops) => unreachable('listCspsApplications')(lostAnswer('createCancellationApplication')(ops)),
    steps: [
      ...signIn,
      { user: 'HMAO061322' },
      { click: 'cost', expect: { noCalls: true } },
      {
        click: 'proceed',
        expect: {
          calls: ['createCancellationApplication', 'listCspsApplications'],
          contains: [
            '作成結果を確認できませんでした',
            '解約のお申込は完了していません',
            '下書きができている可能性があります',
            'お問い合わせ先は次のとおりです',
          ],
        },
      },
    ],
  },
  {
    name: 'Therefore Online: the deadline passes between the draft and the submission; our draft is withdrawn',
    now: '2026-11-27T23:50:00+09:00',
    steps: [
      ...signIn,
      { user: 'TFOL040112' },
      {
        click: 'cost',
        expect: {
          contains: [
            'その月のお申込期限（当方の計算による目安）: 2026年11月27日',
            '2027年1月末で解約（最短）',
          ],
        },
      },
      {
        click: '2027-01',
        expect: {
          contains: ['2027年1月31日'],
          calls: ['getCancellationQuote'],
        },
      },
      ...draftAfterTerms('R-20261127-238080'),
      { tick: BOTH_ACKS },
    ],
    later: {
      advanceMs: 20 * 60_000,
      steps: [
        {
          click: 'confirm',
          expect: {
            contains: [
              '解約のお申込は行っていません',
              'お申込番号「R-20261127-238080」の下書き（解約お申込作成中）を取り消し',
              '「サービス開始」に戻ったことを確認しました',
            ],
            calls: ['submitCancellationApplication', 'withdrawApplication', 'getCspsContract'],
          },
        },
      ],
    },
  },
  {
    name: 'submitted, but the status cannot be read back: accepted, with the number and the e-mail',
    decorate: unreachable('getCspsApplication'),
    steps: [
      ...toFinalQuestion,
      {
        click: 'confirm',
        expect: {
          contains: [
            '解約のお申込を承りました（お申込番号「R-20261123-238080」）',
            '状態の確認ができませんでした',
            'メールアドレスにお送りします',
          ],
          calls: ['submitCancellationApplication', 'getCspsApplication'],
        },
      },
    ],
  },
  {
    name: 'submitted, but the status read back is not 解約お申込受付中: not claimed as done, sent to the desk',
    decorate: alteredAnswer('getCspsApplication', (data) => ({
      ...data,
      status: 'cancellation-draft',
      statusLabel: '解約お申込作成中',
    })),
    steps: [
      ...toFinalQuestion,
      {
        click: 'confirm',
        expect: {
          contains: [
            '現在の状態が「解約お申込作成中」と表示されており、受付を確認できませんでした',
            '03-6631-2540',
          ],
          notContains: ['承りました'],
        },
      },
    ],
  },
  {
    name: 'our draft is withdrawn on decline, but the contract cannot be read back: said so, with the desk',
    decorate: unreachable('getCspsContract'),
    steps: [
      ...toFinalQuestion,
      {
        click: 'cancel',
        expect: {
          contains: [
            '解約のお申込は行っていません',
            '下書きは取り消しましたが、ご契約の状態が「サービス開始」に戻ったことを確認できませんでした',
            '03-6631-2540',
          ],
          calls: ['withdrawApplication', 'getCspsContract'],
        },
      },
    ],
  },
  {
    name: 'our draft cannot be withdrawn after やめる: said so truthfully, with the desk',
    decorate: rewrite('withdrawApplication', async () => ({
      ok: false,
      kind: 'refused',
      code: 'application-not-withdrawable',
    })),
    steps: [
      ...toFinalQuestion,
      {
        user: 'やめる',
        expect: {
          contains: [
            '解約のお申込は完了していません',
            '「R-20261123-238080」の下書き（解約お申込作成中）を取り消せたかどうか確認できませんでした',
            '03-6631-2540',
          ],
          notContains: ['何も変更していません', '「サービス開始」に戻ったことを確認しました'],
          calls: ['withdrawApplication'],
        },
      },
    ],
  },
  {
    name: 'the withdrawal of our draft has an unknown outcome: reconciled with the same key, then reported',
    decorate: lostAnswer('withdrawApplication'),
    steps: [
      ...toFinalQuestion,
      { click: 'cancel', expect: { choices: ['__recheck', '__human'], calls: ['withdrawApplication'] } },
    ],
  },
  {
    name: 'the change draft is withdrawn, then the backend is lost: the withdrawal is reported, no cancellation',
    decorate: unreachable('getCspsContract'),
    steps: [
      ...signIn,
      { user: 'HMAO021976' },
      { click: 'withdraw' },
      { tick: ['draft-discarded'] },
      {
        click: 'confirm',
        expect: {
          contains: [
            'お申込番号「R-20261120-092562」の取り消しは完了していますが、解約のお申込はまだ行っていません',
          ],
          calls: ['withdrawApplication', 'getCspsContract'],
        },
      },
    ],
  },
];

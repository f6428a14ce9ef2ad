/** Transcripts of the cloud service portal walkthroughs (cancellation steps 1–8 and the <付録>), as data. */
import { CSPS_LOGIN_URL as LOGIN } from '../../../dialogs/walkthrough/index.js';
import type { Transcript } from '../../support/transcript.js';
import { everyStepWithTrouble, type StepExpectation } from './support.js';

const cancelSteps: StepExpectation[] = [
  {
    prompt: [
      '1. クラウドサービスポータルサイトにログインします',
      LOGIN,
      'ログインID（メールアドレス）',
      '「※パスワードを忘れた方はこちら」',
    ],
    trouble: [
      '「※パスワードを忘れた方はこちら」をクリックしてください',
      '「※パートナーの方はこちら」',
      LOGIN,
    ],
  },
  { prompt: ['2. 「ご契約一覧」をクリックします'], trouble: ['「メニュー」'] },
  {
    prompt: [
      '3. 該当サービスステータスが「サービス開始」の「詳細」をクリックします',
      '「変更お申込作成中」の場合は、<付録>をご参照ください',
    ],
    trouble: [
      '何らかのお申込途中です',
      '「解約お申込受付中」',
      '「パートナー作成中」',
      '[<付録>の手順を見る]',
    ],
    troubleChoices: ['detour'],
  },
  { prompt: ['4. 「解約お申込」をクリックします', '「ご契約情報詳細」'], trouble: ['「一覧に戻る」'] },
  {
    prompt: [
      '5. 「解約理由」を入力します',
      '「保存して次へ」をクリックします',
      '「ドメインを他社サービスへ移行」あるいは「ドメイン廃止」',
      '解約日（HOME、uniFLOW Online）: お申し込みいただいた日の翌月末に解約となります。',
      '解約日（Therefore Online）: 解約希望月の 35 日前までにお申し込みが必要となります。',
      '最低利用期間: 商品によっては最低利用期間があります。「最低利用期間を経過しておりません。」',
    ],
    trouble: [
      '最低利用期間分の料金をまとめてお支払いいただきます',
      'HOME type-S/SL/AP、AOSBOX：12ヶ月（月額12回）',
      'HOME type-CD/CS/CX/C6：2ヶ月（月額2回）',
      'HOME type-O：最低利用期間無し',
      'uniFLOW Online、Therefore Online：12ヶ月（月額12回）',
    ],
  },
  {
    prompt: ['6. 「解約」をクリックします', '「解約お申込作成中」'],
    trouble: ['「取消」ではなく「解約」をクリックしてください'],
  },
  {
    prompt: ['7. 「OK」をクリックします', '「お申込番号「R-…」を解約します。よろしいですか？」'],
    trouble: ['もう一度「解約」'],
  },
  {
    prompt: ['8. お申込完了です', '「解約のお申込を承りました。」', '「解約お申込受付中」'],
    trouble: ['お問い合わせ先にご相談ください'],
  },
];
const cancelDone = ['以上で解約申込は完了です。', '翌月末', 'このチャットでは何も変更していません'];

const draftSteps: StepExpectation[] = [
  {
    prompt: ['「お申込一覧」をクリックし、ステータスが「変更お申込作成中」の「詳細」をクリックします。'],
    trouble: ['「パートナー作成中」', '削除できないものと当方では解釈しています'],
  },
  { prompt: ['「取消」をクリックします。'], trouble: ['「解約」ではなく「取消」'] },
  { prompt: ['<付録> 手順3', '「OK」をクリックします。'], trouble: ['もう一度「取消」'] },
  {
    prompt: ['もう一度「OK」をクリックします。', '「「変更お申込作成中」の文書は削除されました。」'],
    trouble: ['手順1からやり直して'],
  },
  {
    prompt: ['「ご契約一覧」を確認すると、ステータスが「サービス開始」となります。'],
    trouble: ['手順1からやり直して'],
  },
];
const draftDone = [
  '付録の手順（「変更お申込作成中」の文書の削除）のご案内は終わりです',
  '解約のお申込を行います',
  '「解約お申込」',
  'このチャットでは何も変更していません',
];
const draftIntro = ['<付録>', '何らかのお申込途中です', '誤って作成してしまった場合は'];

const open = (option: string, contains: string[]) => [
  { user: 'こんにちは', expect: { contains: ['どの手順をご覧になりますか'] } },
  { click: option, expect: { contains, choices: ['next', 'cannot'], noCalls: true } },
];

export const cspsTranscripts: Transcript[] = [
  {
    name: 'cancellation: steps 1–8, each trouble text, then success (no backend call)',
    steps: [
      ...open('csps-cancel', ['NVS クラウド', ...(cancelSteps[0]?.prompt ?? [])]),
      ...everyStepWithTrouble(cancelSteps, cancelDone),
    ],
  },
  {
    name: 'the <付録>: withdrawing a 変更お申込作成中 draft, each trouble text, then back to 解約お申込',
    steps: [
      ...open('csps-draft', [...draftIntro, ...(draftSteps[0]?.prompt ?? [])]),
      ...everyStepWithTrouble(draftSteps, draftDone),
    ],
  },
  {
    name: 'cancellation blocked by a draft: the <付録> runs from step 3, then back to step 3 and on to step 4',
    steps: [
      ...open('csps-cancel', ['1. クラウドサービスポータルサイトにログインします']),
      { click: 'next', expect: { contains: ['2. 「ご契約一覧」'] } },
      { click: 'next', expect: { contains: ['3. 該当サービスステータス'] } },
      { click: 'cannot', expect: { choices: ['detour'] } },
      { click: 'detour', expect: { contains: [...draftIntro, '<付録> 手順1'], noCalls: true } },
      ...['手順2', '手順3', '手順4', '手順5'].map((step) => ({
        click: 'next',
        expect: { contains: [step] },
      })),
      {
        click: 'next',
        expect: { contains: [...draftDone, '3. 該当サービスステータスが「サービス開始」の「詳細」'] },
      },
      { click: 'next', expect: { contains: ['4. 「解約お申込」をクリックします'] } },
    ],
  },
  {
    name: 'cancellation: stopping inside the <付録> stops once, saying nothing changed',
    steps: [
      ...open('csps-cancel', ['1. クラウドサービスポータルサイトにログインします']),
      { click: 'next' },
      { click: 'next' },
      { click: 'cannot' },
      { click: 'detour', expect: { contains: ['<付録> 手順1'] } },
      { click: 'cannot' },
      {
        click: 'stop',
        expect: {
          contains: ['ご案内を終了します。このチャットでは何も変更していません。'],
          notContains: ['<付録>', '3. 該当'],
        },
      },
    ],
  },
];

/** From the first step of each walkthrough: contact details (desks and hours added by the engine), or stop. */
export const contactAndStopTranscripts: Transcript[] = (
  [
    ['miemasu-delete', 'https://www.miemasu.net'],
    ['miemasu-withdraw', 'https://www.miemasu.net'],
    ['csps-cancel', '03-6631-2540'],
    ['csps-draft', '03-6719-9532'],
  ] as const
).flatMap(([option, desk]): Transcript[] => [
  {
    name: `${option}: 「できない」 → contact details, nothing changed`,
    steps: [
      { user: 'こんにちは' },
      { click: option },
      { click: 'cannot' },
      {
        click: 'contact',
        expect: {
          contains: ['お問い合わせ先をご案内します。このチャットでは何も変更していません。', desk],
          noCalls: true,
        },
      },
      { user: 'こんにちは', expect: { contains: ['どの手順をご覧になりますか'] } },
    ],
  },
  {
    name: `${option}: 「できない」 → stop, nothing changed`,
    steps: [
      { user: 'こんにちは' },
      { click: option },
      { click: 'cannot' },
      {
        click: 'stop',
        expect: { contains: ['ご案内を終了します。このチャットでは何も変更していません。'], noCalls: true },
      },
    ],
  },
]);

/** Transcripts of the みえますねっと walkthroughs (device deletion, annual-pack withdrawal), as data. */
import {
  MIEMASU_EXCHANGE_GUIDE_URL as EXCHANGE,
  MIEMASU_LOGIN_URL as LOGIN,
  MIEMASU_PASSWORD_RESET_URL as RESET,
} from '../../../dialogs/walkthrough/index.js';
import type { Transcript } from '../../support/transcript.js';
import { everyStepWithTrouble, type StepExpectation } from './support.js';

const PC_ONLY = 'ログインはパソコンから行ってください。スマートフォン/タブレットからはログインできません。';

/** STEP1–STEP3: the same in both procedures. The login step carries the PC-only note and the reset link. */
const loginSteps: StepExpectation[] = [
  {
    prompt: ['STEP1', `ログインサイト ${LOGIN}`, PC_ONLY],
    trouble: ['スマートフォン/タブレットからはログインできません', 'パソコンのブラウザー'],
  },
  {
    prompt: [
      'STEP2',
      'Eメールアドレスを記憶する',
      '「パスワードを忘れた方はこちら」',
      RESET,
      'パスワードはこのチャットには入力しないでください',
    ],
    trouble: ['「パスワードを忘れた方はこちら」をクリックし、画面に従って再設定してください', RESET, PC_ONLY],
  },
  { prompt: ['STEP3', 'メニューバーの[設定]ボタンをクリックします。'], trouble: ['メニューバー'] },
];

const deleteSteps: StepExpectation[] = [
  ...loginSteps,
  {
    prompt: ['STEP4', '削除する機器の[詳細]ボタンをクリックします。'],
    trouble: ['「機器の交換」', EXCHANGE],
  },
  {
    prompt: ['STEP5', '[機器削除(機器の解約)]ボタンをクリックします。'],
    trouble: ['[機器削除(機器の解約)]ボタンは'],
  },
  {
    prompt: [
      'STEP6',
      'チェックボックスにチェックを入れて[削除]ボタンをクリックします。',
      '[キャンセル]ボタン',
      '払い戻し: ライセンスの有効期間中に解約(機器を削除)した場合の払い戻しは行いません。',
      'ライセンスキー: ライセンスの有効期限が残っている場合でもライセンスキーを再利用することができません。',
      '機器のデータ: 機器の設定や通知情報、録画データ等が削除されます。',
      `ライセンスを別の機器に移す場合: 削除ではなく「機器の交換」を行ってください（${EXCHANGE}）。`,
    ],
    trouble: ['[キャンセル]ボタンをクリックしてください。機器は削除されず、そのまま残ります。'],
  },
  {
    prompt: ['STEP7', '「機器一覧」画面で、選択した機器が削除されていることを確認します。'],
    trouble: ['STEP3からもう一度'],
  },
];
const deleteDone = ['以上で機器の削除(解約)は完了です。', 'このチャットでは何も変更していません'];
const deleteIntro = [
  '月額支払いで利用する「みえますねっと」の説明ではありません',
  '払い戻しは行いません',
  EXCHANGE,
];

const withdrawSteps: StepExpectation[] = [
  {
    prompt: ['すべての機器の削除(解約)はお済みですか', '[すべて削除しました]', '[まだ機器が残っています]'],
    trouble: ['「登録している機器を削除(解約)する」の手順', '[機器の削除(解約)の手順を見る]'],
    troubleChoices: ['detour'],
  },
  ...loginSteps,
  { prompt: ['STEP4', '管理メニューの[契約者情報設定]ボタンをクリックします。'], trouble: ['管理メニュー'] },
  { prompt: ['STEP5', '[退会手続き]ボタンをクリックします。'], trouble: ['[契約者情報設定]'] },
  {
    prompt: [
      'STEP6',
      'チェックボックスにチェックを入れて[退会]ボタンをクリックします。',
      '契約者情報: 退会すると登録した契約者情報はすべて削除されます',
    ],
    trouble: ['すべての機器を削除(解約)する必要があります'],
  },
  {
    prompt: ['STEP7', '「退会処理完了」画面が表示されます。'],
    trouble: ['退会が完了していない可能性があります'],
  },
];
const withdrawDone = ['以上で退会は完了です。', 'このチャットでは何も変更していません'];

const open = (option: string, contains: string[]) => [
  {
    user: 'こんにちは',
    expect: {
      contains: ['どの手順をご覧になりますか'],
      choices: ['miemasu-delete', 'miemasu-withdraw', 'csps-cancel', 'csps-draft'],
    },
  },
  { click: option, expect: { contains, choices: ['next', 'cannot'], noCalls: true } },
];

export const miemasuTranscripts: Transcript[] = [
  {
    name: 'device deletion: every step, its trouble text, retry, next, then success (no backend call)',
    steps: [
      ...open('miemasu-delete', [...deleteIntro, ...(deleteSteps[0]?.prompt ?? [])]),
      ...everyStepWithTrouble(deleteSteps, deleteDone),
    ],
  },
  {
    name: 'withdrawal: precondition, every step with its trouble, ends with 「退会処理完了」 and success',
    steps: [
      ...open('miemasu-withdraw', [
        '退会すると登録した契約者情報はすべて削除されます',
        ...(withdrawSteps[0]?.prompt ?? []),
      ]),
      ...everyStepWithTrouble(withdrawSteps, withdrawDone),
    ],
  },
  {
    name: 'withdrawal with devices left: the deletion walkthrough runs, then back to the precondition',
    steps: [
      ...open('miemasu-withdraw', ['すべての機器の削除(解約)はお済みですか']),
      { click: 'cannot', expect: { choices: ['detour'] } },
      { click: 'detour', expect: { contains: [...deleteIntro, 'STEP1', PC_ONLY], noCalls: true } },
      ...['STEP2', 'STEP3', 'STEP4', 'STEP5', 'STEP6'].map((step) => ({
        click: 'next',
        expect: { contains: [step] },
      })),
      { click: 'next', expect: { contains: ['STEP7', '機器一覧'] } },
      { click: 'next', expect: { contains: [...deleteDone, 'すべての機器の削除(解約)はお済みですか'] } },
      { click: 'next', expect: { contains: ['STEP1', PC_ONLY], notContains: ['以上で'] } },
    ],
  },
  {
    name: 'withdrawal: stopping inside the deletion walkthrough stops once, saying nothing changed',
    steps: [
      ...open('miemasu-withdraw', ['すべての機器の削除(解約)はお済みですか']),
      { click: 'cannot' },
      { click: 'detour', expect: { contains: ['STEP1'] } },
      { click: 'cannot' },
      {
        click: 'stop',
        expect: {
          contains: ['ご案内を終了します。このチャットでは何も変更していません。'],
          notContains: ['STEP'],
        },
      },
      { user: 'こんにちは', expect: { contains: ['どの手順をご覧になりますか'] } },
    ],
  },
  {
    name: 'deletion: typed answers, the global 戻る goes to the previous step, やめる stops',
    steps: [
      ...open('miemasu-delete', ['STEP1']),
      { user: '次へ', expect: { contains: ['STEP2'] } },
      { user: '次へ', expect: { contains: ['STEP3'] } },
      { user: '戻る', expect: { contains: ['STEP2', RESET], notContains: ['STEP3'] } },
      { user: 'わかりません', expect: { contains: ['「次へ」', '「できない」', '「戻る」'] } },
      { user: 'できない', expect: { contains: ['「パスワードを忘れた方はこちら」', RESET] } },
      { user: 'やめる', expect: { contains: ['何も変更していません'], noCalls: true } },
    ],
  },
  {
    name: 'in English: the PC-only note and the reset link',
    steps: [
      { user: 'english', expect: { contains: ['Which one would you like?'] } },
      {
        click: 'miemasu-delete',
        expect: { contains: ['STEP 1', LOGIN, 'You cannot log in from a smartphone or tablet'] },
      },
      {
        click: 'next',
        expect: { contains: ['STEP 2', 'Forgot your password?', RESET, '[Next]', "[I can't]"] },
      },
      {
        click: 'cannot',
        expect: { contains: [RESET, '[Try this step again]', '[See contact details]', '[Stop here]'] },
      },
    ],
  },
];

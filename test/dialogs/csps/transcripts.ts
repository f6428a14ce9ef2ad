/**
 * Conversations with the CSPS cancellation dialog against the sandbox's demo data (portal@example.com, today
 * 2026-11-23): one per contract status / service kind, plus the ways out. Each step names the backend calls it
 * makes, so "nothing was submitted before the final confirmation" is checked, not assumed.
 */
import type { Transcript, TranscriptStep } from '../../support/transcript.js';

const SIGNED_IN = ['startVerification', 'confirmVerification', 'listCspsContracts'];

/** Start, sign in as the demo portal customer, and see the contract list. */
export const signIn: TranscriptStep[] = [
  { user: '解約したい', expect: { contains: ['メールアドレスを入力してください'], noCalls: true } },
  {
    verify: 'portal@example.com',
    expect: {
      contains: [
        'ご本人確認ができました',
        '解約するご契約をお選びください',
        'HMMH061530｜HOME type-M（サービス開始）',
      ],
      calls: SIGNED_IN,
    },
  },
];

const BOTH_ACKS = ['service-termination', 'minimum-term-charge'];

/**
 * Invariant 10: the terms were shown (no write yet, nothing ticked); the customer chooses to go on, and only then
 * is the draft created — the final confirmation names it and asks the acknowledgements, once.
 */
export function draftAfterTerms(applicationNumber: string): TranscriptStep[] {
  return [
    {
      click: 'proceed',
      expect: {
        contains: [`お申込番号「${applicationNumber}」の下書き（解約お申込作成中）として作成しました`],
        acknowledgements: BOTH_ACKS,
        calls: ['createCancellationApplication'],
      },
    },
  ];
}

export const transcripts: Transcript[] = [
  {
    name: 'HOME type-M inside its minimum term: domain choice, quote facts, acknowledgements, submit, verify',
    steps: [
      ...signIn,
      // Typed with full-width letters and a hyphen: matched by the contract-number alias.
      {
        user: 'ＨＭＭＨ-０６１５３０',
        expect: { contains: ['解約の理由をお選びください'], calls: ['getCancellationQuote'] },
      },
      { user: 'banana', expect: { contains: ['一覧の番号でお選びください'], noCalls: true } },
      {
        click: 'cost',
        expect: { contains: ['ドメインの扱い', 'ドメインを他社サービスへ移行する'], noCalls: true },
      },
      {
        click: 'transfer',
        expect: {
          contains: [
            '解約のお申込（下書きの作成）を始める前に、内容をご確認ください',
            '費用は標準価格で目安の金額です',
            '契約番号: HMMH061530',
            '解約日（サービス最終日）: 2026年12月31日',
            '最低利用期間: 12か月（まだ経過していません）',
            '最低利用期間までの残りの請求回数: 4回',
            'まとめて請求される金額（目安）: ￥13,200（標準価格による目安の金額です）',
            'ドメインの扱い: ドメインを他社サービスへ移行する',
            '解約理由: 費用を見直すため',
            '・2026年12月31日(木)をもってサービスが終了し、それ以降はご利用いただけなくなります。',
            '残り4回分、￥13,200',
            'ご契約 HMMH061530 の解約お申込（下書き）を作成し、最終確認に進みますか',
          ],
          notContains: ['R-20261123-238080', '☐'],
          choices: ['proceed', 'stop'],
          acknowledgements: [],
          noCalls: true,
        },
      },
      ...draftAfterTerms('R-20261123-238080'),
      {
        tick: ['service-termination'],
        expect: { contains: ['まだ確認されていない項目があります'], noCalls: true },
      },
      {
        tick: BOTH_ACKS,
        expect: {
          contains: [
            'ご契約 HMMH061530 の解約を申し込みます。お申込番号「R-20261123-238080」を解約します。よろしいですか？',
          ],
          choices: ['confirm', 'cancel'],
          noCalls: true,
        },
      },
      {
        click: 'confirm',
        expect: {
          contains: [
            '解約のお申込を承りました',
            'ステータス: 解約お申込受付中',
            '「解約お申込受付中」になったことを確認しました',
            'お申込番号は「R-20261123-238080」です',
            'メールアドレスにお送りします',
          ],
          calls: ['submitCancellationApplication', 'getCspsApplication'],
        },
      },
    ],
  },
  {
    name: 'HOME type-O: no minimum term, no domain question, a reason typed as free text, confirmed with はい',
    steps: [
      ...signIn,
      { user: 'hmao061322', expect: { contains: ['解約の理由'], calls: ['getCancellationQuote'] } },
      { click: 'other', expect: { contains: ['解約の理由を入力してください'], noCalls: true } },
      {
        user: '社内で別のメールサービスに統一するためです。',
        expect: {
          contains: [
            '最低利用期間: なし',
            '最低利用期間がないため',
            '解約理由: 社内で別のメールサービスに統一するためです。',
            'ご契約 HMAO061322 の解約お申込（下書き）を作成し',
          ],
          // No minimum term: no "0 billings, ￥0" rows and no ￥0 remaining-charge acknowledgement.
          notContains: ['ドメインの扱い', '残りの請求回数', '￥0', '残り0回分'],
          noCalls: true,
        },
      },
      {
        // The terms are shown, not ticked: the first choice goes on to the draft.
        user: '1',
        expect: {
          contains: ['R-20261123-238080', '最低利用期間がないため'],
          acknowledgements: ['service-termination', 'minimum-term-charge'],
          calls: ['createCancellationApplication'],
        },
      },
      { user: '1 2', expect: { contains: ['ご契約 HMAO061322 の解約を申し込みます'], noCalls: true } },
      {
        user: 'はい',
        expect: {
          contains: ['解約のお申込を承りました', '解約日（サービス最終日）: 2026年12月31日'],
          calls: ['submitCancellationApplication', 'getCspsApplication'],
        },
      },
    ],
  },
  {
    name: 'Therefore Online: the 35-day rule offers January 2027 first; a later month is chosen and quoted',
    steps: [
      ...signIn,
      { user: 'TFOL040112', expect: { contains: ['解約の理由'], calls: ['getCancellationQuote'] } },
      {
        click: 'switch',
        expect: {
          contains: [
            '「解約希望月の35日前までにお申し込みが必要」',
            '最短の解約月: 2027年1月',
            'その月のお申込期限（当方の計算による目安）: 2026年11月27日',
            '2027年1月末で解約（最短）',
            '2027年12月末で解約',
          ],
          notContains: ['2026年12月末で解約'],
          noCalls: true,
        },
      },
      {
        user: '2027年3月',
        expect: {
          contains: [
            '解約日（サービス最終日）: 2027年3月31日',
            '解約希望月: 2027年3月',
            '最低利用期間: 12か月（経過しています）',
          ],
          calls: ['getCancellationQuote'],
        },
      },
      ...draftAfterTerms('R-20261123-238080'),
      { tick: BOTH_ACKS, expect: { contains: ['ご契約 TFOL040112 の解約を申し込みます'], noCalls: true } },
      {
        click: 'confirm',
        expect: {
          contains: ['解約日（サービス最終日）: 2027年3月31日', '解約お申込受付中'],
          calls: ['submitCancellationApplication', 'getCspsApplication'],
        },
      },
    ],
  },
  {
    name: 'uniFLOW Online (issue 13): the ¥132,000 charge before any write; declining the final confirmation withdraws our draft',
    steps: [
      ...signIn,
      { user: 'UFOL050233', expect: { calls: ['getCancellationQuote'] } },
      {
        click: 'unused',
        expect: {
          contains: [
            '残りの請求回数: 6回',
            '￥132,000',
            '解約日（サービス最終日）: 2026年12月31日',
            '残り6回分、￥132,000',
          ],
          noCalls: true,
        },
      },
      ...draftAfterTerms('R-20261123-238080'),
      {
        click: 'cancel',
        expect: {
          contains: [
            '解約のお申込は行っていません',
            'お申込番号「R-20261123-238080」の下書き（解約お申込作成中）を取り消し',
            '「サービス開始」に戻ったことを確認しました',
          ],
          notContains: ['すでに完了したお手続きは取り消されません'],
          calls: ['withdrawApplication', 'getCspsContract'],
        },
      },
      { user: 'HOMEを解約したい', expect: { contains: ['解約するご契約をお選びください'] } },
      {
        user: 'UFOL050233',
        expect: {
          contains: ['解約の理由をお選びください'],
          notContains: ['作成中のお申込があるため'],
          calls: ['getCancellationQuote'],
        },
      },
    ],
  },
  {
    name: 'HOME type-U2 Pro: stopping (やめる) at the final confirmation withdraws the draft and says so',
    steps: [
      ...signIn,
      { user: 'HMUH022123', expect: { calls: ['getCancellationQuote'] } },
      {
        click: 'cost',
        expect: { contains: ['最低利用期間: 12か月（経過しています）', '￥0'], noCalls: true },
      },
      ...draftAfterTerms('R-20261123-238080'),
      { tick: BOTH_ACKS, expect: { contains: ['よろしいですか'], noCalls: true } },
      {
        user: 'やめる',
        expect: {
          contains: [
            'お申込番号「R-20261123-238080」の下書き（解約お申込作成中）を取り消し',
            '解約のお申込は行っていません',
            'サービス開始',
          ],
          notContains: ['すでに完了したお手続きは取り消されません'],
          calls: ['withdrawApplication', 'getCspsContract'],
        },
      },
    ],
  },
  {
    name: '変更お申込作成中: the blocking change draft is withdrawn with its own confirmation, then the cancellation goes on',
    steps: [
      ...signIn,
      {
        user: 'HMAO021976',
        expect: {
          contains: [
            '作成中のお申込があるため',
            'お申込番号: R-20261120-092562',
            'ステータス: 変更お申込作成中',
            '作成者: お客様',
          ],
          choices: ['withdraw', 'keep'],
          calls: ['listCspsApplications'],
        },
      },
      {
        click: 'withdraw',
        expect: {
          contains: ['お申込番号「R-20261120-092562」（変更お申込作成中）を取り消します', '☐ このお申込と'],
          noCalls: true,
        },
      },
      { tick: ['draft-discarded'], expect: { contains: ['よろしいですか？'], noCalls: true } },
      {
        click: 'confirm',
        expect: {
          contains: [
            'お申込番号「R-20261120-092562」を取り消しました',
            '「サービス開始」に戻ったことを確認しました',
            '解約の理由をお選びください',
          ],
          calls: ['withdrawApplication', 'getCspsContract', 'getCancellationQuote'],
        },
      },
      { click: 'unused', expect: { contains: ['解約のお申込（下書きの作成）を始める前に'], noCalls: true } },
      ...draftAfterTerms('R-20261123-238080'),
      { tick: BOTH_ACKS, expect: { contains: ['ご契約 HMAO021976 の解約を申し込みます'] } },
      {
        click: 'confirm',
        expect: {
          contains: ['解約お申込受付中'],
          calls: ['submitCancellationApplication', 'getCspsApplication'],
        },
      },
    ],
  },
  {
    name: '変更お申込作成中: the customer keeps the change draft; nothing changes',
    steps: [
      ...signIn,
      { user: 'HMAO021976', expect: { calls: ['listCspsApplications'] } },
      { click: 'withdraw', expect: { noCalls: true } },
      {
        click: 'cancel',
        expect: { contains: ['お申込は取り消さずに終了します。何も変更していません'], noCalls: true },
      },
    ],
  },
  {
    name: 'パートナー作成中: sent to the partner or the HOME contact center',
    steps: [
      ...signIn,
      {
        user: 'HMAP022072',
        expect: {
          contains: [
            'パートナー（販売店）が作成中のお申込',
            'お申込番号: R-20261118-092313',
            'ステータス: パートナー作成中',
            'HOME コンタクトセンター: 電話: 03-6631-2540（平日 9:00〜18:00）',
            'home-support@canon-mj.co.jp',
            // 2026-11-23 is 勤労感謝の日: the desk is closed, and the next opening is given.
            'ただいま受付時間外です。次の受付開始は11月24日（火）9:00 です',
            'このチャットでは何も変更していません',
          ],
          notContains: ['取り消す'],
          calls: ['listCspsApplications'],
        },
      },
    ],
  },
  {
    name: '解約お申込受付中: already being cancelled, with the application number and date',
    steps: [
      ...signIn,
      {
        user: 'HMSL030455',
        expect: {
          contains: [
            'すでに解約のお申込を受け付けています',
            'お申込番号: R-20261103-238001',
            'ステータス: 解約お申込受付中',
            '解約日（サービス最終日）: 2026年12月31日',
            '何も変更していません',
          ],
          calls: ['listCspsApplications'],
        },
      },
    ],
  },
  {
    name: 'NVS cloud: a separate procedure, with both contact desks',
    steps: [
      ...signIn,
      {
        user: 'NVSV010203',
        expect: {
          contains: [
            'NVS クラウド（VisualStage など）の解約は、このお手続きとは別の手順です',
            '03-6631-2540',
            '03-6719-9532',
            'contract-csps@canon-mj.co.jp',
          ],
          noCalls: true,
        },
      },
    ],
  },
  {
    name: 'a contract that is not listed: the contact desks, nothing changed',
    steps: [
      ...signIn,
      {
        click: 'notListed',
        expect: { contains: ['一覧にないご契約は', '03-6631-2540', '何も変更していません'], noCalls: true },
      },
    ],
  },
  {
    name: 'a customer with no portal contracts',
    steps: [
      { user: '解約', expect: { noCalls: true } },
      {
        verify: 'camera-two@example.com',
        expect: { contains: ['ご契約を確認できませんでした', '何も変更していません'], calls: SIGNED_IN },
      },
    ],
  },
  {
    name: 'after the draft exists, back is refused and stop withdraws the draft; a new attempt is not blocked',
    steps: [
      ...signIn,
      { user: 'HMAO061322', expect: { calls: ['getCancellationQuote'] } },
      { click: 'cost', expect: { contains: ['最低利用期間: なし'], noCalls: true } },
      ...draftAfterTerms('R-20261123-238080'),
      {
        user: '戻る',
        expect: {
          contains: ['より前には戻れません'],
          notContains: ['解約の理由をお選びください'],
          noCalls: true,
        },
      },
      {
        user: 'やめる',
        expect: {
          contains: [
            '中止します。このお手続きで作成したものを取り消します。',
            'お申込番号「R-20261123-238080」の下書き（解約お申込作成中）を取り消し',
          ],
          notContains: ['何も変更していません', 'すでに完了したお手続きは取り消されません'],
          calls: ['withdrawApplication', 'getCspsContract'],
        },
      },
      { user: 'HOMEを解約したい', expect: { contains: ['解約するご契約をお選びください'] } },
      {
        user: 'HMAO061322',
        expect: {
          contains: ['解約の理由をお選びください'],
          notContains: ['作成中のお申込があるため'],
          calls: ['getCancellationQuote'],
        },
      },
      { click: 'unused', expect: { contains: ['解約理由: サービスを利用しなくなったため'], noCalls: true } },
      ...draftAfterTerms('R-20261123-238081'),
    ],
  },
  {
    name: 'in English: uniFLOW Online with the estimate labelled and the outcome verified',
    steps: [
      { user: 'English', expect: { contains: ['I will continue in English', 'e-mail address'] } },
      {
        verify: 'portal@example.com',
        expect: { contains: ['UFOL050233 | uniFLOW Online | Service started (サービス開始)'] },
      },
      { user: 'ufol 050233', expect: { contains: ['Why are you cancelling?'] } },
      {
        click: 'cost',
        expect: {
          contains: [
            'Billings remaining in the minimum period: 6',
            '¥132,000 (estimate based on standard prices)',
            'Minimum usage period: 12 months (not reached yet)',
            'Create the cancellation application (a draft) for contract UFOL050233',
          ],
          noCalls: true,
        },
      },
      {
        click: 'proceed',
        expect: {
          contains: ['draft application R-20261123-238080'],
          calls: ['createCancellationApplication'],
        },
      },
      {
        tick: BOTH_ACKS,
        expect: { contains: ['Cancel contract UFOL050233 by submitting application R-20261123-238080?'] },
      },
      {
        click: 'confirm',
        expect: {
          contains: ['Your cancellation application has been accepted', 'An e-mail with the details'],
        },
      },
    ],
  },
];

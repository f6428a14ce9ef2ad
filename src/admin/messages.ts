/**
 * The dashboard's text, Japanese (default, polite です・ます) and English. Procedure names are shown as the
 * audit log names them (`dialogId`), so they match the CSV export and the dialog diagrams.
 */
import type { Locale } from '../engine/turn.js';

const MESSAGES = {
  title: { ja: '運用ダッシュボード', en: 'Operations dashboard' },
  loginTitle: { ja: '運用ダッシュボードへのサインイン', en: 'Sign in to the operations dashboard' },
  loginHelp: {
    ja: '管理用トークン（ADMIN_TOKEN）を入力してください。デモではサーバーの起動時のログに表示されます。',
    en: 'Enter the admin token (ADMIN_TOKEN). In the demo it is printed in the server log at start-up.',
  },
  tokenLabel: { ja: '管理用トークン', en: 'Admin token' },
  signIn: { ja: 'サインイン', en: 'Sign in' },
  signOut: { ja: 'サインアウト', en: 'Sign out' },
  badToken: {
    ja: 'トークンが正しくありません。もう一度入力してください。',
    en: 'The token is not correct. Please enter it again.',
  },
  tooManyAttempts: {
    ja: '試行回数が多すぎます。1分ほど待ってから、もう一度お試しください。',
    en: 'Too many attempts. Please wait about a minute and try again.',
  },
  unavailable: {
    ja: 'この構成（STORE=memory）では監査ログを SQL で集計できないため、ダッシュボードは使えません。',
    en: 'With STORE=memory the audit log cannot be queried by SQL, so the dashboard is not available.',
  },
  otherLanguage: { ja: 'English', en: '日本語' },
  filters: { ja: '絞り込み', en: 'Filters' },
  from: { ja: '開始日', en: 'From' },
  to: { ja: '終了日', en: 'To' },
  channel: { ja: 'チャネル', en: 'Channel' },
  procedure: { ja: '手続き', en: 'Procedure' },
  language: { ja: '言語', en: 'Language' },
  all: { ja: 'すべて', en: 'All' },
  apply: { ja: '絞り込む', en: 'Apply' },
  window: {
    ja: '期間は日本時間の日付です（両端を含みます）。監査ログの保存期間（{days}日）より前は集計しません。',
    en: 'Dates are days in Japan time (both ends included). Nothing older than the audit retention ({days} days) is counted.',
  },
  funnel: { ja: '手続きごとのファネル', en: 'Funnel per procedure' },
  funnelCsv: { ja: 'ファネルを CSV でダウンロード', en: 'Download the funnel as CSV' },
  dailyCsv: { ja: '日別の推移を CSV でダウンロード', en: 'Download the daily series as CSV' },
  noData: { ja: 'この条件に当てはまる記録はありません。', en: 'No entries match these filters.' },
  containment: { ja: '自己完結率', en: 'Containment' },
  containmentHelp: {
    ja: '担当者を介さずに完了した件数 ÷ 開始件数',
    en: 'completed without a person ÷ started',
  },
  abandonmentRate: { ja: '放置率', en: 'Abandonment rate' },
  step: { ja: '段階', en: 'Step' },
  count: { ja: '件数', en: 'Count' },
  ofStarted: { ja: '開始に対する割合', en: 'Share of started' },
  dropOff: { ja: '前の段階からの離脱', en: 'Drop-off from the previous step' },
  started: { ja: '開始', en: 'Started' },
  shown: { ja: '注意事項の表示（{node}）', en: 'Disclosure shown ({node})' },
  acknowledged: { ja: '確認チェック: {ack}', en: 'Acknowledged: {ack}' },
  confirmed: { ja: '最終確認（{node}）', en: 'Confirmed ({node})' },
  completed: { ja: '完了（処理成功を確認）', en: 'Completed (a successful action on record)' },
  endings: { ja: '終了の内訳', en: 'How runs ended' },
  contained: { ja: '担当者なしで完了', en: 'Completed without a person' },
  resolved: { ja: '変更なしで解決', en: 'Resolved with nothing to change' },
  stopped: { ja: 'お客さまが中止', en: 'Stopped by the customer' },
  abandoned: { ja: '放置（解決には数えません）', en: 'Abandoned (never counted as resolved)' },
  handoffLive: { ja: '担当者へ引き継ぎ（チャット）', en: 'Handed off live' },
  handoffRequest: { ja: '担当者へ引き継ぎ（折り返し依頼）', en: 'Handed off by request' },
  endedHandoff: { ja: '引き継ぎで終了', en: 'Ended in a handoff' },
  failed: { ja: '失敗', en: 'Failed' },
  unknown: { ja: '結果不明', en: 'Outcome unknown' },
  inProgress: { ja: '進行中（待機時間内）', en: 'In progress (within the idle limit)' },
  overTime: {
    ja: '引き継ぎ率・放置率の推移（日本時間の日別）',
    en: 'Handoff and abandonment rates per day (Japan time)',
  },
  day: { ja: '日付', en: 'Day' },
  handedOff: { ja: '引き継ぎ', en: 'Handed off' },
  handoffRate: { ja: '引き継ぎ率', en: 'Handoff rate' },
  satisfaction: { ja: '満足度', en: 'Satisfaction' },
  answers: { ja: '回答数', en: 'Answers' },
  mean: { ja: '平均', en: 'Mean' },
  skipped: { ja: '回答なし（スキップ）', en: 'Skipped' },
  score: { ja: '評価', en: 'Score' },
  faq: { ja: 'よくある質問', en: 'FAQ' },
  faqAnswered: { ja: '回答した', en: 'Answered' },
  faqDeclined: { ja: '回答できなかった', en: 'Declined' },
  faqEscalated: { ja: '担当者へ', en: 'Escalated' },
  faqNotHelpful: { ja: '役に立たなかった', en: 'Not helpful' },
  topDeclined: {
    ja: '回答できなかった質問（多い順・2回以上・個人情報は伏せ字）',
    en: 'Most often declined questions (2 times or more, personal data redacted)',
  },
  question: { ja: '質問', en: 'Question' },
  funnelChart: {
    ja: '{procedure} のファネルのグラフ（表と同じ内容）',
    en: 'Funnel chart of {procedure} (same as the table)',
  },
  ratesChart: {
    ja: '引き継ぎ率と放置率のグラフ（表と同じ内容）',
    en: 'Chart of handoff and abandonment rates (same as the table)',
  },
  satisfactionChart: {
    ja: '満足度の分布のグラフ（表と同じ内容）',
    en: 'Chart of the satisfaction scores (same as the table)',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type AdminMessage = keyof typeof MESSAGES;

/** The message in `locale`, with `{name}` placeholders filled. */
export function adminText(
  locale: Locale,
  key: AdminMessage,
  values: Record<string, string | number> = {},
): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}

/** `?lang=en|ja` first, then the first language of Accept-Language; Japanese by default. */
export function adminLocale(query: URLSearchParams, acceptLanguage: string | undefined): Locale {
  const asked = query.get('lang');
  if (asked === 'en' || asked === 'ja') return asked;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

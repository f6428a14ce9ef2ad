/**
 * Every text of the live desk, in Japanese (polite です・ます, the default) and English: what the customer is
 * told, and the labels agents' rooms may use for their posts and buttons. Rooms render the summary with
 * `formatSummary` (summary.ts); these are the words around it.
 */
import type { Locale } from '../engine/turn.js';
import type { CloseReason, TicketStatus } from './ticket.js';

/** What the customer reads. */
export interface CustomerTexts {
  offerLive: string;
  offerLiveChoice: string;
  offerCallbackRequest: string;
  offerCallbackRequestChoice: string;
  askCallbackRequest: string;
  cancelChoice: string;
  callbackRequestCancelled: string;
  waiting(ticketId: string): string;
  callbackRequestTaken(ticketId: string, nextOpening: string | undefined): string;
  unavailable: string;
  nowClosed: string;
  relayedWaiting: string;
  relayFailed: string;
  hoursEnded(nextOpening: string | undefined): string;
  claimed: string;
  agentSays(text: string): string;
  handedBack: string;
  closedByAgent: string;
  customerLeft: string;
  inLiveChat: string;
  leaveChoice: string;
  alreadyBack: string;
  /** A button of an earlier offer: nothing was done. */
  stale: string;
}

/** What agents read in their rooms. */
export interface RoomTexts {
  heading(status: TicketStatus): string;
  ticketNo: string;
  customer: string;
  verified(customerId: string): string;
  unverified: string;
  channel: string;
  procedure: string;
  noProcedure: string;
  step: string;
  acknowledged: string;
  confirmed: string;
  pendingOperation: string;
  recentReplies: string;
  request: string;
  fromCustomer: string;
  fromAgent(label: string): string;
  claimButton: string;
  handBackButton: string;
  closeButton: string;
  claimedBy(label: string): string;
  closed(reason: CloseReason): string;
  refused(
    reason: 'not-agent' | 'not-claimer' | 'already-claimed' | 'closed' | 'not-claimed' | 'unknown',
  ): string;
}

const JA_LEAVE = '「ボットに戻る」';
const EN_LEAVE = '"back to bot"';

const customerJa: CustomerTexts = {
  offerLive: 'このチャットで担当者とお話しすることもできます。',
  offerLiveChoice: 'チャットで担当者と話す',
  offerCallbackRequest:
    'ただいまチャットの担当者は受付時間外です。ご依頼を残していただくと、受付時間内に担当者が確認し、このチャットでご連絡します。',
  offerCallbackRequestChoice: '担当者へのご依頼を残す',
  askCallbackRequest:
    '担当者へのご依頼の内容を入力してください。パスワードや確認コードは書かないでください。',
  cancelChoice: 'やめる',
  callbackRequestCancelled: 'ご依頼の入力を取りやめました。',
  waiting: (id) =>
    `担当者にお知らせしました（受付番号: ${id}）。担当者がチャットに参加するまで、少しお待ちください。ここに入力したメッセージは担当者に届きます。ボットのご案内に戻るときは${JA_LEAVE}と入力してください。`,
  callbackRequestTaken: (id, next) =>
    `ご依頼を承りました（受付番号: ${id}）。${next ? `次の受付開始（${next}）以降に` : '受付時間内に'}担当者が確認し、このチャットでご連絡します。お手続きはこのままボットで続けられます。`,
  unavailable:
    '申し訳ありません。ただいま担当者におつなぎできません。お手続きはこのままチャットで続けられます。',
  nowClosed: 'ただいまチャットの担当者は受付時間外になりました。',
  relayedWaiting: `担当者にお伝えしました。担当者がチャットに参加するまでお待ちください。ボットのご案内に戻るときは${JA_LEAVE}と入力してください。`,
  relayFailed: `申し訳ありません。メッセージを担当者に届けられませんでした。少し時間をおいてもう一度お送りいただくか、${JA_LEAVE}と入力してください。`,
  hoursEnded: (next) =>
    `受付時間が終了したため、いただいたメッセージはご依頼として担当者に残しました。${next ? `次の受付開始（${next}）以降に` : '受付時間内に'}担当者が確認し、このチャットでご連絡します。ボットのご案内に戻りました。`,
  claimed: `担当者がチャットに参加しました。ここに入力したメッセージは担当者に届きます。ボットのご案内に戻るときは${JA_LEAVE}と入力してください。`,
  agentSays: (text) => `担当者：${text}`,
  handedBack: '担当者からボットのご案内に戻しました。お手続きは中断したところから続けられます。',
  closedByAgent: '担当者との会話は終了しました。引き続きボットがご案内します。',
  customerLeft:
    'ボットのご案内に戻りました。担当者との会話は終了しました。お手続きは中断したところから続けられます。',
  inLiveChat: `ただいま担当者とお話し中のため、ボットの操作は受け付けていません。ボットのご案内に戻るときは${JA_LEAVE}と入力してください。`,
  leaveChoice: 'ボットに戻る',
  alreadyBack: '担当者とのチャットは終了しています。ただいまボットがご案内しています。',
  stale: 'その操作は以前の画面のものなので、実行していません。',
};

const customerEn: CustomerTexts = {
  offerLive: 'You can also chat with a person here.',
  offerLiveChoice: 'Chat with a person',
  offerCallbackRequest:
    'Our chat staff are outside their hours now. If you leave a request, a person will read it during business hours and reply in this chat.',
  offerCallbackRequestChoice: 'Leave a request for a person',
  askCallbackRequest: 'Please type your request for our staff. Do not include passwords or one-time codes.',
  cancelChoice: 'Cancel',
  callbackRequestCancelled: 'The request was not sent.',
  waiting: (id) =>
    `We have told our staff (ticket no. ${id}). Please wait a moment until a person joins this chat. Messages you type here go to them. To return to the bot, type ${EN_LEAVE}.`,
  callbackRequestTaken: (id, next) =>
    `We have received your request (ticket no. ${id}). A person will read it ${next ? `after we open again (${next})` : 'during business hours'} and reply in this chat. You can go on with the bot meanwhile.`,
  unavailable:
    'Sorry, we cannot connect you to a person right now. You can go on with the procedure here in the chat.',
  nowClosed: 'Our chat staff are now outside their hours.',
  relayedWaiting: `Sent to our staff. Please wait until a person joins this chat. To return to the bot, type ${EN_LEAVE}.`,
  relayFailed: `Sorry, your message could not reach our staff. Please try again in a moment, or type ${EN_LEAVE}.`,
  hoursEnded: (next) =>
    `Our hours have ended, so your messages were left as a request. A person will read it ${next ? `after we open again (${next})` : 'during business hours'} and reply in this chat. You are back with the bot.`,
  claimed: `A person has joined this chat. Messages you type here go to them. To return to the bot, type ${EN_LEAVE}.`,
  agentSays: (text) => `Staff: ${text}`,
  handedBack: 'Our staff have handed you back to the bot. You can go on from where you stopped.',
  closedByAgent: 'The chat with our staff has ended. The bot will help you from here.',
  customerLeft:
    'You are back with the bot; the chat with our staff has ended. You can go on from where you stopped.',
  inLiveChat: `You are chatting with a person, so the bot's buttons are paused. To return to the bot, type ${EN_LEAVE}.`,
  leaveChoice: 'Back to the bot',
  alreadyBack: 'The chat with our staff has ended; the bot is helping you now.',
  stale: 'That button belongs to an earlier message, so nothing was done.',
};

const roomJa: RoomTexts = {
  heading: (status) =>
    status === 'request'
      ? '【受付時間外のご依頼】お客様から担当者へのご依頼です。'
      : '【チャット対応のご依頼】お客様が担当者とのチャットを希望しています。',
  ticketNo: '受付番号',
  customer: 'お客様',
  verified: (id) => `${id}（本人確認済み）`,
  unverified: '本人確認前',
  channel: 'チャネル',
  procedure: 'お手続き',
  noProcedure: '進行中のお手続きはありません',
  step: '手順',
  acknowledged: 'お客様が確認した項目',
  confirmed: 'お客様が同意した最終確認',
  pendingOperation: '結果を確認中の操作',
  recentReplies: 'ボットが直前に表示した内容',
  request: 'ご依頼の内容',
  fromCustomer: 'お客様',
  fromAgent: (label) => `担当者（${label}）`,
  claimButton: '対応する',
  handBackButton: 'ボットに戻す',
  closeButton: '終了する',
  claimedBy: (label) => `${label} さんが対応中です。`,
  closed: (reason) => CLOSED_JA[reason],
  refused: (reason) => REFUSED_JA[reason],
};

const CLOSED_JA: Record<CloseReason, string> = {
  'handed-back': 'ボットに戻しました。この依頼は終了しています。',
  'closed-by-agent': '担当者が終了しました。',
  'customer-left': 'お客様がボットのご案内に戻りました。この依頼は終了しています。',
  replaced: 'お客様が新しい依頼を出したため、この依頼は終了しました。',
  undeliverable: 'この依頼は届けられなかったため終了しました。',
};

const REFUSED_JA: Record<Parameters<RoomTexts['refused']>[0], string> = {
  'not-agent': '担当者として登録されていないため、この操作はできません。',
  'not-claimer': 'この依頼は別の担当者が対応中のため、この操作はできません。',
  'already-claimed': 'この依頼はすでに別の担当者が対応しています。',
  closed: 'この依頼はすでに終了しています。',
  'not-claimed': 'まず「対応する」を押してください。',
  unknown: 'この依頼は見つかりませんでした。',
};

const roomEn: RoomTexts = {
  heading: (status) =>
    status === 'request'
      ? '[Request left out of hours] A customer left a request for a person.'
      : '[Live chat request] A customer would like to chat with a person.',
  ticketNo: 'Ticket no.',
  customer: 'Customer',
  verified: (id) => `${id} (verified)`,
  unverified: 'not verified yet',
  channel: 'Channel',
  procedure: 'Procedure',
  noProcedure: 'no procedure in progress',
  step: 'step',
  acknowledged: 'Acknowledged by the customer',
  confirmed: 'Final confirmations agreed',
  pendingOperation: 'Operation with an unknown outcome',
  recentReplies: 'What the bot showed last',
  request: 'Request',
  fromCustomer: 'Customer',
  fromAgent: (label) => `Agent (${label})`,
  claimButton: 'Take it',
  handBackButton: 'Back to bot',
  closeButton: 'Close',
  claimedBy: (label) => `${label} is handling this.`,
  closed: (reason) => CLOSED_EN[reason],
  refused: (reason) => REFUSED_EN[reason],
};

const CLOSED_EN: Record<CloseReason, string> = {
  'handed-back': 'Handed back to the bot; this ticket is closed.',
  'closed-by-agent': 'Closed by an agent.',
  'customer-left': 'The customer went back to the bot; this ticket is closed.',
  replaced: 'The customer asked again; this ticket was replaced by the new one.',
  undeliverable: 'Closed: the ticket could not be delivered.',
};

const REFUSED_EN: Record<Parameters<RoomTexts['refused']>[0], string> = {
  'not-agent': 'You are not registered as an agent, so you cannot do this.',
  'not-claimer': 'Another agent is handling this ticket.',
  'already-claimed': 'Another agent has already taken this ticket.',
  closed: 'This ticket is already closed.',
  'not-claimed': 'Please take the ticket first.',
  unknown: 'This ticket was not found.',
};

export function customerTexts(locale: Locale): CustomerTexts {
  return locale === 'en' ? customerEn : customerJa;
}

export function roomTexts(locale: Locale): RoomTexts {
  return locale === 'en' ? roomEn : roomJa;
}

/** The phrases that take a customer out of a live chat, compared after `normalizeLoose`. */
export const LEAVE_PHRASES = [
  'ボットに戻る',
  'ボットに戻ります',
  'ボットに戻りたい',
  'ボットにもどる',
  'botに戻る',
  'ボットへ戻る',
  'back to bot',
  'back to the bot',
];

const NEXT_OPENING_FORMAT: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }),
};

const OPENING: Record<Locale, (time: string) => string> = {
  ja: (time) => time,
  en: (time) => `${time} Japan time`,
};

/** `11月24日(火) 9:00` / `Tue, Nov 24, 9:00 AM Japan time`. */
export function formatOpening(instant: Date, locale: Locale): string {
  return OPENING[locale](NEXT_OPENING_FORMAT[locale].format(instant));
}

/**
 * The desk sentences of the desk contacts (`describe.ts`, `desk-contacts.ts`), ja (です・ます) and en. Times are
 * Japan time.
 */
import type { Catalogs } from '../engine/text/catalog.js';

export const calendarMessages: Catalogs = {
  ja: {
    'desk.web-only': '受付時間の情報がございません。{name}（{url}）をご確認ください。',
    'desk.open': 'ただいま受付中です（{hours}）。',
    'desk.closed': 'ただいま受付時間外です。次の受付開始は{next} です。',
    'desk.holiday-caveat': '{sentence}（{year}年より先の祝日の情報がないため、祝日は考慮できていません。）',
    'desk.range': '{start}〜{end}',
    'desk.range-separator': '、',
    'desk.hours': '平日 {ranges}',
    'desk.title': '{name}（{topic}）',
    'desk.phone': '電話: {phone}（{hours}）',
    'desk.email': 'メール: {email}',
    'desk.chat-any-time': '受付時間外でも、このチャットでのお手続きは24時間いつでも最後まで進められます。',
  },
  en: {
    'desk.web-only': "We do not have this desk's opening hours. Please check the {name} ({url}).",
    'desk.open': 'The desk is open now ({hours}, Japan time).',
    'desk.closed': 'The desk is closed now. It opens again on {next} (Japan time).',
    'desk.holiday-caveat':
      '{sentence} (Public holidays after {year} are not known to us, so they could not be taken into account.)',
    'desk.range': '{start}–{end}',
    'desk.range-separator': ' and ',
    'desk.hours': 'weekdays {ranges}',
    'desk.title': '{name} ({topic})',
    'desk.phone': 'Phone: {phone} ({hours}, Japan time)',
    'desk.email': 'E-mail: {email}',
    'desk.chat-any-time':
      'Even outside these hours, you can complete the procedure here in the chat at any time.',
  },
};

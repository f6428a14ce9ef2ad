/**
 * Polite, localised sentences about a desk's availability and contact details, for handoff replies.
 * Times are Japan time; Japanese text is です・ます form. A web-only desk's hours are unknown, so its text never
 * says open or closed.
 */
import type { Locale } from '../engine/turn.js';
import type { Closure } from './closures.js';
import type { Desk, StaffedDesk } from './desks.js';
import { HOLIDAY_TABLE_LAST_YEAR, holidaysKnownFor } from './holiday-table.js';
import { isOpen, nextOpening } from './hours.js';
import { formatMinute, type TokyoMoment, toTokyo } from './tokyo-time.js';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * One sentence: open now (with the hours), closed now (with the next opening, and the year when it differs
 * from the current one), or — for a web-only desk — where to look, without claiming either.
 */
export function describeAvailability(
  desk: Desk,
  instant: Date,
  locale: Locale,
  closures: readonly Closure[] = [],
): string {
  if (desk.kind === 'web-only') {
    return locale === 'ja'
      ? `受付時間の情報がございません。${desk.name.ja}（${desk.url}）をご確認ください。`
      : `We do not have this desk's opening hours. Please check the ${desk.name.en} (${desk.url}).`;
  }
  if (isOpen(desk, instant, closures)) {
    const open =
      locale === 'ja'
        ? `ただいま受付中です（${describeHours(desk, 'ja')}）。`
        : `The desk is open now (${describeHours(desk, 'en')}, Japan time).`;
    return withHolidayCaveat(open, toTokyo(instant), locale);
  }
  const next = toTokyo(nextOpening(desk, instant, closures));
  const showYear = next.year !== toTokyo(instant).year;
  const closed =
    locale === 'ja'
      ? `ただいま受付時間外です。次の受付開始は${formatMomentJa(next, showYear)} です。`
      : `The desk is closed now. It opens again on ${formatMomentEn(next, showYear)} (Japan time).`;
  return withHolidayCaveat(closed, next, locale);
}

/** Past the holiday table a weekday may be a holiday: say that the sentence could not take holidays into account. */
function withHolidayCaveat(sentence: string, day: TokyoMoment, locale: Locale): string {
  if (holidaysKnownFor(day)) return sentence;
  return locale === 'ja'
    ? `${sentence}（${HOLIDAY_TABLE_LAST_YEAR}年より先の祝日の情報がないため、祝日は考慮できていません。）`
    : `${sentence} (Public holidays after ${HOLIDAY_TABLE_LAST_YEAR} are not known to us, so they could not be taken into account.)`;
}

/** The opening hours as the source writes them: `平日 9:30〜12:00、13:00〜17:00` / `weekdays 9:30–12:00 and 13:00–17:00`. */
export function describeHours(desk: StaffedDesk, locale: Locale): string {
  const ranges = desk.windows.map((w) =>
    locale === 'ja'
      ? `${formatMinute(w.start)}〜${formatMinute(w.end)}`
      : `${formatMinute(w.start)}–${formatMinute(w.end)}`,
  );
  return locale === 'ja' ? `平日 ${ranges.join('、')}` : `weekdays ${ranges.join(' and ')}`;
}

/** Contact lines for a handoff: the desk and its topic, then phone with hours and e-mail, or the web page. */
export function describeContact(desk: Desk, locale: Locale): string[] {
  const title =
    locale === 'ja' ? `${desk.name.ja}（${desk.topic.ja}）` : `${desk.name.en} (${desk.topic.en})`;
  if (desk.kind === 'web-only') return [title, desk.url];
  return locale === 'ja'
    ? [title, `電話: ${desk.phone}（${describeHours(desk, 'ja')}）`, `メール: ${desk.email}`]
    : [title, `Phone: ${desk.phone} (${describeHours(desk, 'en')}, Japan time)`, `E-mail: ${desk.email}`];
}

function formatMomentJa(m: TokyoMoment, showYear: boolean): string {
  const year = showYear ? `${m.year}年` : '';
  return `${year}${m.month}月${m.day}日（${WEEKDAYS_JA[m.weekday]}）${formatMinute(m.minuteOfDay)}`;
}

function formatMomentEn(m: TokyoMoment, showYear: boolean): string {
  const year = showYear ? `, ${m.year}` : '';
  return `${WEEKDAYS_EN[m.weekday]}, ${MONTHS_EN[m.month - 1]} ${m.day}${year}, ${formatMinute(m.minuteOfDay)}`;
}

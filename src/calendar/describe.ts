/**
 * Polite, localised sentences about a desk's availability and contact details, for the desk contacts.
 * Times are Japan time; Japanese text is です・ます form. A web-only desk's hours are unknown, so its text never
 * says open or closed.
 */
import { createTranslator } from '../engine/text/catalog.js';
import type { Locale } from '../engine/turn.js';
import type { Closure } from './closures.js';
import type { Desk, StaffedDesk } from './desks.js';
import { HOLIDAY_TABLE_LAST_YEAR, holidaysKnownFor } from './holiday-table.js';
import { isOpen, nextOpening } from './hours.js';
import { calendarMessages } from './messages.js';
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
  const { t } = createTranslator(calendarMessages, locale);
  if (desk.kind === 'web-only') return t('desk.web-only', { name: desk.name[locale], url: desk.url });
  if (isOpen(desk, instant, closures)) {
    return withHolidayCaveat(
      t('desk.open', { hours: describeHours(desk, locale) }),
      toTokyo(instant),
      locale,
    );
  }
  const next = toTokyo(nextOpening(desk, instant, closures));
  const showYear = next.year !== toTokyo(instant).year;
  const closed = t('desk.closed', { next: FORMAT_MOMENT[locale](next, showYear) });
  return withHolidayCaveat(closed, next, locale);
}

/** Past the holiday table a weekday may be a holiday: say that the sentence could not take holidays into account. */
function withHolidayCaveat(sentence: string, day: TokyoMoment, locale: Locale): string {
  if (holidaysKnownFor(day)) return sentence;
  return createTranslator(calendarMessages, locale).t('desk.holiday-caveat', {
    sentence,
    year: String(HOLIDAY_TABLE_LAST_YEAR),
  });
}

/** The opening hours as the source writes them: `平日 9:30〜12:00、13:00〜17:00` / `weekdays 9:30–12:00 and 13:00–17:00`. */
export function describeHours(desk: StaffedDesk, locale: Locale): string {
  const { t } = createTranslator(calendarMessages, locale);
  const ranges = desk.windows.map((w) =>
    t('desk.range', { start: formatMinute(w.start), end: formatMinute(w.end) }),
  );
  return t('desk.hours', { ranges: ranges.join(t('desk.range-separator')) });
}

/** Contact lines of the desk contacts: the desk and its topic, then phone with hours and e-mail, or the web page. */
export function describeContact(desk: Desk, locale: Locale): string[] {
  const { t } = createTranslator(calendarMessages, locale);
  const title = t('desk.title', { name: desk.name[locale], topic: desk.topic[locale] });
  if (desk.kind === 'web-only') return [title, desk.url];
  return [
    title,
    t('desk.phone', { phone: desk.phone, hours: describeHours(desk, locale) }),
    t('desk.email', { email: desk.email }),
  ];
}

function formatMomentJa(m: TokyoMoment, showYear: boolean): string {
  const year = showYear ? `${m.year}年` : '';
  return `${year}${m.month}月${m.day}日（${WEEKDAYS_JA[m.weekday]}）${formatMinute(m.minuteOfDay)}`;
}

function formatMomentEn(m: TokyoMoment, showYear: boolean): string {
  const year = showYear ? `, ${m.year}` : '';
  return `${WEEKDAYS_EN[m.weekday]}, ${MONTHS_EN[m.month - 1]} ${m.day}${year}, ${formatMinute(m.minuteOfDay)}`;
}

/** A moment as each language writes it (`11月24日（火）9:00` / `Tuesday, November 24, 9:00`). */
const FORMAT_MOMENT: Record<Locale, (m: TokyoMoment, showYear: boolean) => string> = {
  ja: formatMomentJa,
  en: formatMomentEn,
};
